// The files `annual-review init` writes: an override folder (a commented theme.yaml, a README listing every part,
// chart and theme key of the built-in template, copies of chosen partials) or a copy of the whole built-in template.
// Pure apart from reading the built-in template; the command decides what may be written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { error, ReviewError } from '../errors.js';
import { builtinTemplateDir } from '../input/paths.js';
import { closest } from '../text/suggest.js';
import { listTemplateFiles, partialName, PARTIAL_SUFFIX } from './environment.js';
import { messages } from './messages.js';
import { describeTemplate, type Described } from './reference.js';
import { loadLocale } from '../locale/index.js';

export interface ScaffoldFile {
  /** Path relative to the folder being created, with forward slashes. */
  name: string;
  content: string;
  /** Part of the folder's frame rather than something asked for by name: left alone when it already exists. */
  frame: boolean;
}

export interface ScaffoldOptions {
  /** Copy the whole built-in template instead of writing an override folder. */
  full?: boolean;
  /** Partials to copy, by name ("cover") or file name ("cover.md.hbs"). */
  partials?: readonly string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|') || '–';
const code = (text: string) => `\`${text}\``;

function valueAt(theme: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), theme);
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Every text key of the built-in locales, with its English and Vietnamese words. */
function textRows(dir: string): string[][] {
  const [en, vi] = [loadLocale([dir], 'en'), loadLocale([dir], 'vi')];
  const words = (l: typeof en, group: string, key: string) => {
    const v = l.labels[group]?.[key];
    return Array.isArray(v) ? v.join(', ') : (v ?? '');
  };
  return Object.entries(en.labels).flatMap(([group, texts]) => Object.keys(texts).map((key) => [code(`${group}.${key}`), cell(words(en, group, key)), cell(words(vi, group, key))]));
}

/** The README of an override folder, generated from the built-in template's own files. */
export function templateReadme(dir = builtinTemplateDir): string {
  const ref = describeTemplate(dir);
  const theme = parse(readFileSync(join(dir, 'theme.yaml'), 'utf8')) as unknown;
  const themeRow = (d: Described) => {
    const value = valueAt(theme, d.name);
    // A section's value is its keys, listed in the rows that follow.
    const section = value !== null && typeof value === 'object' && !Array.isArray(value) && ref.theme.some((k) => k.name.startsWith(`${d.name}.`));
    const shown = section ? '' : code(JSON.stringify(value));
    return [code(d.name), cell(d.description), cell(shown)];
  };
  return `${[
    '# Template overrides',
    'This folder changes the built-in template of annual-review. Build with it:',
    '```console\nannual-review build --template THIS-FOLDER\n```',
    'Each file here takes the place of the built-in file of the same name; every file not here comes from the built-in template. ' +
      '`theme.yaml` needs only the keys it changes: it is merged over the built-in theme key by key. ' +
      'To change a part, copy it here and edit the copy (`annual-review init THIS-FOLDER cover` copies `partials/cover.md.hbs`). ' +
      'Templates are Handlebars producing Markdown; the values they can use, the helpers and the directives are described in `docs/templates.md` of annual-review.',
    'This file was generated from the built-in template by `annual-review init`.',
    '## Parts',
    table(
      ['file', 'what it holds'],
      ref.templates.map((d) => [code(d.name), cell(d.description)]),
    ),
    '## Charts',
    'A chart `NAME` is the Vega-Lite spec `charts/NAME.vl.json`, shown where a part says `:::figure{chart="NAME"}`.',
    table(
      ['chart', 'what it shows'],
      ref.charts.map((d) => [code(d.name), cell(d.description)]),
    ),
    '## Theme keys',
    'Sizes are in points (1/72 inch); colours are `"#rrggbb"`.',
    table(['key', 'what it sets', 'built-in value'], ref.theme.map(themeRow)),
    '## Texts',
    'The template\'s fixed words, by locale: `locales/LOCALE.yaml` here needs only the keys it changes (`{name}` marks where a value goes in); a new locale gives every key. Parts print them as `{{t "KEY"}}`, chart specs as `{label:KEY}`.',
    table(['key', 'English', 'Vietnamese'], textRows(dir)),
  ].join('\n\n')}\n`;
}

/** The built-in theme with every line commented out: uncomment a key (and the keys above it) to change it. */
export function commentedTheme(dir = builtinTemplateDir): string {
  const all = readFileSync(join(dir, 'theme.yaml'), 'utf8').replace(/\n+$/, '').split('\n');
  // The built-in file's opening comment speaks of the built-in file; the header below replaces it.
  const lines = all.slice(all.findIndex((l) => l.trim() !== '' && !l.startsWith('#')));
  const header = [
    '# Keys of this file are merged over the built-in theme, so it needs only the keys it changes. Every key of the',
    '# built-in theme follows, commented out: uncomment a key and the section names above it, then change its value.',
    '',
  ];
  return `${[...header, ...lines.map((l) => (l === '' ? '' : `# ${l}`))].join('\n')}\n`;
}

function builtinFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? builtinFiles(dir, join(sub, e.name)) : [join(sub, e.name).split('\\').join('/')]));
}

/** The files to write for `init`, in a fixed order. Unknown partial names throw a ReviewError with a suggestion. */
export function scaffoldFiles(options: ScaffoldOptions, dir = builtinTemplateDir): ScaffoldFile[] {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const readme: ScaffoldFile = { name: 'README.md', content: templateReadme(dir), frame: !options.full };
  if (options.full) {
    return [...builtinFiles(dir).map((name) => ({ name, content: read(name), frame: false })), readme];
  }
  const known = listTemplateFiles([dir], 'partials', PARTIAL_SUFFIX);
  const names = new Set(known.map((f) => partialName(f.name)));
  const wanted = [...new Set((options.partials ?? []).map((p) => p.replace(/^partials\//, '').replace(/\.md\.hbs$/, '')))];
  const unknown = wanted.filter((p) => !names.has(p));
  if (unknown.length) {
    throw new ReviewError(
      unknown.map((p) => {
        const guess = closest(p, names);
        return error('init/unknown-partial', messages.noSuchPartial(p, [...names]), {}, guess && messages.didYouMean(guess));
      }),
    );
  }
  return [
    { name: 'theme.yaml', content: commentedTheme(dir), frame: true },
    readme,
    ...wanted.map((p) => ({ name: `partials/${p}${PARTIAL_SUFFIX}`, content: read(`partials/${p}${PARTIAL_SUFFIX}`), frame: false })),
  ];
}
