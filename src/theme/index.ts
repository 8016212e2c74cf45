// The template's theme: page, type, colours and fonts. A user's theme.yaml overrides the built-in one key by key.
import { existsSync, readFileSync } from 'node:fs';
import { readInputText } from '../input/read.js';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../input/paths.js';
import { parseYaml } from '../input/yaml.js';
import { validateAgainstSchema } from '../input/schema.js';
import { error, ReviewError, type Diagnostic } from '../errors.js';
import type { ThemeFile } from './file.js';
import { resolveFontPath } from '../fonts/paths.js';
import { hasHyphenation } from '../text/hyphenation.js';
import { isObject, mergeDeep } from '../input/merge.js';
import { loadLocale, type Locale } from '../locale/index.js';

/** Paper sizes in points, the same as pdfkit's. */
export const PAGE_SIZES = { A4: [595.28, 841.89], LETTER: [612, 792] } as const;
export type PageSize = keyof typeof PAGE_SIZES;

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
/** A family's font files by style: the regular one, and the others it has (a style not named is set in the regular one). */
export type FontFamily = NonNullable<ThemeFile['fonts']>[string];

/** A type with every key present at every depth: what merging over the built-in theme, which sets them all, gives. */
type Complete<T> = T extends readonly (infer U)[] ? Complete<U>[] : T extends object ? { [K in keyof T]-?: Complete<T[K]> } : T;

/**
 * The theme a build uses: theme.yaml's shape (from schema/theme.schema.json, through the generated file.ts) with every
 * key present, since the built-in theme sets them all; font and logo paths resolved; and the layout's fixed words
 * from the locale (`labels`, the `layout` group).
 */
export type Theme = Complete<Omit<ThemeFile, 'fonts'>> & {
  /** Family name → style → absolute font file path (resolved at load time). */
  fonts: Record<string, FontFamily>;
  labels: Record<string, string>;
};

/** Whether the file's first bytes are those of a PNG or JPEG image, or its text an SVG's. */
function looksLikeImage(path: string): boolean {
  const head = readFileSync(path).subarray(0, 1024);
  if (head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG') return true;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true;
  return /\.svg$/i.test(path) && /<svg[\s>]/.test(head.toString('utf8'));
}

function readTheme(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  const shown = displayPath(path);
  const text = readInputText(path, (detail) => error('theme/invalid', `cannot read the theme: ${detail}`, { file: shown }));
  if (typeof text !== 'string') throw new ReviewError([text]);
  const parsed = parseYaml(text, shown);
  if (parsed.diagnostics.length) throw new ReviewError(parsed.diagnostics);
  // A file of comments only (as `annual-review init` writes it) changes nothing.
  if (parsed.value === null || parsed.value === undefined) return {};
  if (!isObject(parsed.value)) throw new ReviewError([error('theme/invalid', 'a theme must be a mapping of keys', { file: shown })]);
  const problems = validateAgainstSchema(parsed.value, 'theme.schema.json', shown, parsed.positions);
  if (problems.length) throw new ReviewError(problems);
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
  // So is the cover's logo.
  const cover = parsed.value.cover;
  if (isObject(cover) && typeof cover.logo === 'string') {
    const logo = resolve(dirname(path), cover.logo);
    if (!existsSync(logo)) {
      const at = parsed.positions.get('cover.logo') ?? { file: shown };
      throw new ReviewError([error('theme/logo', `no such file "${cover.logo}" (looked for ${displayPath(logo)})`, { ...at, path: 'cover.logo' })]);
    }
    // The name and then the content: a renamed or broken file would fail deep inside the PDF writer.
    if (!/\.(svg|png|jpe?g)$/i.test(logo) || !looksLikeImage(logo)) {
      const at = parsed.positions.get('cover.logo') ?? { file: shown };
      throw new ReviewError([error('theme/logo', `"${cover.logo}" is not an SVG, PNG or JPEG file`, { ...at, path: 'cover.logo' })]);
    }
    cover.logo = logo;
  }
  return parsed.value;
}

/** The page's width and height in points. */
export const pageDimensions = (theme: Theme): readonly [number, number] => PAGE_SIZES[theme.page.size];

/** The smallest text area (width and height, points) a page may keep inside its margins. */
export const MIN_TEXT_AREA = 144;
/** Type sizes (points) a theme may set: smaller cannot be read, larger does not fit a line. */
export const TYPE_SIZES = { min: 4, max: 144 } as const;
/** Line heights, as multiples of the type size, a theme may set. */
export const LEADING = { min: 0.8, max: 4 } as const;

/**
 * What the theme's schema cannot check: margins that leave a text area on the page (with the page size finally
 * used), and type sizes a reader can read. `file` is the theme file to point at.
 */
export function checkThemeRanges(theme: Theme, path: string): void {
  const file = displayPath(path);
  const problems: Diagnostic[] = [];
  const [width, height] = pageDimensions(theme);
  const { top, right, bottom, left } = theme.page.margins;
  if (width - left - right < MIN_TEXT_AREA || height - top - bottom < MIN_TEXT_AREA) {
    problems.push(
      error(
        'theme/range',
        `the margins leave ${Math.round(width - left - right)} × ${Math.round(height - top - bottom)} pt of the ${theme.page.size} page for text; at least ${MIN_TEXT_AREA} × ${MIN_TEXT_AREA} pt are needed`,
        { file, path: 'page.margins' },
      ),
    );
  }
  const sizes = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        if (typeof v === 'number' && /sizes$/i.test(path)) check(v, `${path}[${i}]`);
      });
      return;
    }
    if (!isObject(value)) return;
    for (const [k, v] of Object.entries(value)) {
      const child = path ? `${path}.${k}` : k;
      if (typeof v === 'number' && /^(size|\w+Size)$/.test(k)) check(v, child);
      else if (typeof v === 'number' && k === 'leading' && (v < LEADING.min || v > LEADING.max)) {
        problems.push(
          error('theme/range', `a leading of ${v} would ${v < LEADING.min ? 'overlap the lines' : 'scatter them'} (between ${LEADING.min} and ${LEADING.max} times the type size)`, {
            file,
            path: child,
          }),
        );
      } else sizes(v, child);
    }
  };
  const check = (v: number, path: string) => {
    if (v < TYPE_SIZES.min || v > TYPE_SIZES.max) problems.push(error('theme/range', `${v} pt is not a usable type size (between ${TYPE_SIZES.min} and ${TYPE_SIZES.max})`, { file, path }));
  };
  sizes(theme, '');
  if (problems.length) throw new ReviewError(atThemeLines(path, problems));
}

