// Locales: a user's file over the built-in one key by key, and located errors for unknown locales and keys.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReviewError, type Diagnostic } from '../src/errors.js';
import { label, loadLocale } from '../src/locale.js';
import { builtinTemplateDir } from '../src/paths.js';
import { loadTheme } from '../src/theme.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A template folder holding only locales/<name>.yaml files. */
function withLocales(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'annual-review-locale-'));
  made.push(dir);
  mkdirSync(join(dir, 'locales'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'locales', `${name}.yaml`), text);
  return dir;
}

function diagnosticsOf(f: () => unknown): readonly Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ReviewError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a ReviewError');
}

const builtin = loadLocale([builtinTemplateDir], 'vi');

describe('loadLocale', () => {
  it('gives every key of the English file in the built-in Vietnamese one', () => {
    const en = loadLocale([builtinTemplateDir], 'en');
    const keys = (tree: typeof en.labels) => Object.entries(tree).flatMap(([g, texts]) => Object.keys(texts).map((k) => `${g}.${k}`)).sort();
    expect(keys(builtin.labels)).toEqual(keys(en.labels));
    expect(builtin.intl).toBe('vi-VN');
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
});
