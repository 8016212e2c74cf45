// YAML read once per text: with a cache folder, a file read before whole and without problems is read back with its
// positions, as parsing would give them; anything else is parsed, and problems are never kept.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepYamlIn, parseYaml } from '../../src/input/yaml.js';
import { packageRoot } from '../../src/input/paths.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ar-yaml-'));
const slots = (dir: string) => (existsSync(join(dir, 'yaml')) ? readdirSync(join(dir, 'yaml')).map((name) => join(dir, 'yaml', name)) : []);
const reading = (text: string, file: string) => {
  const { value, positions, diagnostics } = parseYaml(text, file);
  return { value, positions, diagnostics };
};
const text = 'title: "Quoted: ‘x’"\nitems:\n  - name: one\n    body: |\n      First line\n      second line\n  - name: two\n    n: 1.5\n';

afterEach(() => keepYamlIn(undefined));

describe('YAML kept in the cache folder', () => {
  it.each(['claims', 'narrative', 'review'])('reads back what parsing gives, for the Viet Nam review’s %s.yaml', (name) => {
    const file = `data/vietnam-2025/${name}.yaml`;
    const source = readFileSync(join(packageRoot, file), 'utf8');
    const parsed = reading(source, file);
    const dir = folder();
    keepYamlIn(dir);
    expect(reading(source, file)).toEqual(parsed);
    expect(slots(dir)).toHaveLength(1);
    expect(reading(source, file)).toEqual(parsed);
  });

  it('reads the kept file instead of parsing, finds positions inside strings, and parses a changed text in its place', () => {
    const dir = folder();
    keepYamlIn(dir);
    parseYaml(text, 'a.yaml');
    const [slot] = slots(dir);
    writeFileSync(slot!, readFileSync(slot!, 'utf8').replace('"one"', '"kept"'));
    const read = parseYaml(text, 'a.yaml');
    expect(read.value).toMatchObject({ items: [{ name: 'kept' }, { name: 'two', n: 1.5 }] });
    expect(read.positions.get('items[1].n')).toEqual({ file: 'a.yaml', line: 8, column: 8 });
    // A position inside a block scalar needs the text parsed: asked of a kept reading, it is.
    keepYamlIn(undefined);
    const fresh = parseYaml(text, 'a.yaml');
    expect(read.positionIn('items[0].body', 'First line\nsecond line\n', 14)).toEqual(fresh.positionIn('items[0].body', 'First line\nsecond line\n', 14));
    expect(fresh.positionIn('items[0].body', 'First line\nsecond line\n', 14)).toEqual({ file: 'a.yaml', line: 6, column: 10 });
    keepYamlIn(dir);
    const changed = parseYaml(text.replace('two', 'three'), 'a.yaml');
    expect(changed.value).toMatchObject({ items: [{ name: 'one' }, { name: 'three' }] });
    expect(slots(dir)).toEqual([slot]);
  });

  it('keeps no problem and no value JSON cannot give back', () => {
    const dir = folder();
    keepYamlIn(dir);
    const broken = 'a: [1, 2\n';
    const first = parseYaml(broken, 'b.yaml');
    expect(first.diagnostics).toHaveLength(1);
    expect(parseYaml(broken, 'b.yaml').diagnostics).toEqual(first.diagnostics);
    const negative = parseYaml('a: -0\n', 'c.yaml');
    expect(Object.is((negative.value as { a: number }).a, -0)).toBe(true);
    expect(slots(dir)).toEqual([]);
  });
});

describe('YAML kept in memory, without a cache folder', () => {
  it('reads a text again as parsing gives it, each time as objects of its own, and parses a changed text', () => {
    const file = 'data/vietnam-2025/claims.yaml';
    // A text of its own: the tests above read the file's own text without a cache folder too.
    const source = `${readFileSync(join(packageRoot, file), 'utf8')}# read here\n`;
    // A reading kept is read back from its JSON: the first is parsed, the second read back.
    const readBack = vi.spyOn(JSON, 'parse');
    const keptReadings = () => readBack.mock.calls.filter(([json]) => typeof json === 'string' && json.startsWith('{"key":')).length;
    const first = parseYaml(source, file);
    expect(keptReadings()).toBe(0);
    const again = parseYaml(source, file);
    expect(keptReadings()).toBe(1);
    expect(reading(source, file)).toEqual({ value: first.value, positions: first.positions, diagnostics: [] });
    // Read back, not the first reading's objects: a change to one is not in the next.
    expect(again.value).not.toBe(first.value);
    (again.value as { claims: { quote: string }[] }).claims[0]!.quote = 'changed';
    expect((parseYaml(source, file).value as { claims: { quote: string }[] }).claims[0]!.quote).not.toBe('changed');
    // A position inside a block scalar, asked of a reading from memory, parses the text.
    parseYaml(text, 'd.yaml');
    const fromMemory = parseYaml(text, 'd.yaml');
    expect(fromMemory.positionIn('items[0].body', 'First line\nsecond line\n', 14)).toEqual({ file: 'd.yaml', line: 6, column: 10 });
    const kept = keptReadings();
    expect(parseYaml(text.replace('two', 'three'), 'd.yaml').value).toMatchObject({ items: [{ name: 'one' }, { name: 'three' }] });
    expect(keptReadings()).toBe(kept);
    // Problems are parsed each time, never kept.
    expect(parseYaml('a: [1, 2\n', 'e.yaml').diagnostics).toHaveLength(1);
    expect(parseYaml('a: [1, 2\n', 'e.yaml').diagnostics).toHaveLength(1);
  });
});
