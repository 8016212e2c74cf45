import { join } from 'node:path';
import { describe, expect, it, vi as mock } from 'vitest';
import { compileTemplate, MAIN_TEMPLATE } from '../../src/template/environment.js';
import { templateContext } from '../../src/template/context.js';
import { loadReview } from '../../src/pipeline.js';
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { diagnosticsOf, folderMaker } from '../support.js';

const en = loadLocale([builtinTemplateDir], 'en');
const vi = loadLocale([builtinTemplateDir], 'vi');

const templateDir = folderMaker('annual-review-template-');

describe('template environment', () => {
  it('escapes every printed value for Markdown, in partials too, but not SafeString helpers', () => {
    const dir = templateDir({
      'report.md.hbs': '{{title}} {{> part}} {{cite "a" "b"}} {{{raw}}}',
      'partials/part.md.hbs': '[{{title}}]',
    });
    const out = compileTemplate([dir], 'report.md.hbs', en).render({ title: '*x* # h', raw: '*kept*' }).text;
    expect(out).toBe('\\*x\\* \\# h [\\*x\\* \\# h] :cite[a,b] *kept*');
  });

  it('cites nothing for an empty list, and prints nothing for an optional field the schema declares', () => {
    const dir = templateDir({ 'report.md.hbs': 'a{{cite list}}b{{cite missing}}c{{meta.subtitle}}d' });
    expect(compileTemplate([dir], 'report.md.hbs', en).render({ list: [], meta: {} }).text).toBe('abcd');
  });

  it('refuses a printed field no schema declares, at its line and column, with its whole path', () => {
    const dir = templateDir({ 'report.md.hbs': '# {{meta.title}}\n\n{{#if meta.titel}}x{{/if}}{{meta.titel}}' });
    const found = diagnosticsOf(() => compileTemplate([dir], 'report.md.hbs', en).render({ meta: { title: 'T' } }).text);
    expect(found.map((d) => [d.code, d.line, d.column, d.message.split(',')[0]])).toEqual([['template/unknown-field', 3, 29, 'the template prints the field "meta.titel"']]);
  });

  it('refuses prototype access found at run time silently, without Handlebars telling the reader how to switch the guard off', () => {
    const dir = templateDir({ 'report.md.hbs': 'a{{lookup meta key}}b' });
    const spy = mock.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(compileTemplate([dir], 'report.md.hbs', en).render({ meta: { title: 'T' }, key: 'valueOf' }).text).toBe('ab');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('lets a user folder override one partial and keeps the rest', () => {
    const builtin = templateDir({ 'report.md.hbs': '{{> a}}/{{> b}}', 'partials/a.md.hbs': 'A', 'partials/b.md.hbs': 'B' });
    const user = templateDir({ 'partials/b.md.hbs': 'mine' });
    expect(compileTemplate([user, builtin], 'report.md.hbs', en).render({}).text).toBe('A/mine');
  });

  it('formats numbers, money, percentages and dates', () => {
    const dir = templateDir({ 'report.md.hbs': '{{number 1234567.5}}|{{money 27.62 "USD" "billion"}}|{{percent 8.2}}|{{date "2026-01-08"}}' });
    expect(compileTemplate([dir], 'report.md.hbs', en).render({}).text).toBe('1,234,567.5|US$27.62 billion|8.2%|8 January 2026');
  });

  it('formats numbers, money, percentages and dates the Vietnamese way with the vi locale', () => {
    const dir = templateDir({ 'report.md.hbs': '{{number 1234567.5}}|{{money 27.62 "USD" "billion"}}|{{percent 8.2}}|{{date "2026-01-08"}}|{{date "2026-03"}}' });
    expect(compileTemplate([dir], 'report.md.hbs', vi).render({}).text).toBe('1.234.567,5|27,62 tỷ USD|8,2%|ngày 8 tháng 1 năm 2026|tháng 3 năm 2026');
  });

  it("prints the template's texts in the locale, filling in values formatted the local way", () => {
    const dir = templateDir({ 'report.md.hbs': '{{t "layout.contents"}}|{{t "cover.tagline" claims=(number 1234) sources=5}}' });
    expect(compileTemplate([dir], 'report.md.hbs', en).render({}).text).toBe('Contents|1,234 figures from 5 sources, each traced to the words its source printed.');
    expect(compileTemplate([dir], 'report.md.hbs', vi).render({}).text).toBe('Mục lục|1.234 số liệu từ 5 nguồn, mỗi số liệu đều dẫn về đúng lời của nguồn.');
  });

  it('locates an unknown text key and suggests the closest', () => {
    const dir = templateDir({ 'report.md.hbs': 'x\n{{t "sources.titel"}}' });
    const [d] = diagnosticsOf(() => compileTemplate([dir], 'report.md.hbs', en));
    expect(d).toMatchObject({ code: 'template/unknown-text', line: 2, hint: 'did you mean "sources.title"?' });
  });

  it('locates an unknown helper and suggests the closest name', () => {
    const dir = templateDir({ 'report.md.hbs': 'line one\n  {{nubmer 3}}' });
    const [d] = diagnosticsOf(() => compileTemplate([dir], 'report.md.hbs', en));
    expect(d).toMatchObject({ code: 'template/unknown-helper', line: 2, column: 3, hint: 'did you mean "number"?' });
    expect(d?.file).toContain('report.md.hbs');
  });

  it('locates an unknown partial', () => {
    const dir = templateDir({ 'report.md.hbs': '{{> sourcs}}', 'partials/sources.md.hbs': 'S' });
    const [d] = diagnosticsOf(() => compileTemplate([dir], 'report.md.hbs', en));
    expect(d).toMatchObject({ code: 'template/unknown-partial', line: 1, hint: 'did you mean "sources"?' });
  });

  it('locates a syntax error in a partial', () => {
    const dir = templateDir({ 'report.md.hbs': 'ok', 'partials/broken.md.hbs': 'a\nb\n{{#if x}}never closed' });
    const [d] = diagnosticsOf(() => compileTemplate([dir], 'report.md.hbs', en));
    expect(d?.code).toBe('template/syntax');
    expect(d?.file).toContain(join('partials', 'broken.md.hbs'));
    expect(d?.line).toBe(3);
  });
});

describe('the built-in template', () => {
  // A build checks the fields of a user's template; those of the built-in one are checked here, on every dataset
  // and locale the package carries.
  for (const dataset of ['vietnam-2025', 'marenna-2025'])
    for (const locale of [en, vi])
      it(`prints only fields the dataset's schemas declare: ${dataset}, ${locale.name}`, () => {
        const review = loadReview(join(packageRoot, 'data', dataset), locale);
        const context = templateContext(review, locale.labels, locale.name);
        const checked = compileTemplate([builtinTemplateDir], MAIN_TEMPLATE, locale, 'always').render(context).text;
        expect(checked.length).toBeGreaterThan(1000);
        expect(checked).toBe(compileTemplate([builtinTemplateDir], MAIN_TEMPLATE, locale).render(context).text);
      });
});
