// Chart text metrics: real advance widths in layout, truncation and the SVG.
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/index.js';
import { fittedText, isBold, itemWidth, loadChartFonts } from '../../src/charts/metrics.js';
import { loadFont, measureText } from '../../src/fonts/index.js';
import { barChart, texts, theme } from './helpers.js';

const fonts = loadChartFonts(theme.fonts);
const regular = loadFont(theme.fonts.regular).font;
const bold = loadFont(theme.fonts.bold).font;
const long = 'Registered foreign direct investment in Việt Nam';

/** Labels on the y axis without an axis title, so the plot's offset is the labels' width plus ticks and padding. */
function encoding(axis: object = {}): object {
  return { y: { field: 'label', type: 'nominal', axis: { title: null, ...axis } }, x: { field: 'value', type: 'quantitative' } };
}

describe('chart text metrics', () => {
  it("measures with the font's advance widths, not Vega's 0.8 × size estimate", () => {
    const width = itemWidth(fonts, { fontSize: 8 }, long);
    expect(width).toBeCloseTo(measureText(regular, long, 8), 6);
    expect(Math.abs(width - 0.8 * long.length * 8)).toBeGreaterThan(50);
  });

  it('measures bold text in the bold face', () => {
    expect(itemWidth(fonts, { fontSize: 8, fontWeight: 'bold' }, long)).toBeCloseTo(measureText(bold, long, 8), 6);
    expect(itemWidth(fonts, { fontSize: 8, fontWeight: 700 }, long)).toBeCloseTo(measureText(bold, long, 8), 6);
    expect(isBold('600')).toBe(true);
    expect(isBold('normal')).toBe(false);
  });

  it('measures what will be drawn: trimmed and cut to the limit with an ellipsis', () => {
    const item = { fontSize: 8, limit: 60 };
    const fitted = fittedText(fonts, item, `  ${long} `);
    expect(fitted.endsWith('\u2026')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(itemWidth(fonts, item, long)).toBeLessThanOrEqual(60);
    expect(fittedText(fonts, item, 'short')).toBe('short');
  });

  it('lays out axis labels with the measured widths, so the plot starts right after the longest label', async () => {
    const label = 'International arrivals (Việt Nam)';
    const chart = await renderChart(
      barChart(
        [
          { label, value: 3 },
          { label: 'Trade', value: 5 },
        ],
        { encoding: encoding() },
      ),
      theme,
    );
    const plotX = Number(/<g [^>]*transform="translate\(([\d.]+),/.exec(chart.svg)?.[1]);
    // Vega-Lite's defaults: 5 pt ticks; 3 pt label padding from the theme; 1 pt for the domain line.
    expect(plotX).toBeGreaterThanOrEqual(measureText(regular, label, 8) + 5 + 3);
    expect(plotX).toBeLessThanOrEqual(measureText(regular, label, 8) + 5 + 3 + 2);
    expect(plotX).toBeLessThan(0.8 * label.length * 8);
    expect(texts(chart.svg)).toContain(label);
  });

  it('truncates long labels in the SVG by the same measure the layout used', async () => {
    const chart = await renderChart(barChart([{ label: long, value: 3 }], { encoding: encoding({ labelLimit: 80 }) }), theme);
    const label = texts(chart.svg).find((t) => t.endsWith('\u2026'));
    expect(label).toBe(fittedText(fonts, { fontSize: 8, limit: 80 }, long));
    const plotX = Number(/<g [^>]*transform="translate\(([\d.]+),/.exec(chart.svg)?.[1]);
    expect(plotX).toBeLessThanOrEqual(measureText(regular, label ?? '', 8) + 5 + 3 + 2);
  });
});
