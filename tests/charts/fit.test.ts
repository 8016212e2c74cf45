// Fitting a composite chart to the column on one view: each correction of the cells' width is set on the view the
// first width made, and the chart drawn is byte for byte the one a view made afresh for the final width draws.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawChart } from '../../src/charts/render.js';
import { localiseSpec, readChartSpec } from '../../src/charts/spec.js';
import { limitsWith } from '../../src/input/limits.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { loadLocale } from '../../src/locale/index.js';
import { exampleBuild } from '../support.js';
import { theme } from './helpers.js';

const datasets = readdirSync(join(builtinTemplateDir, '..', '..', 'data'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const specFiles = readdirSync(join(builtinTemplateDir, 'charts')).filter((f) => f.endsWith('.vl.json'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fitting a composite chart to the column', () => {
  it.each(datasets.flatMap((name) => ['en', 'vi'].map((locale) => [name, locale] as const)))(
    'draws each chart of %s (%s) on one view as a view made afresh for each width draws it',
    async (name, code) => {
      const review = (await exampleBuild(name, code)).review;
      const locale = loadLocale([builtinTemplateDir], code);
      const resized = vi.spyOn(vega.View.prototype, 'resize');
      let corrected = 0;
      for (const file of specFiles) {
        const path = join(builtinTemplateDir, 'charts', file);
        const read = readChartSpec(path, file, limitsWith());
        const input = { name: file.replace('.vl.json', ''), file, source: read.text, spec: localiseSpec(read, locale, review.chartData), data: review.chartData };
        resized.mockClear();
        const fresh = await drawChart(input, theme, { recompile: true });
        expect(resized, file).not.toHaveBeenCalled();
        const same = await drawChart(input, theme);
        corrected += resized.mock.calls.length;
        expect(same.svg, file).toBe(fresh.svg);
        expect(same.width, file).toBeLessThanOrEqual(theme.width);
        expect(same.warnings, file).toEqual(fresh.warnings);
      }
      // The built-in faceted charts need corrections on every dataset: the comparison is not of first widths alone.
      expect(corrected).toBeGreaterThanOrEqual(4);
    },
  );
});
