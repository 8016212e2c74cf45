// Every diagnostic the chart stage reports, built in one place so tests compare against the same texts.
import { error, warning, type Diagnostic } from '../errors.js';
import { propertyIn, type TextPosition } from './position.js';
import type { ChartInput } from './types.js';

/** Where a mark is named: `"mark": "image"` or `"mark": {"type": "image"}`. */
const markIn = (source: string | undefined, mark: string) => propertyIn(source, 'mark', mark) ?? propertyIn(source, 'type', mark);

/** The spec's file, and the line and column of what the message is about when it can be found in the spec's text. */
const at = (input: ChartInput, position?: TextPosition) => (input.file === undefined ? {} : { file: input.file, ...position });

export function unknownData(input: ChartInput, names: readonly string[], available: readonly string[]): Diagnostic {
  const list = available.length > 0 ? available.map((n) => `"${n}"`).join(', ') : 'none';
  return error(
    'chart/unknown-data',
    `chart "${input.name}" refers to data ${names.map((n) => `"${n}"`).join(', ')} that the pipeline does not supply (available: ${list})`,
    at(input, propertyIn(input.source, 'name', names[0])),
  );
}

export function refusedLoad(input: ChartInput, url: string): Diagnostic {
  return error(
    'chart/refused-load',
    `chart "${input.name}" tries to load "${url}"; charts may only use the named datasets the pipeline supplies`,
    at(input, propertyIn(input.source, 'url', url)),
    'replace the url with {"name": "<dataset>"}',
  );
}

/** `mark`: the unknown mark the detail names, pointed at in the spec's text. */
export function invalidSpec(input: ChartInput, detail: string, mark?: string): Diagnostic {
  return error('chart/invalid-spec', `chart "${input.name}" is not a valid Vega-Lite spec: ${detail}`, at(input, mark === undefined ? undefined : markIn(input.source, mark)));
}

export function vegaError(input: ChartInput, detail: string): Diagnostic {
  return error('chart/vega-error', `chart "${input.name}" failed to render: ${detail}`, at(input));
}

export function vegaWarning(input: ChartInput, detail: string): Diagnostic {
  return warning('chart/vega-warning', `chart "${input.name}": ${detail}`, at(input));
}

export function imageMark(input: ChartInput): Diagnostic {
  return error('chart/image', `chart "${input.name}" draws an image; charts may only contain vector marks and text`, at(input, markIn(input.source, 'image')));
}

export function noData(input: ChartInput): Diagnostic {
  return warning(
    'chart/no-data',
    `chart "${input.name}" has no data to draw: its figure says so instead`,
    at(input),
    'add what the chart draws to the dataset, or leave its figure out of your template',
  );
}

export function timeout(input: ChartInput, seconds: number): Diagnostic {
  return error(
    'chart/timeout',
    `chart "${input.name}" took more than ${seconds} s to draw, and was stopped`,
    at(input),
    `ask Vega for less (ticks, bins, generated rows), or raise the limit: --limit chartSeconds=${seconds * 4}`,
  );
}
