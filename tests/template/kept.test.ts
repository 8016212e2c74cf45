// Templates compiled once per text: with a cache folder, a template's compiled code is kept and read back by the next
// process while its files are unchanged; it renders what compiling renders, its escapes, origins and checks included.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it, vi } from 'vitest';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { loadLocale } from '../../src/locale/index.js';
import type { Diagnostic } from '../../src/errors.js';
import { folderMaker } from '../support.js';

const en = loadLocale([builtinTemplateDir], 'en');
const templateDir = folderMaker('annual-review-kept-template-');
const cacheDir = () => mkdtempSync(join(tmpdir(), 'ar-templates-'));
/** The files of compiled code (beside them, the notes that a template passed its checks). */
const slots = (dir: string) =>
  readdirSync(join(dir, 'templates'))
    .map((name) => join(dir, 'templates', name))
    .filter((path) => 'sources' in (JSON.parse(readFileSync(path, 'utf8')) as object));

/** The template stage as a new process loads it: nothing compiled in memory. */
async function freshStage() {
  vi.resetModules();
  return import('../../src/template/environment.js');
}

describe('compiled templates kept in the cache folder', () => {
  it('render what compiling renders when read back, and a changed file is compiled again', async () => {
    const dir = templateDir({ 'report.md.hbs': '# {{title}}\n\n{{> part}}\n', 'partials/part.md.hbs': 'A *{{title}}* line.\n' });
    const context = { title: '*x* # h' };
    const expected = (await freshStage()).compileTemplate([dir], 'report.md.hbs', en).render(context);
    const cache = cacheDir();
    const written = (await freshStage()).compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render(context);
    expect(written).toEqual(expected);
    // A template of the user's is compiled twice: to render, and in strict mode to check its fields.
    const kept = slots(cache);
    expect(kept).toHaveLength(2);
    // The next process reads the kept code: an edit to it shows.
    for (const slot of kept) {
      const code = readFileSync(slot, 'utf8');
      expect(code).toContain(' line.');
      writeFileSync(slot, code.replace(' line.', ' kept line.'));
    }
    const read = (await freshStage()).compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render(context);
    expect(read.text).toBe(expected.text.replace(' line.', ' kept line.'));
    expect(read.lines).toEqual(expected.lines);
    // A changed partial is compiled again, in the same slot.
    writeFileSync(join(dir, 'partials', 'part.md.hbs'), 'Another {{title}}.\n');
    const changed = (await freshStage()).compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render(context);
    expect(changed.text).toContain('Another \\*x\\* \\# h.');
    expect(slots(cache)).toEqual(kept);
    expect(readFileSync(kept[0]!, 'utf8')).toContain('Another');
  });

  it('report a misspelt field at its line and column when the check is read back', async () => {
    const dir = templateDir({ 'report.md.hbs': '# {{meta.title}}\n\n{{meta.titel}}' });
    const cache = cacheDir();
    const found = async () => {
      const { compileTemplate } = await freshStage();
      try {
        compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render({ meta: { title: 'T' } });
      } catch (e) {
        // The error class of the module loaded afresh.
        return (e as { diagnostics: Diagnostic[] }).diagnostics.map((d) => [d.code, d.line, d.column]);
      }
      return [];
    };
    expect(await found()).toEqual([['template/unknown-field', 3, 3]]);
    expect(slots(cache)).toHaveLength(2);
    expect(await found()).toEqual([['template/unknown-field', 3, 3]]);
  });

  it('check a template once: a later process parses none of its files while they, the helpers and the labels are unchanged', async () => {
    const dir = templateDir({ 'report.md.hbs': '# {{t "figures.title"}}\n\n{{> part}}\n', 'partials/part.md.hbs': 'A *{{title}}* line.\n' });
    const cache = cacheDir();
    const expected = (await freshStage()).compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render({ title: 'x' });
    const parses = vi.spyOn(Handlebars, 'parse');
    expect((await freshStage()).compileTemplate([dir], 'report.md.hbs', en, 'user', cache).render({ title: 'x' })).toEqual(expected);
    expect(parses).not.toHaveBeenCalled();
    // A locale without the label: checked again, and the label reported.
    const without = { ...en, labels: { ...en.labels, figures: {} } };
    const codes = async () => {
      try {
        (await freshStage()).compileTemplate([dir], 'report.md.hbs', without, 'user', cache);
      } catch (e) {
        return (e as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.code);
      }
      return [];
    };
    expect(await codes()).toEqual(['template/unknown-text']);
    expect(parses).toHaveBeenCalled();
    expect(await codes()).toEqual(['template/unknown-text']);
  });
});
