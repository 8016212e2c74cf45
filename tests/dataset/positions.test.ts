// The positions of a dataset's fields, kept compact: each file's as parsed, read through under the dataset's paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/index.js';
import { DatasetPositions, FieldPositions } from '../../src/input/positions.js';
import { parseYaml } from '../../src/input/yaml.js';
import type { SourcePosition } from '../../src/errors.js';

describe('a file’s positions', () => {
  it('give each path’s line and column as set last, past their first room, and nothing for another path', () => {
    const positions = new FieldPositions('f.yaml');
    for (let i = 0; i < 1000; i++) positions.set(`items[${i}]`, i + 2, 3);
    positions.set('items[7]', 40, 5);
    expect(positions.size).toBe(1000);
    expect(positions.get('items[999]')).toEqual({ file: 'f.yaml', line: 1001, column: 3 });
    expect(positions.get('items[7]')).toEqual({ file: 'f.yaml', line: 40, column: 5 });
    expect(positions.get('items[1000]')).toBeUndefined();
    expect(positions.has('items[0]')).toBe(true);
    expect([...positions.keys()].slice(0, 2)).toEqual(['items[0]', 'items[1]']);
    expect([...positions][7]).toEqual(['items[7]', { file: 'f.yaml', line: 40, column: 5 }]);
    expect([...positions.values()]).toHaveLength(1000);
  });
});

describe('a dataset’s positions', () => {
  for (const name of ['vietnam-2025', 'marenna-2025']) {
    it(`are each file’s under the dataset’s paths, as a map made from them would give (${name})`, () => {
      const dir = join('data', name);
      const dataset = loadDataset(dir);
      // The map the dataset's paths name: each file parsed, its paths under the field it fills.
      const files: [string, string, string | null][] = [
        ['review', 'meta', null],
        ['sources', 'sources', 'sources'],
        ['metrics', 'metrics', 'metrics'],
        ['claims', 'claims', 'claims'],
        ['events', 'events', 'events'],
        ['partnerships', 'partnerships', 'partnerships'],
        ['people', 'people', 'people'],
        ['narrative', 'narrative', 'sections'],
      ];
      const expected = new Map<string, SourcePosition>();
      for (const [file, field, key] of files) {
        const shown = join(dir, `${file}.yaml`);
        const { positions } = parseYaml(readFileSync(shown, 'utf8'), dataset.positions.get(field)?.file ?? shown);
        for (const [path, at] of positions) {
          if (key === null) expected.set(path ? `${field}.${path}` : field, at);
          else if (path === key || path.startsWith(`${key}[`) || path.startsWith(`${key}#`)) expected.set(field + path.slice(key.length), at);
        }
      }
      expect(expected.size).toBeGreaterThan(500);
      expect(new Map(dataset.positions)).toEqual(expected);
      expect(dataset.positions.size).toBe(expected.size);
      for (const [path, at] of expected) expect(dataset.positions.get(path)).toEqual(at);
      expect(dataset.positions.get('claims[0].quote')?.line).toBeGreaterThan(1);
      expect(dataset.positions.get('meta.title')?.file).toMatch(/review\.yaml$/);
      expect(dataset.positions.get('narrative[0]#key')).toBeUndefined();
      expect(dataset.positions.get('sections[0]')).toBeUndefined();
      expect(dataset.positions.get('metadata')).toBeUndefined();
    });
  }

  it('give a path only under the field and key of its file', () => {
    const review = new FieldPositions('review.yaml').set('', 1, 1).set('title', 2, 1).set('title#key', 2, 1);
    const narrative = new FieldPositions('narrative.yaml').set('sections', 1, 1).set('sections[0].body', 3, 5).set('intro', 9, 1);
    const positions = new DatasetPositions();
    positions.add('meta', null, review);
    positions.add('narrative', 'sections', narrative);
    expect(positions.get('meta')).toEqual({ file: 'review.yaml', line: 1, column: 1 });
    expect(positions.get('meta.title#key')).toEqual({ file: 'review.yaml', line: 2, column: 1 });
    expect(positions.get('narrative[0].body')).toEqual({ file: 'narrative.yaml', line: 3, column: 5 });
    expect(positions.get('narrative')).toEqual({ file: 'narrative.yaml', line: 1, column: 1 });
    // Outside the key, and a field's name as a prefix of another word, name nothing.
    expect(positions.get('narrative.intro')).toBeUndefined();
    expect(positions.get('metadata')).toBeUndefined();
    expect(positions.get('metatitle')).toBeUndefined();
    expect([...positions.keys()]).toEqual(['meta', 'meta.title', 'meta.title#key', 'narrative', 'narrative[0].body']);
  });
});
