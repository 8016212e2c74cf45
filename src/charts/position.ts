// Where in a chart spec's JSON text a value stands, for messages that point at the line to change. The spec is read
// with JSON.parse; this reads the same text again as a tree with offsets (jsonc-parser) only when a message needs it.
import { parseTree, type Node } from 'jsonc-parser';

export interface TextPosition {
  line: number;
  column: number;
}

/** Line and column (from 1) of an offset in a text. */
export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The first node (in text order) that `test` accepts, with the property holding it when it is a property's value. */
function find(node: Node | undefined, test: (node: Node, property?: string) => boolean, property?: string): Node | undefined {
  if (!node) return undefined;
  if (test(node, property)) return node;
  for (const child of node.children ?? []) {
    const found = child.type === 'property' ? find(child.children?.[1], test, String(child.children?.[0]?.value)) : find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Where the first value `test` accepts stands in the spec's text (given the key of the property it is the value of). */
export function findInSpec(text: string | undefined, test: (node: Node, property?: string) => boolean): TextPosition | undefined {
  if (text === undefined) return undefined;
  const node = find(parseTree(text), test);
  return node ? positionOf(text, node.offset) : undefined;
}

/** Where a property named `key` whose value is the string `value` (any value when omitted) stands. */
export const propertyIn = (text: string | undefined, key: string, value?: string) => findInSpec(text, (node, property) => property === key && (value === undefined || node.value === value));

/** Where a string holding `part` stands. */
export const stringWith = (text: string | undefined, part: string) => findInSpec(text, (node) => node.type === 'string' && String(node.value).includes(part));
