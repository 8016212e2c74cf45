// Locales: a user's file over the built-in one key by key, and located errors for unknown locales and keys.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { label, loadLocale } from '../src/locale/index.js';
import { builtinTemplateDir } from '../src/input/paths.js';
import { compileTemplate, MAIN_TEMPLATE } from '../src/template/environment.js';
import { loadTheme } from '../src/theme/index.js';
import { diagnosticsOf, folderMaker } from './support.js';

const folder = folderMaker('annual-review-locale-');
/** A template folder holding only locales/<name>.yaml files. */
const withLocales = (files: Record<string, string>) => folder(Object.fromEntries(Object.entries(files).map(([name, text]) => [`locales/${name}.yaml`, text])));

const builtin = loadLocale([builtinTemplateDir], 'vi');

describe('loadLocale', () => {
  it('reads the built-in Vietnamese locale: its digits and date patterns', () => {
    expect(builtin).toMatchObject({ name: 'vi', language: 'vi', intl: 'vi-VN', dates: { date: 'ngày {day} tháng {month} năm {year}' } });
  });

  it('takes single words from a user file and the rest from the built-in one', () => {
    const dir = withLocales({ vi: 'layout:\n  contents: Nội dung\n' });
    const mine = loadLocale([dir, builtinTemplateDir], 'vi');
    expect(label(mine.labels, 'layout.contents')).toBe('Nội dung');
    expect(label(mine.labels, 'layout.continued')).toBe(label(builtin.labels, 'layout.continued'));
    expect(mine.dates).toEqual(builtin.dates);
    // The layout reads its words from the theme, which takes them from the locale.
    expect(loadTheme([dir, builtinTemplateDir], mine).labels.contents).toBe('Nội dung');
  });

  it('locates an unknown locale and suggests the one whose Intl tag it names', () => {
    const [d] = diagnosticsOf(() => loadLocale([builtinTemplateDir], 'vn'));
    expect(d).toMatchObject({ code: 'locale/unknown', hint: 'did you mean "vi"?' });
    expect(d?.message).toContain('en, vi');
    expect(d?.file).toContain('locales');
    expect(diagnosticsOf(() => loadLocale([builtinTemplateDir], 'en-GB'))[0]?.hint).toBe('did you mean "en"?');
    expect(diagnosticsOf(() => loadLocale([builtinTemplateDir], 'vii'))[0]?.hint).toBe('did you mean "vi"?');
  });

  it('offers a locale a user folder adds', () => {
    const dir = withLocales({ fr: 'layout:\n  contents: Sommaire\n' });
    const [d] = diagnosticsOf(() => loadLocale([dir, builtinTemplateDir], 'fz'));
    expect(d).toMatchObject({ code: 'locale/unknown', hint: 'did you mean "fr"?' });
  });

  it('locates an unknown key at its line and suggests the closest key', () => {
    const dir = withLocales({ vi: 'layout:\n  contents: Nội dung\n  contnued: (tiếp)\n' });
    const [d] = diagnosticsOf(() => loadLocale([dir, builtinTemplateDir], 'vi'));
    expect(d).toMatchObject({ code: 'locale/unknown-key', path: 'layout.contnued', line: 3, hint: 'did you mean "layout.continued"?' });
    expect(d?.file).toContain(join('locales', 'vi.yaml'));
  });

  it('names the keys a new locale does not give, in its file', () => {
    const dir = withLocales({ fr: 'layout:\n  contents: Sommaire\n' });
    const [d] = diagnosticsOf(() => loadLocale([dir, builtinTemplateDir], 'fr'));
    expect(d).toMatchObject({ code: 'locale/missing-keys' });
    expect(d?.file).toContain(join('locales', 'fr.yaml'));
    expect(d?.message).toContain('layout.continued');
    expect(d?.message).toContain('format.money');
    expect(d?.message).not.toContain('layout.contents');
  });

  it('sets capitals by the case rules of the language its words are in', () => {
    const dir = folder({ 'locales/vi.yaml': 'format:\n  language: tr\n', [MAIN_TEMPLATE]: '{{upper "istanbul"}}' });
    expect(compileTemplate([dir, builtinTemplateDir], MAIN_TEMPLATE, loadLocale([dir, builtinTemplateDir], 'vi')).render({}).text).toBe('İSTANBUL');
    expect(compileTemplate([dir, builtinTemplateDir], MAIN_TEMPLATE, builtin).render({}).text).toBe('ISTANBUL');
  });
});
