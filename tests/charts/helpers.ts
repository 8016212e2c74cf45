// Shared inputs for the chart tests: the report's chart theme and the built-in year-on-year chart.
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import type { AltWords } from '../../src/charts/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartInput, ChartTheme } from '../../src/charts/index.js';
import { resolveFontPath } from '../../src/fonts/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export const theme: ChartTheme = {
  fontFamily: 'Be Vietnam Pro',
  fonts: {
    regular: resolveFontPath('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf', root),
    bold: resolveFontPath('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf', root),
  },
  fontSize: 8,
  titleFontSize: 9.5,
  colors: ['#0b4f6c', '#e69f00', '#56b4e9', '#009e73', '#d55e00', '#cc79a7', '#f0e442', '#000000'],
  textColor: '#1f2328',
  gridColor: '#e3e8ec',
  width: 467,
};

export const yearOnYearFile = `${root}templates/annual-review/charts/year-on-year.vl.json`;

/** The alt text's words in a locale of the built-in template. */
export function altWords(name = 'en'): AltWords {
  const words = loadLocale([builtinTemplateDir], name).labels.charts as Record<string, string>;
  return { chart: words.altChart!, noData: words.altNoData!, span: words.altSpan!, tally: words.altTally!, extremes: words.altExtremes! };
}

export function yearOnYear(name = 'en'): ChartInput {
  const words = loadLocale([builtinTemplateDir], name).labels.charts as Record<string, string>;
  const spec = JSON.parse(readFileSync(yearOnYearFile, 'utf8')) as { description: string };
  return {
    name: 'year-on-year',
    file: yearOnYearFile,
    // As the pipeline gives it: the description in the locale's words.
    spec: { ...spec, description: words['about-year-on-year']! },
    data: { headline: JSON.parse(readFileSync(`${root}tests/charts/fixtures/headline.json`, 'utf8')) as object[] },
  };
}

/** A one-layer bar chart of `rows` by label, for tests that need a small chart of their own. */
export function barChart(rows: object[], extra: object = {}): ChartInput {
  return {
    name: 'bars',
    file: 'charts/bars.vl.json',
    spec: {
      data: { name: 'rows' },
      mark: 'bar',
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } },
      ...extra,
    },
    data: { rows },
  };
}

/** The text content of every `<text>` element, in document order. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}
