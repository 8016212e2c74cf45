// Where the fields of a YAML file stand, by path ("claims[3].quote"), kept compact: a large dataset has hundreds of
// thousands of fields (the ×100 review, 180,000), and its positions are kept for the whole build, for messages.
import type { SourcePosition } from '../errors.js';

/**
 * Positions by path, read as a Map is: what a subclass gives by `get` and `entries` is also given by the rest, which a
 * subclass answers more directly where it can.
 */
abstract class Positions implements ReadonlyMap<string, SourcePosition> {
  abstract get(path: string): SourcePosition | undefined;
  abstract entries(): MapIterator<[string, SourcePosition]>;

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get size(): number {
    let size = 0;
    for (const _ of this.entries()) size++;
    return size;
  }

  forEach(each: (position: SourcePosition, path: string, map: ReadonlyMap<string, SourcePosition>) => void, thisArg?: unknown): void {
    for (const [path, position] of this.entries()) each.call(thisArg, position, path, this);
  }

  *keys(): MapIterator<string> {
    for (const [path] of this.entries()) yield path;
  }

  *values(): MapIterator<SourcePosition> {
    for (const [, position] of this.entries()) yield position;
  }

  [Symbol.iterator](): MapIterator<[string, SourcePosition]> {
    return this.entries();
  }
}

/**
 * A file's positions: each path's line and column are two numbers in typed arrays, and a position object is made only
 * when one is asked for (a Map entry holding an object per field took twice the memory).
 */
export class FieldPositions extends Positions {
  private readonly index = new Map<string, number>();
  private lines = new Int32Array(64);
  private columns = new Int32Array(64);

  constructor(readonly file: string) {
    super();
  }

  set(path: string, line: number, column: number): this {
    let i = this.index.get(path);
    if (i === undefined) {
      i = this.index.size;
      if (i === this.lines.length) {
        const lines = new Int32Array(2 * i);
        const columns = new Int32Array(2 * i);
        lines.set(this.lines);
        columns.set(this.columns);
        this.lines = lines;
        this.columns = columns;
      }
      this.index.set(path, i);
    }
    this.lines[i] = line;
    this.columns[i] = column;
    return this;
  }

  get(path: string): SourcePosition | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.at(i);
  }

  override has(path: string): boolean {
    return this.index.has(path);
  }

  override get size(): number {
    return this.index.size;
  }

  *entries(): MapIterator<[string, SourcePosition]> {
    for (const [path, i] of this.index) yield [path, this.at(i)];
  }

  override keys(): MapIterator<string> {
    return this.index.keys();
  }

  private at(i: number): SourcePosition {
    return { file: this.file, line: this.lines[i]!, column: this.columns[i]! };
  }
}

/**
 * Whether `rest`, what follows a file's top-level key in one of its paths, keeps the path under that key: nothing, an
 * index ("[3].quote") or the key's own position ("#key"). The same rule both ways: a dataset path read through to the
 * file's, and the file's paths listed as the dataset's.
 */
const underKey = (rest: string) => rest === '' || rest[0] === '[' || rest[0] === '#';

/**
 * A dataset's positions, under the dataset's own paths: each file's, read through (not copied) under the field it
 * fills. A file whose fields are under a top-level key gives that key's paths ("sections[0]" in narrative.yaml is
 * "narrative[0]"); a file without one gives all of its paths under its field ("title" in review.yaml is "meta.title").
 */
export class DatasetPositions extends Positions {
  private readonly files: { field: string; key: string | null; positions: ReadonlyMap<string, SourcePosition> }[] = [];

  /** `positions`, a file's, under `field` of the dataset: those under its top-level `key`, or all with `key` null. */
  add(field: string, key: string | null, positions: ReadonlyMap<string, SourcePosition>): void {
    this.files.push({ field, key, positions });
  }

  get(path: string): SourcePosition | undefined {
    for (const { field, key, positions } of this.files) {
      if (!path.startsWith(field)) continue;
      const rest = path.slice(field.length);
      if (key === null) {
        if (rest === '') return positions.get('');
        if (rest[0] === '.') return positions.get(rest.slice(1));
      } else if (underKey(rest)) return positions.get(key + rest);
    }
    return undefined;
  }

  *entries(): MapIterator<[string, SourcePosition]> {
    for (const { field, key, positions } of this.files) {
      for (const [path, position] of positions) {
        if (key === null) yield [path ? `${field}.${path}` : field, position];
        else if (path.startsWith(key) && underKey(path.slice(key.length))) yield [field + path.slice(key.length), position];
      }
    }
  }
}
