import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/template/environment.js';
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir, displayPath } from '../../src/input/paths.js';
import { parseMarkup } from '../../src/markup/index.js';
import { folderMaker } from '../support.js';

const en = loadLocale([builtinTemplateDir], 'en');
const templateDir = folderMaker('annual-review-origins-');

/** "file:line" of each line of the rendered Markdown, the file named by its base name. */
const where = (dir: string, context: object) => {
  const { text, lines } = compileTemplate([dir], 'report.md.hbs', en).render(context);
  return text.split('\n').map((t, i) => `${t} @ ${lines[i]!.file.slice(displayPath(dir).length + 1)}:${lines[i]!.line}`);
};

describe('where each line of the Markdown was written', () => {
  it('names the partial and its line, through loops, blocks and whitespace control', () => {
    const dir = templateDir({
      'report.md.hbs': '{{!-- a comment --}}\n# {{title}}\n\n{{> list}}\n\nThe end.',
      'partials/list.md.hbs': 'Items:\n\n{{#each items}}\n- {{this}}\n{{/each}}\n{{#if more}}\nMore.\n{{/if}}',
    });
    expect(where(dir, { title: 'T', items: ['a', 'b'], more: true })).toEqual([
      '# T @ report.md.hbs:2',
      ' @ report.md.hbs:3',
      'Items: @ partials/list.md.hbs:1',
      ' @ partials/list.md.hbs:2',
      '- a @ partials/list.md.hbs:4',
      '- b @ partials/list.md.hbs:4',
      'More. @ partials/list.md.hbs:7',
      ' @ report.md.hbs:5',
      'The end. @ report.md.hbs:6',
    ]);
  });

  it('leaves the text as it would be without the marks', () => {
    const dir = templateDir({ 'report.md.hbs': 'A {{x}} B\n{{#each l}}{{this}},{{/each}}\n{{> p}}', 'partials/p.md.hbs': 'P{{x}}' });
    expect(compileTemplate([dir], 'report.md.hbs', en).render({ x: 1, l: [1, 2] }).text).toBe('A 1 B\n1,2,\nP1');
  });

  it("gives the Markdown stage the partial's file and line for a problem found there", () => {
    const dir = templateDir({ 'report.md.hbs': '# Title\n\n{{> part}}\n', 'partials/part.md.hbs': 'Fine.\n\nStill fine.\n\n::frobnicate\n' });
    const { text, lines } = compileTemplate([dir], 'report.md.hbs', en).render({});
    const { diagnostics, blocks } = parseMarkup(text, () => undefined, lines);
    expect(diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([[`${displayPath(dir)}/partials/part.md.hbs`, 5, 'unknown leaf directive "frobnicate"']]);
    expect(blocks.map((b) => `${b.type} ${b.origin?.file.slice(displayPath(dir).length + 1)}:${b.origin?.line}`)).toEqual([
      'heading report.md.hbs:1',
      'paragraph partials/part.md.hbs:1',
      'paragraph partials/part.md.hbs:3',
    ]);
  });
});
