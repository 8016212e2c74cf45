// Shared inputs for the chart tests: the report's chart theme and the built-in year-on-year chart.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartInput, ChartTheme } from '../../src/charts/index.js';
import { resolveFontPath } from '../../src/fonts.js';

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

export function yearOnYear(): ChartInput {
  return {
    name: 'year-on-year',
    file: yearOnYearFile,
    spec: JSON.parse(readFileSync(yearOnYearFile, 'utf8')) as object,
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