/**
 * Problems with the merged theme, each pointed at the line of `path` that sets its value when that file sets it
 * (else the value came from the built-in theme, and the file is named alone).
 */
function atThemeLines(path: string, problems: readonly Diagnostic[]): Diagnostic[] {
  const file = displayPath(path);
  let positions: ReadonlyMap<string, { line: number; column: number }> = new Map();
  try {
    positions = parseYaml(readFileSync(path, 'utf8'), file).positions;
  } catch {
    // no such file: the built-in theme's values with a page size given on the command line
  }
  return problems.map((d) => ({ ...d, ...(positions.get(d.path ?? '') ?? positions.get(`${d.path}.left`) ?? {}), file }));
}

/** The theme file a problem with the merged theme is best shown in: the user's, when there is one. */
export const themeFileOf = (dirs: readonly string[]) => dirs.map((d) => join(d, 'theme.yaml')).find((f) => existsSync(f)) ?? join(dirs[0] ?? '.', 'theme.yaml');

/**
 * Loads theme.yaml from each template folder (highest priority first) and merges them over the built-in one; the
 * layout's words come from the locale.
 */
export function loadTheme(dirs: readonly string[], locale: Locale = loadLocale(dirs)): Theme {
  const layers = dirs.map((d) => readTheme(join(d, 'theme.yaml'))).filter((t) => t !== undefined);
  const merged = { ...(layers.reduceRight<unknown>((acc, layer) => mergeDeep(acc, layer), {}) as Theme), labels: locale.labels.layout as Record<string, string> };
  const file = themeFileOf(dirs);
  const language = merged.text.hyphenation;
  if (language && !hasHyphenation(language)) {
    throw new ReviewError(
      atThemeLines(file, [error('theme/hyphenation', `no hyphenation patterns for "${language}" (use a language tag such as en-gb or en-us, or null)`, { file, path: 'text.hyphenation' })]),
    );
  }
  const roles = (['text', 'headings', 'table', 'chart'] as const).filter((part) => !merged.fonts[merged[part].font]);
  if (roles.length) {
    throw new ReviewError(
      atThemeLines(
        file,
        roles.map((part) => error('theme/unknown-font', `the theme uses the font family "${merged[part].font}" but defines no such family under fonts`, { file, path: `${part}.font` })),
      ),
    );
  }
  return merged;
}
