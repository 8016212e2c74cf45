// renderChart: SVG form, sandbox, diagnostics, sizing and determinism.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetDrawnCharts, renderChart } from '../../src/charts/index.js';
import { ReviewError } from '../../src/errors.js';
import { barChart, texts, theme, yearOnYear } from './helpers.js';

async function codesOf(promise: Promise<unknown>): Promise<string[]> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReviewError);
  return (e as ReviewError).diagnostics.map((d) => d.code);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('renderChart', () => {
  it('sets every text as a <text> element in the theme family, bold only as font-weight="bold"', async () => {
    const chart = await renderChart(yearOnYear(), theme);
    const elements = [...chart.svg.matchAll(/<text\b[^>]*>/g)].map((m) => m[0]);
    expect(elements.length).toBeGreaterThan(10);
    for (const element of elements) expect(element).toContain('font-family="Be Vietnam Pro"');
    expect(chart.svg).toContain('font-weight="bold"');
    expect(chart.svg).not.toMatch(/font-weight="(?!bold")/);
    expect(chart.svg).not.toContain('<image');
    expect(texts(chart.svg)).toEqual(expect.arrayContaining(['Cooperation agreements signed', '2024', '2025', '170', 'about US$40.6 billion']));
  });

  it('fits the year-on-year chart to the column width, labels included', async () => {
    const chart = await renderChart(yearOnYear(), theme);
    expect(chart.width).toBe(theme.width);
    expect(chart.svg).toMatch(new RegExp(`^<svg [^>]*width="${theme.width}"`));
    expect(chart.warnings).toEqual([]);
  });

  it('fills the column with a unit chart that sets no width', async () => {
    const chart = await renderChart(barChart([{ label: 'a', value: 1 }]), theme);
    expect(chart.width).toBe(theme.width);
  });

  it('produces byte-identical SVG for the same input', async () => {
    const clipped = barChart([{ label: 'a', value: 1 }], { mark: { type: 'bar', clip: true } });
    // Drawn afresh each time (not served from the charts already drawn), so clip ids must not count on.
    const fresh = async (input: ReturnType<typeof yearOnYear>) => {
      forgetDrawnCharts();
      return (await renderChart(input, theme)).svg;
    };
    const first = await fresh(clipped);
    expect(first).toContain('clip-path');
    expect(await fresh(clipped)).toBe(first);
    expect(await fresh(yearOnYear())).toBe(await fresh(yearOnYear()));
  });

  it('serves a chart drawn before with the same spec, data and theme without drawing it again', async () => {
    const input = barChart([{ label: 'memo', value: 3 }]);
    const first = renderChart(input, theme);
    expect(renderChart(structuredClone(input), theme)).toBe(first);
    expect(renderChart(barChart([{ label: 'memo', value: 4 }]), theme)).not.toBe(first);
    expect(renderChart(input, { ...theme, fontSize: 9 })).not.toBe(first);
    await first;
  });

  it('gives concurrent renders the same result as one after the other', async () => {
    const large = { ...theme, fontSize: 12, fonts: { regular: theme.fonts.bold, bold: theme.fonts.bold } };
    const bars = barChart([{ label: 'International arrivals', value: 1 }]);
    const alone = [(await renderChart(bars, theme)).svg, (await renderChart(bars, large)).svg];
    const together = await Promise.all([renderChart(bars, theme), renderChart(bars, large)]);
    expect(together.map((c) => c.svg)).toEqual(alone);
    expect(alone[0]).not.toBe(alone[1]);
  });

  it('refuses to load a URL', async () => {
    const input = { name: 'remote', spec: { data: { url: 'https://example.com/x.csv' }, mark: 'point' }, data: {} };
    await expect(codesOf(renderChart(input, theme))).resolves.toEqual(['chart/refused-load']);
    await expect(renderChart(input, theme)).rejects.toThrow('https://example.com/x.csv');
  });

  it('refuses to read a local file', async () => {
    const input = { name: 'local', file: 'charts/local.vl.json', spec: { data: { url: '/etc/passwd' }, mark: 'point' }, data: {} };
    await expect(codesOf(renderChart(input, theme))).resolves.toEqual(['chart/refused-load']);
    await expect(renderChart(input, theme)).rejects.toThrow(/charts\/local\.vl\.json: .*"\/etc\/passwd"/);
  });

  it('refuses images, even inline ones', async () => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const input = { name: 'picture', spec: { data: { values: [{ x: 1 }] }, mark: { type: 'image', url: pixel, width: 10, height: 10 } }, data: {} };
    await expect(codesOf(renderChart(input, theme))).resolves.toEqual(['chart/image']);
  });

  it('names the chart, its file and the datasets on offer when a dataset is missing', async () => {
    const input = { ...yearOnYear(), data: { other: [], trade: [] } };
    const failure = renderChart(input, theme);
    await expect(codesOf(failure)).resolves.toEqual(['chart/unknown-data']);
    await expect(renderChart(input, theme)).rejects.toThrow(/year-on-year\.vl\.json: chart "year-on-year" refers to data "headline" .*available: "other", "trade"/);
  });

  it('reports an invalid spec as a located diagnostic', async () => {
    const input = barChart([], { mark: 'no-such-mark' });
    await expect(codesOf(renderChart(input, theme))).resolves.toEqual(['chart/invalid-spec']);
  });

  it('evaluates expressions with the interpreter', async () => {
    const input = barChart([{ label: 'a', value: 21 }], {
      transform: [{ calculate: "datum.value * 2 + ' units'", as: 'doubled' }],
      mark: 'text',
      encoding: { text: { field: 'doubled' } },
    });
    expect(texts((await renderChart(input, theme)).svg)).toContain('42 units');
  });

  it('prints nothing to the console and returns Vega-Lite warnings as diagnostics', async () => {
    const spy = vi.spyOn(console, 'warn');
    const errors = vi.spyOn(console, 'error');
    const input = barChart([{ label: 'a', value: 1 }], { encoding: { x: { field: 'value', type: 'quantitative' }, shape: { field: 'label', type: 'nominal' } } });
    const chart = await renderChart(input, theme);
    expect(chart.warnings.map((w) => w.code)).toEqual(['chart/vega-warning']);
    expect(chart.warnings[0]?.file).toBe('charts/bars.vl.json');
    expect(spy).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it('lets a spec restyle itself over the theme', async () => {
    const input = barChart([{ label: 'a', value: 1 }], { config: { axis: { labelColor: '#ff0000' } } });
    expect((await renderChart(input, theme)).svg).toContain('fill="#ff0000"');
  });

  it("names days and months in the review's locale: days as Intl names them, months as its labels do", async () => {
    const months = Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`);
    const locale = { intl: 'vi', icu: process.versions.icu ?? '', decimal: ',', thousands: '.', months, shortMonths: months };
    const input = barChart([{ label: 'a', value: 1234.5, day: '2023-01-02' }], {
      transform: [{ calculate: "utcFormat(toDate(datum.day), '%A, %B') + ' ' + format(datum.value, ',.1f')", as: 'said' }],
      mark: 'text',
      encoding: { text: { field: 'said' } },
    });
    const said = new Intl.DateTimeFormat('vi', { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 2));
    expect(said).not.toBe('Monday');
    expect(texts((await renderChart(input, { ...theme, locale })).svg)).toContain(`${said}, tháng 1 1.234,5`);
    expect(texts((await renderChart(input, theme)).svg)).toContain('Monday, January 1,234.5');
  });

  it('writes chart text in NFC whatever the data holds', async () => {
    const chart = await renderChart(barChart([{ label: 'Vie\u0323\u0302t Nam', value: 1 }]), theme);
    expect(texts(chart.svg)).toContain('Việt Nam'.normalize('NFC'));
  });

  it('does not modify its input', async () => {
    const input = yearOnYear();
    const copy = structuredClone(input);
    await renderChart(input, theme);
    expect(input).toEqual(copy);
  });
});

describe('renderChart without code generation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('never builds functions from strings, so it runs under a strict content security policy', async () => {
    const input = barChart([{ label: 'a', value: 21 }], {
      transform: [{ calculate: 'datum.value * 2', as: 'doubled' }, { filter: 'datum.doubled > 10' }],
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'doubled', type: 'quantitative' } },
    });
    vi.stubGlobal('Function', () => {
      throw new Error('code generation');
    });
    const chart = await renderChart(input, theme);
    expect(texts(chart.svg)).toContain('a');
  });
});
