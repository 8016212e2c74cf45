// Loads a dataset folder: reads each YAML file, validates it against its schema, normalises it, checks references.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../input/paths.js';
import { error, ReviewError, warning, type Diagnostic, type Location } from '../errors.js';
import { readInputText } from '../input/read.js';
import { DEFAULT_LIMITS, type Limits } from '../input/limits.js';
import { messages } from './messages.js';
import { messages as inputMessages } from '../input/messages.js';
import { checkReferences } from './references.js';
import { checkUnits } from './units.js';
import { conforms } from '../input/schema.js';
import type { Dataset } from './types.js';
import type { DatasetFiles } from './files.js';
import { parseYaml, type ParsedYaml } from '../input/yaml.js';
import { DatasetPositions } from '../input/positions.js';

/**
 * The files of a dataset folder, each named as its schema is (`claims.yaml`, `claims.schema.json`): which Dataset field
 * each fills, under which top-level key, and whether the folder must have it.
 */
const FILES = {
  review: { field: 'meta', key: null, required: true },
  sources: { field: 'sources', key: 'sources', required: true },
  metrics: { field: 'metrics', key: 'metrics', required: true },
  claims: { field: 'claims', key: 'claims', required: true },
  events: { field: 'events', key: 'events', required: false },
  partnerships: { field: 'partnerships', key: 'partnerships', required: false },
  people: { field: 'people', key: 'people', required: false },
  narrative: { field: 'narrative', key: 'sections', required: true },
} as const satisfies Record<keyof DatasetFiles, { field: keyof Dataset; key: string | null; required: boolean }>;

/**
 * Invisible format characters that steer shaping or direction (zero-width joiners, bidirectional controls, the
 * word joiner, a byte order mark inside a text): the PDF's fonts have no glyphs for them, and bidirectional
 * overrides would reorder what a reader sees against what the file says. They are dropped, with a warning.
 */
const FORMAT_CHARACTERS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Every string NFC: NFD input renders but extracts broken from a PDF. `dropped` hears of each string that held format characters. */
export function normaliseStrings<T>(value: T, dropped?: (path: string, codes: string[]) => void, path = ''): T {
  if (typeof value === 'string') {
    const found = value.match(FORMAT_CHARACTERS);
    if (found && dropped)
      dropped(
        path,
        [...new Set(found)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`),
      );
    return (found && dropped ? value.replace(FORMAT_CHARACTERS, '') : value).normalize('NFC') as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown, i) => normaliseStrings(v, dropped, `${path}[${i}]`)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseStrings(v, dropped, path ? `${path}.${k}` : k)])) as T;
  }
  return value;
}

const readText = (path: string, limits: Limits) => readInputText(path, (detail) => error('dataset/unreadable', messages.fileUnreadable(detail), { file: displayPath(path) }), limits);

/**
 * Loads and checks a dataset; throws a ReviewError carrying every problem found, each located. Warnings (problems
 * that do not stop the build) are added to `warnings` when it is given.
 */
export function loadDataset(dir: string, limits: Limits = DEFAULT_LIMITS, warnings?: Diagnostic[]): Dataset {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ReviewError([error('dataset/no-folder', messages.notADirectory(displayPath(dir)))]);

  const diagnostics: Diagnostic[] = [];
  const positions = new DatasetPositions();
  let narrativeYaml: ParsedYaml | undefined;

  /** One file, read, checked against its schema, its positions kept and its strings normalised; undefined when it is absent or wrong. */
  const readFile = <K extends keyof DatasetFiles>(name: K): DatasetFiles[K] | undefined => {
    const spec = FILES[name];
    const file = `${name}.yaml`;
    const path = join(dir, file);
    const shown = displayPath(path);
    let text: string | Diagnostic;
    try {
      statSync(path);
      text = readText(path, limits);
    } catch {
      if (spec.required) diagnostics.push(error('dataset/missing-file', messages.fileMissing(file), { file: shown }));
      return undefined;
    }
    if (typeof text !== 'string') {
      diagnostics.push(text);
      return undefined;
    }
    const parsed = parseYaml(text, shown, limits);
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics);
      return undefined;
    }
    // The schema would say "must be object": say what is wrong with the file instead.
    if (parsed.value === null || parsed.value === undefined || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      const empty = parsed.value === null || parsed.value === undefined;
      diagnostics.push(error('dataset/not-a-mapping', empty ? messages.emptyFile(file) : messages.notAMapping(file), { file: shown, ...(empty ? {} : { line: 1, column: 1 }) }));
      return undefined;
    }
    const list = spec.key === null ? undefined : (parsed.value as Record<string, unknown>)[spec.key];
    if (spec.field === 'claims' && Array.isArray(list) && list.length > limits.claims) {
      diagnostics.push(error('dataset/too-many-claims', messages.tooManyClaims(list.length, limits.claims), parsed.positions.get(spec.key) ?? { file: shown }, inputMessages.limitHint('claims')));
      return undefined;
    }
    if (!conforms<DatasetFiles, K>(parsed.value, name, shown, parsed.positions, diagnostics)) return undefined;
    // The file's positions under the Dataset's paths ("sections[0]" in narrative.yaml is "narrative[0]").
    positions.add(spec.field, spec.key, parsed.positions);
    if (name === 'narrative') narrativeYaml = parsed;
    return normaliseStrings(parsed.value, (path, codes) => {
      const at = parsed.positions.get(path) ?? { file: shown };
      warnings?.push(warning('dataset/format-character', messages.formatCharacters(codes), { ...at, path }));
    });
  };

  const review = readFile('review');
  const sources = readFile('sources');
  const metrics = readFile('metrics');
  const claims = readFile('claims');
  const events = readFile('events');
  const partnerships = readFile('partnerships');
  const people = readFile('people');
  const narrative = readFile('narrative');
  // A required file absent or wrong has been reported.
  if (diagnostics.length || !review || !sources || !metrics || !claims || !narrative) throw new ReviewError(diagnostics);

  const read: Dataset = {
    dir,
    meta: review,
    sources: sources.sources,
    metrics: metrics.metrics,
    claims: claims.claims,
    events: events?.events ?? [],
    partnerships: partnerships?.partnerships ?? [],
    people: people?.people ?? [],
    narrative: narrative.sections,
    positions,
  };
  const locate = (path: string): Location => positions.get(path) ?? positions.get(path.replace(/\.[^.[\]]+$|\[\d+\]$/, '')) ?? {};
  const locateInBody = (section: number, offset: number): Location =>
    narrativeYaml?.positionIn(`sections[${section}].body`, read.narrative[section]!.body, offset) ?? locate(`narrative[${section}].body`);
  const units = checkUnits(read, locate);
  const dataset = units.dataset;
  const problems = [...units.diagnostics, ...checkReferences(dataset, locate, locateInBody)];
  if (problems.some((d) => d.severity === 'error')) throw new ReviewError(problems);
  return dataset;
}
