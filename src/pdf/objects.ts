// A PDF object's text, as pdfkit writes it (pdfkit 0.20's PDFObject.convert and its trees' toString), made without
// the arrays and byte arrays pdfkit makes on the way: for each text string a byte array of its characters, another of
// their bytes and a string of those again; for each dictionary an array of its lines. A review of a few thousand
// claims writes hundreds of thousands of objects (links, their actions, structure elements), and this was the largest
// part of what its build allocated. A value of a kind not written here (a date, bytes, a colour space) gives
// undefined, and pdfkit writes that object itself.

/** Thrown inside `text` for a value left to pdfkit. */
const LEFT = new Error('left to pdfkit');

/** The characters pdfkit escapes in a string, and how. */
const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
const escape = (c: string) => ESCAPES[c]!;

/** pdfkit's name and number trees, as far as writing one goes. */
interface Tree {
  _items: Record<string, unknown>;
  limits: boolean;
  _compareKeys(a: string, b: string): number;
  _keysName(): string;
  _dataForKey(key: string): unknown;
}

/**
 * Marks a tree whose entries give each reference by its object number alone (generation 0): a number in an entry, or
 * in an entry's array, is written as the reference ("12 0 R"). Under a key of the process, as pdfkit's objects are
 * patched once per process (see streams.ts): the copy of this module that writes may not be the one that marked.
 */
export const REFERENCES_BY_NUMBER = Symbol.for('annual-review.references-by-number');

/** An entry of a tree marked so (see `REFERENCES_BY_NUMBER`). */
function numberedText(entry: unknown, references: object): string {
  if (typeof entry === 'number') return `${entry} 0 R`;
  if (!Array.isArray(entry)) return text(entry, references);
  let out = '[';
  for (let i = 0; i < entry.length; i++) {
    const item: unknown = entry[i];
    out += `${i ? ' ' : ''}${typeof item === 'number' ? `${item} 0 R` : text(item === undefined ? null : item, references)}`;
  }
  return `${out}]`;
}

const isTree = (value: object): value is Tree => {
  const tree = value as Partial<Tree>;
  return typeof tree._items === 'object' && typeof tree._compareKeys === 'function' && typeof tree._keysName === 'function' && typeof tree._dataForKey === 'function';
};

/**
 * A text string's bytes as pdfkit writes them, escaped: its characters when all are ASCII, else UTF-16BE after a
 * byte-order mark, each byte a character.
 */
function stringText(value: string): string {
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  let bytes = value;
  if (!ascii) {
    const wide = Buffer.from(value, 'utf16le');
    wide.swap16();
    bytes = `\u00fe\u00ff${wide.toString('latin1')}`;
  }
  return `(${bytes.replace(ESCAPABLE, escape)})`;
}

/** `value` written as pdfkit writes it, with `references` the prototype its indirect references share. */
function text(value: unknown, references: object): string {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      if (value > -1e21 && value < 1e21) return `${Math.round(value * 1e6) / 1e6}`;
      throw LEFT;
    case 'boolean':
      return `${value}`;
    case 'object':
      break;
    default:
      throw LEFT;
  }
  if (value === null) return 'null';
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === String.prototype) return stringText(String.prototype.valueOf.call(value));
  if (prototype === Array.prototype) {
    const items = value as unknown[];
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      out += `${i ? ' ' : ''}${text(item === undefined ? null : item, references)}`;
    }
    return `${out}]`;
  }
  if (prototype === Object.prototype || prototype === null) {
    const dictionary = value as Record<string, unknown>;
    let out = '<<';
    for (const key in dictionary) {
      const item = dictionary[key];
      if (item !== undefined) out += `\n/${key} ${text(item, references)}`;
    }
    return `${out}\n>>`;
  }
  // A reference writes itself ("12 0 R").
  if (Object.prototype.isPrototypeOf.call(references, value)) return (value as { toString(): string }).toString();
  if (isTree(value)) return treeText(value, references);
  throw LEFT;
}

/** A name or number tree, as pdfkit's `toString` writes it. */
function treeText(tree: Tree, references: object): string {
  const keys = Object.keys(tree._items).sort((a, b) => tree._compareKeys(a, b));
  let out = '<<';
  if (tree.limits && keys.length > 1) out += `\n  /Limits ${text([tree._dataForKey(keys[0]!), tree._dataForKey(keys[keys.length - 1]!)], references)}`;
  out += `\n  /${tree._keysName()} [`;
  const entry = REFERENCES_BY_NUMBER in tree ? numberedText : text;
  for (const key of keys) out += `\n    ${text(tree._dataForKey(key), references)} ${entry(tree._items[key], references)}`;
  return `${out}\n]\n>>`;
}

/**
 * `value` (an object's dictionary) as pdfkit writes it, in a document whose indirect references have the prototype
 * `references`; undefined when it holds a value left to pdfkit.
 */
export function objectText(value: unknown, references: object): string | undefined {
  try {
    return text(value, references);
  } catch (e) {
    if (e === LEFT) return undefined;
    throw e;
  }
}
