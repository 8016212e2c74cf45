// The template's fixed words in the review's locale, and how numbers and dates are written there. Each template
// folder may hold locales/<locale>.yaml; a user's file wins key by key over the built-in one. The built-in English
// file is the reference: a locale must give every key it has, and no other.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, builtinTemplateDir } from '../input/paths.js';
import { conforms } from '../input/schema.js';
import { parseYaml } from '../input/yaml.js';
import { error, ReviewError, type Diagnostic } from '../errors.js';
import { fillPattern, type DateStyle } from '../text/format.js';
import type { MoneyStyle } from '../units/index.js';
import { closest } from '../text/suggest.js';
import { mergeDeep } from '../input/merge.js';
import type { LocaleFile } from './file.js';

export const REFERENCE_LOCALE = 'en';

/** Group → key → text (or, for month names, a list): the shape of a locale file (schema/locale.schema.json, generated file.ts). */
export type LabelTree = LocaleFile;

export interface Locale {
  /** "en", "vi", … as asked for. */
  name: string;
  /** The language of the template's words (format.language), for case rules: "vi". */
  language: string;
  labels: LabelTree;
  /** The Intl locale numbers are written in, e.g. "vi-VN". */
  intl: string;
  /** How dates are written (format.date, format.month, format.months). */
  dates: DateStyle;
  /** How money is written (format.money, with the scale words of the charts group). */
  money: MoneyStyle;
}

interface Layer {
  file: string;
  value: LabelTree;
  positions: ReadonlyMap<string, { file: string; line: number; column: number }>;
}

function readLayer(file: string): Layer | undefined {
  if (!existsSync(file)) return undefined;
  const shown = displayPath(file);
  const parsed = parseYaml(readFileSync(file, 'utf8'), shown);
  if (parsed.diagnostics.length) throw new ReviewError(parsed.diagnostics);
  if (parsed.value === null || parsed.value === undefined) return { file, value: {}, positions: parsed.positions };
  const problems: Diagnostic[] = [];
  if (!conforms<{ locale: LocaleFile }, 'locale'>(parsed.value, 'locale', shown, parsed.positions, problems)) throw new ReviewError(problems);
  return { file, value: parsed.value, positions: parsed.positions };
}

const keysOf = (tree: LabelTree) => Object.entries(tree).flatMap(([group, texts]) => Object.keys(texts).map((k) => `${group}.${k}`));

/** The locales a template offers: the names of its locales/*.yaml files. */
function available(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    try {
      for (const f of readdirSync(join(dir, 'locales'))) if (f.endsWith('.yaml')) names.add(f.slice(0, -'.yaml'.length));
    } catch {
      // no locales folder here
    }
  }
  return [...names].sort();
}

/** A locale's Intl tag and its subtags in lower case ("vi-VN" → vi-vn, vi, vn), so that "vn" or "vi-VN" finds "vi". */
function intlSubtags(dirs: readonly string[], name: string): string[] {
  const layer = dirs.map((d) => readLayer(join(d, 'locales', `${name}.yaml`))).find((l) => l?.value.format?.intl !== undefined);
  const tag = String(layer?.value.format?.intl ?? '').toLowerCase();
  return [tag, ...tag.split('-')];
}

/** Loads a locale from the template folders (highest priority first), checked key by key against English. */
export function loadLocale(dirs: readonly string[], name = REFERENCE_LOCALE): Locale {
  const reference = readLayer(join(builtinTemplateDir, 'locales', `${REFERENCE_LOCALE}.yaml`));
  if (!reference) throw new ReviewError([error('locale/missing', `the built-in template has no ${REFERENCE_LOCALE} locale`, { file: displayPath(builtinTemplateDir) })]);
  const layers = dirs.map((d) => readLayer(join(d, 'locales', `${name}.yaml`))).filter((l): l is Layer => l !== undefined);
  if (!layers.length) {
    const offered = available(dirs);
    const guess = offered.find((o) => intlSubtags(dirs, o).includes(name.toLowerCase())) ?? closest(name, offered);
    throw new ReviewError([
      error(
        'locale/unknown',
        `unknown locale "${name}"; the template offers ${offered.join(', ')}`,
        { file: displayPath(join(dirs[0] ?? builtinTemplateDir, 'locales')) },
        guess ? `did you mean "${guess}"?` : undefined,
      ),
    ]);
  }
  const known = new Set(keysOf(reference.value));
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    for (const key of keysOf(layer.value)) {
      if (known.has(key)) {
        // A list where the reference has a text, or a text where it has a list (month names), would be read wrongly.
        const list = Array.isArray(valueAt(reference.value, key));
        if (Array.isArray(valueAt(layer.value, key)) !== list) {
          const at = layer.positions.get(key) ?? { file: displayPath(layer.file) };
          diagnostics.push(error('locale/wrong-kind', list ? 'must be a list of 12 month names, January first' : 'must be a text, not a list', { ...at, path: key }));
        }
        continue;
      }
      const guess = closest(key, known);
      const at = layer.positions.get(`${key}#key`) ?? { file: displayPath(layer.file) };
      diagnostics.push(error('locale/unknown-key', `not a key of the template's texts`, { ...at, path: key }, guess ? `did you mean "${guess}"?` : undefined));
    }
  }
  const merged = layers.reduceRight<unknown>((acc, layer) => mergeDeep(acc, layer.value), {}) as LabelTree;
  const missing = [...known].filter((k) => {
    const [group, key] = k.split('.') as [string, string];
    return merged[group]?.[key] === undefined;
  });
  if (missing.length) {
    const last = layers[layers.length - 1]!;
    diagnostics.push(
      error(
        'locale/missing-keys',
        `locale "${name}" does not give ${missing.join(', ')}`,
        { file: displayPath(last.file) },
        `copy them from ${displayPath(join(builtinTemplateDir, 'locales', 'en.yaml'))}`,
      ),
    );
  }
  if (diagnostics.length) throw new ReviewError(diagnostics);
  const format = merged.format ?? {};
  const intl = textIn(format, 'intl') ?? name;
  const months = format.months;
  const dates = { date: textIn(format, 'date') ?? '', month: textIn(format, 'month') ?? '', months: Array.isArray(months) ? months : [] };
  return { name, language: textIn(format, 'language') ?? name, labels: merged, intl, dates, money: { intl, pattern: textIn(format, 'money') ?? '', scales: merged.charts ?? {} } };
}

/** The value at `key` ("group.key"). */
function valueAt(labels: LabelTree, key: string): LabelTree[string][string] | undefined {
  const [group, name] = key.split('.') as [string, string | undefined];
  return name === undefined ? undefined : labels[group]?.[name];
}

/** The text of a group's `key`: every key of the reference is present, each of its kind, once the checks have passed. */
function textIn(group: LabelTree[string], key: string): string | undefined {
  const value = group[key];
  return typeof value === 'string' ? value : undefined;
}

/** The text at `key` ("group.key"), if the locale has one there. */
function textAt(labels: LabelTree, key: string): string | undefined {
  const text = valueAt(labels, key);
  return typeof text === 'string' ? text : undefined;
}

/** The text of `key` ("group.key") with each {name} replaced by params[name]. */
export function label(labels: LabelTree, key: string, params: Record<string, string> = {}): string {
  const text = textAt(labels, key);
  if (text === undefined) throw new Error(`no text "${key}"`);
  return fillPattern(text, params);
}

/** True when `key` names a text of the locale. */
export const hasLabel = (labels: LabelTree, key: string) => textAt(labels, key) !== undefined;
