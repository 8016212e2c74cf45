// Parses one YAML file into plain data plus a map from field path ("claims[3].quote") to line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { error } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { SourcePosition, Diagnostic } from '../errors.js';
import { messages } from './messages.js';

export interface ParsedYaml {
  value: unknown;
  positions: Map<string, SourcePosition>;
  diagnostics: Diagnostic[];
}

/** "claims[3].value", or "(top level)" for the document itself. */
const shownPath = (path: string) => (path.length > 48 ? `${path.slice(0, 48)}…` : path || '(top level)');

export function parseYaml(text: string, file: string, limits: Limits = DEFAULT_LIMITS): ParsedYaml {
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
  const positions = new Map<string, SourcePosition>();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const problem = (d: Diagnostic) => {
    if (diagnostics.length < 20) diagnostics.push(d);
  };
  const walk = (node: Node | null | undefined, path: string, depth = 0): void => {
    if (!node) return;
    if (node.range) positions.set(path, at(node.range[0]));
    const where = () => ({ ...(node.range ? at(node.range[0]) : { file }), path: shownPath(path) });
    if ((isMap(node) || isSeq(node)) && depth >= limits.yamlDepth) {
      problem(error('dataset/yaml-depth', messages.yamlDepth(limits.yamlDepth), where(), messages.limitHint('yamlDepth')));
      return;
    }
    if (isScalar(node)) {
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
        if (pair.key.range) positions.set(`${child}#key`, at(pair.key.range[0]));
        walk(pair.value as Node | null, child, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, `${path}[${i}]`, depth + 1));
    }
  };
  if (!diagnostics.length) walk(doc.contents, '');
  if (diagnostics.length) return { value: undefined, positions, diagnostics };
  try {
    return { value: doc.toJS({ maxAliasCount: limits.yamlAliases }), positions, diagnostics };
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
    return { value: undefined, positions, diagnostics: [error('dataset/yaml-aliases', messages.yamlAliases(limits.yamlAliases), first ?? { file }, messages.limitHint('yamlAliases'))] };
  }
}
