// Parses one YAML file into plain data plus a map from field path ("claims[3].quote") to line and column.
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Node } from 'yaml';
import { error } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { SourcePosition, Diagnostic } from '../errors.js';
import { messages } from './messages.js';
import { codeIdentity } from './paths.js';
import { FieldPositions } from './positions.js';
import { keepInCache, readCacheEntry, remember, sha256 } from '../output/index.js';

export interface ParsedYaml {
  value: unknown;
  positions: FieldPositions;
  diagnostics: Diagnostic[];
  /**
   * Where the character at `offset` of `value`, the text of the string at `path` (as read, or normalised since),
   * stands in the file: the line and column inside a block scalar, also a folded one.
   */
  positionIn: (path: string, value: string, offset: number) => SourcePosition | undefined;
}

/** What a scalar's value lacks of its source between two characters: indentation, line breaks, marks NFC composed, dropped format characters. */
const STEPPED_OVER = /[\s\p{M}\p{Cf}]/u;

/** The length of a double-quoted scalar's escape by the letter after its backslash (\x41, \u00e9); others take two. */
const ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 4, u: 6, U: 10 };

/**
 * The offset in the file of the character at `offset` of `value`, a string scalar's value. The value is the scalar's
 * source (from its range) less what YAML takes away: a block scalar's header line, indentation, folded line breaks,
 * quotes and escapes. Walking the two together, a character of the value meets its own in the source, or a space the
 * line break it was folded from, or the escape that wrote it, and what the value lacks is stepped over.
 */
function sourceOffset(text: string, node: Scalar, value: string, offset: number): number {
  const [start, end] = node.range ?? [0, text.length];
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  let j = block ? text.indexOf('\n', start) + 1 : node.type === Scalar.PLAIN ? start : start + 1;
  for (let i = 0; i < offset && j < end;) {
    const c = value[i];
    const s = text[j]!;
    if (node.type === Scalar.QUOTE_DOUBLE && s === '\\') {
      // An escaped line break writes nothing; any other escape one character.
      const next = text[j + 1] ?? '';
      if (next !== '\n') i += 1;
      j += ESCAPE_LENGTH[next] ?? 2;
    } else if (node.type === Scalar.QUOTE_SINGLE && s === "'") {
      // '' is one quotation mark.
      i += 1;
      j += 2;
    } else {
      if (c === s || (c === ' ' && s === '\n') || !STEPPED_OVER.test(s)) i += 1;
      j += 1;
    }
  }
  while (j < end && value[offset] !== text[j] && STEPPED_OVER.test(text[j]!)) j += 1;
  return j;
}

/** "claims[3].value", or "(top level)" for the document itself. */
const shownPath = (path: string) => (path.length > 48 ? `${path.slice(0, 48)}…` : path || '(top level)');

function parseYamlText(text: string, file: string, limits: Limits): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // After the first syntax error the parser's further complaints are mostly its consequences: report the first.
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].slice(0, 1).map((e) => {
    const pos = e.linePos?.[0];
    const at = { file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
    // The parser recurses once per level: a file nested thousands deep overflows its stack.
    if (/Maximum call stack size exceeded/.test(e.message)) return error('dataset/yaml-depth', messages.yamlDepth(limits.yamlDepth), at, messages.limitHint('yamlDepth'));
    return error('dataset/yaml-syntax', messages.yamlSyntax((e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')), at);
  });
  const positions = new FieldPositions(file);
  const strings = new Map<string, Scalar>();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const setAt = (path: string, offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    positions.set(path, line, col);
  };
  const problem = (d: Diagnostic) => {
    if (diagnostics.length < 20) diagnostics.push(d);
  };
  const walk = (node: Node | null | undefined, path: string, depth = 0): void => {
    if (!node) return;
    if (node.range) setAt(path, node.range[0]);
    const where = () => ({ ...(node.range ? at(node.range[0]) : { file }), path: shownPath(path) });
    if ((isMap(node) || isSeq(node)) && depth >= limits.yamlDepth) {
      problem(error('dataset/yaml-depth', messages.yamlDepth(limits.yamlDepth), where(), messages.limitHint('yamlDepth')));
      return;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'string') strings.set(path, node);
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) problem(error('dataset/number-range', messages.numberRange(String(node.source ?? node.value)), where()));
      if (typeof node.value === 'string' && node.value.length > limits.stringLength) {
        problem(error('dataset/string-length', messages.stringLength(node.value.length, limits.stringLength), where(), messages.limitHint('stringLength')));
      }
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = path ? `${path}.${key}` : key;
        // A key's own position is where "key:" stands: better for "missing field" and "unknown field" messages.
        if (pair.key.range) setAt(`${child}#key`, pair.key.range[0]);
        walk(pair.value as Node | null, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, `${path}[${i}]`, depth + 1));
    }
  };
  if (!diagnostics.length) walk(doc.contents, '');
  const positionIn = (path: string, value: string, offset: number) => {
    const node = strings.get(path);
    return node && at(sourceOffset(text, node, value, offset));
  };
  if (diagnostics.length) return { value: undefined, positions, diagnostics, positionIn };
  try {
    return { value: doc.toJS({ maxAliasCount: limits.yamlAliases }), positions, diagnostics, positionIn };
  } catch (e) {
    // An alias of a node that holds aliases multiplies: a few lines can expand to billions of nodes ("billion laughs").
    if (!(e instanceof ReferenceError)) throw e;
    let first: SourcePosition | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) first ??= at(node.range[0]);
        return first ? visit.BREAK : undefined;
      },
    });
    return { value: undefined, positions, positionIn, diagnostics: [error('dataset/yaml-aliases', messages.yamlAliases(limits.yamlAliases), first ?? { file }, messages.limitHint('yamlAliases'))] };
  }
}

