// Parses one YAML file into plain data plus a map from field path ("claims[3].quote") to line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { error, type Diagnostic } from '../errors.js';
import type { SourcePosition } from './types.js';
import { messages } from './messages.js';

export interface ParsedYaml {
  value: unknown;
  positions: Map<string, SourcePosition>;
  diagnostics: Diagnostic[];
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // After the first syntax error the parser's further complaints are mostly its consequences: report the first.
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].slice(0, 1).map((e) => {
    const pos = e.linePos?.[0];
    return error('dataset/yaml-syntax', messages.yamlSyntax((e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')), {
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    });
  });
  const positions = new Map<string, SourcePosition>();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const walk = (node: Node | null | undefined, path: string): void => {
    if (!node) return;
    if (node.range) positions.set(path, at(node.range[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = path ? `${path}.${key}` : key;
        // A key's own position is where "key:" stands: better for "missing field" and "unknown field" messages.
        if (pair.key.range) positions.set(`${child}#key`, at(pair.key.range[0]));
        walk(pair.value as Node | null, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, `${path}[${i}]`));
    }
  };
  walk(doc.contents as Node | null, '');
  return { value: diagnostics.length ? undefined : doc.toJS({ maxAliasCount: 100 }), positions, diagnostics };
}
