// The template's theme: page, type, colours and fonts. A user's theme.yaml overrides the built-in one key by key.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath } from './dataset/load.js';
import { parseYaml } from './dataset/yaml.js';
import { error, ReviewError } from './errors.js';
import { resolveFontPath } from './fonts.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontFamily = Record<FontStyle, string>;

export interface Theme {
  page: { size: 'A4' | 'LETTER'; margins: { top: number; right: number; bottom: number; left: number } };
  /** Family name → style → absolute font file path (resolved at load time). */
  fonts: Record<string, FontFamily>;
  colors: { text: string; muted: string; accent: string; highlight: string; rule: string; link: string };
  text: {
    font: string;
    size: number;
    leading: number;
    align: 'justify' | 'left';
    paragraphSpacing: number;
    lead: { size: number; color: string };
    note: { size: number; color: string };
  };
  headings: { font: string; color: string; sizes: number[]; spaceBefore: number[]; spaceAfter: number[] };
  lists: { indent: number; itemSpacing: number };
  blockquote: { indent: number; color: string; bar: string };
  table: {
    font: string;
    size: number;
    leading: number;
    padding: number;
    headerBackground: string;
    headerColor: string;
    stripe: string;
    rule: string;
    continued: string;
  };
  figure: { captionSize: number; spaceBefore: number; spaceAfter: number };
  cover: { background: string; color: string; accent: string; titleSize: number; subtitleSize: number };
  contents: { title: string; size: number; leading: number; depth: number };
  furniture: { size: number; color: string; pageNumber: string };
  chart: { font: string; size: number; titleSize: number; palette: string[]; grid: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge: keys of `over` win; objects merge; arrays and scalars replace. */
export function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeDeep(base[k], v);
  return out;
}

function readTheme(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseYaml(text, displayPath(path));
  if (parsed.diagnostics.length) throw new ReviewError(parsed.diagnostics);
  // A file of comments only (as `annual-review init` writes it) changes nothing.
  if (parsed.value === null || parsed.value === undefined) return {};
  if (!isObject(parsed.value)) throw new ReviewError([error('theme/invalid', 'a theme must be a mapping of keys', { file: displayPath(path) })]);
  // Font files are relative to the theme that names them.
  const fonts = parsed.value.fonts;
  if (isObject(fonts)) {
    for (const family of Object.values(fonts)) {
      if (!isObject(family)) continue;
      for (const [style, spec] of Object.entries(family)) {
        if (typeof spec === 'string') family[style] = resolveFontPath(spec, dirname(path));
      }
    }
  }
  return parsed.value;
}

/** Loads theme.yaml from each template folder (highest priority first) and merges them over the built-in one. */
export function loadTheme(dirs: readonly string[]): Theme {
  const layers = dirs.map((d) => readTheme(join(d, 'theme.yaml'))).filter((t) => t !== undefined);
  const merged = layers.reduceRight<unknown>((acc, layer) => mergeDeep(acc, layer), {}) as Theme;
  for (const role of [merged.text.font, merged.headings.font, merged.table.font, merged.chart.font]) {
    if (!merged.fonts[role]) {
      throw new ReviewError([error('theme/unknown-font', `the theme uses the font family "${role}" but defines no such family under fonts`, { file: displayPath(join(dirs[0] ?? '.', 'theme.yaml')) })]);
    }
  }
  return merged;
}