/** Raised when the kept files' format changes, so that no older file is read as a newer one. */
const FORMAT = 1;
let keptIn: string | undefined;

/**
 * Keeps what parseYaml reads in `dir` (the build's cache folder), or, with undefined, nothing: a file that has not
 * changed since is read back instead of parsed. A slot per file shown (and working folder) holds its last reading.
 */
export function keepYamlIn(dir: string | undefined): void {
  keptIn = dir && join(dir, 'yaml');
}

/** The YAML package and this folder's code: a change to either parses afresh. */
const parserIdentity = () => codeIdentity(['yaml'], [new URL('./', import.meta.url)]);

/** A value JSON gives back as it was: no -0 (nor non-finite numbers, which are reported and never kept). */
const keepable = (value: unknown): string | undefined => {
  const inexact: number[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v))) inexact.push(v);
    return v;
  }) as string | undefined;
  return inexact.length ? undefined : text;
};

/** Readings kept in this process when there is no cache folder: the JSON text of each one's entry, by its key. */
const remembered = new Map<string, string>();
const REMEMBERED = 64;
/** A reading whose entry is longer than this is not kept in memory. */
const REMEMBERED_LENGTH = 4 * 1024 * 1024;

/**
 * One YAML text read (`file` is its name as messages show it): its value, the position of every field, and problems
 * (the first syntax error, or those of depth, length and range). A text read before whole and without problems is read
 * back with its positions: with `keepYamlIn`, from the cache folder; without, from this process's memory (a rebuild in
 * the same process). The rare question of a position inside a string parses it then.
 */
export function parseYaml(text: string, file: string, limits: Limits = DEFAULT_LIMITS): ParsedYaml {
  const key = sha256(`${FORMAT}\n${parserIdentity()}\n${JSON.stringify([file, limits.yamlDepth, limits.yamlAliases, limits.stringLength])}\n${text}`);
  const slot = keptIn === undefined ? undefined : join(keptIn, `${sha256(`${FORMAT}\n${process.cwd()}\n${file}`)}.json`);
  // Without a file yet, or one that cannot be read, the text is parsed and the file written anew.
  const remembering = slot === undefined ? remembered.get(key) : undefined;
  const kept = (slot === undefined ? remembering && JSON.parse(remembering) : readCacheEntry(slot, key)) as { value?: unknown; positions?: [string, number, number][] } | undefined;
  if (kept && Array.isArray(kept.positions)) {
    let parsed: ParsedYaml | undefined;
    const positions = new FieldPositions(file);
    for (const [path, line, column] of kept.positions) positions.set(path, line, column);
    return {
      value: kept.value,
      positions,
      diagnostics: [],
      positionIn: (path, value, offset) => (parsed ??= parseYamlText(text, file, limits)).positionIn(path, value, offset),
    };
  }
  const parsed = parseYamlText(text, file, limits);
  const value = parsed.diagnostics.length ? undefined : keepable(parsed.value);
  if (value !== undefined) {
    const positions = JSON.stringify([...parsed.positions].map(([path, at]) => [path, at.line, at.column]));
    const entry = `{"key":${JSON.stringify(key)},"value":${value},"positions":${positions}}`;
    if (slot !== undefined) keepInCache(slot, entry);
    else if (entry.length <= REMEMBERED_LENGTH) remember(remembered, key, entry, REMEMBERED);
  }
  return parsed;
}
