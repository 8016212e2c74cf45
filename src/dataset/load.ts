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
import { validateAgainstSchema } from '../input/schema.js';
import type { Dataset, SourcePosition } from './types.js';
import { parseYaml, type ParsedYaml } from '../input/yaml.js';

/** The files of a dataset folder: which Dataset field each fills and under which top-level key. */
const FILES = [
  { file: 'review.yaml', field: 'meta', key: null, required: true },
  { file: 'sources.yaml', field: 'sources', key: 'sources', required: true },
  { file: 'metrics.yaml', field: 'metrics', key: 'metrics', required: true },
  { file: 'claims.yaml', field: 'claims', key: 'claims', required: true },
  { file: 'events.yaml', field: 'events', key: 'events', required: false },
  { file: 'partnerships.yaml', field: 'partnerships', key: 'partnerships', required: false },
  { file: 'people.yaml', field: 'people', key: 'people', required: false },
  { file: 'narrative.yaml', field: 'narrative', key: 'sections', required: true },
] as const;

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
  const positions = new Map<string, SourcePosition>();
  const fields: Record<string, unknown> = { events: [], partnerships: [], people: [] };
  let narrativeYaml: ParsedYaml | undefined;

  for (const spec of FILES) {
    const path = join(dir, spec.file);
    const shown = displayPath(path);
    let text: string | Diagnostic;
    try {
      statSync(path);
      text = readText(path, limits);
    } catch {
      if (spec.required) diagnostics.push(error('dataset/missing-file', messages.fileMissing(spec.file), { file: shown }));
      continue;
    }
    if (typeof text !== 'string') {
      diagnostics.push(text);
      continue;
    }
    const parsed = parseYaml(text, shown, limits);
    if (parsed.diagnostics.length) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    // The schema would say "must be object": say what is wrong with the file instead.
    if (parsed.value === null || parsed.value === undefined || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      const empty = parsed.value === null || parsed.value === undefined;
      diagnostics.push(error('dataset/not-a-mapping', empty ? messages.emptyFile(spec.file) : messages.notAMapping(spec.file), { file: shown, ...(empty ? {} : { line: 1, column: 1 }) }));
      continue;
    }
    const list = spec.key === null ? undefined : (parsed.value as Record<string, unknown>)[spec.key];
    if (spec.field === 'claims' && Array.isArray(list) && list.length > limits.claims) {
      diagnostics.push(error('dataset/too-many-claims', messages.tooManyClaims(list.length, limits.claims), parsed.positions.get(spec.key) ?? { file: shown }, inputMessages.limitHint('claims')));
      continue;
    }
    const schemaDiagnostics = validateAgainstSchema(parsed.value, spec.file.replace('.yaml', '.schema.json'), shown, parsed.positions);
    if (schemaDiagnostics.length) {
      diagnostics.push(...schemaDiagnostics);
      continue;
    }
    // Re-key positions from the file's own paths to the Dataset's ("sections[0]" in narrative.yaml is "narrative[0]").
    for (const [p, pos] of parsed.positions) {
      if (spec.key === null) positions.set(p ? `${spec.field}.${p}` : spec.field, pos);
      else if (p === spec.key || p.startsWith(`${spec.key}[`) || p.startsWith(`${spec.key}#`)) {
        positions.set(spec.field + p.slice(spec.key.length), pos);
      }
    }
    const value = normaliseStrings(parsed.value, (path, codes) => {
      const at = parsed.positions.get(path) ?? { file: shown };
      warnings?.push(warning('dataset/format-character', messages.formatCharacters(codes), { ...at, path }));
    }) as Record<string, unknown>;
    fields[spec.field] = spec.key === null ? value : value[spec.key];
    if (spec.field === 'narrative') narrativeYaml = parsed;
  }
  if (diagnostics.length) throw new ReviewError(diagnostics);

  const read = { dir, ...fields, positions } as unknown as Dataset;
  const locate = (path: string): Location => positions.get(path) ?? positions.get(path.replace(/\.[^.[\]]+$|\[\d+\]$/, '')) ?? {};
  const locateInBody = (section: number, offset: number): Location =>
    narrativeYaml?.positionIn(`sections[${section}].body`, read.narrative[section]!.body, offset) ?? locate(`narrative[${section}].body`);
  const units = checkUnits(read, locate);
  const dataset = units.dataset;
  const problems = [...units.diagnostics, ...checkReferences(dataset, locate, locateInBody)];
  if (problems.some((d) => d.severity === 'error')) throw new ReviewError(problems);
  return dataset;
}
