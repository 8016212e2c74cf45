// describeChart: alt text from the spec and the data, deterministic.
import { describe, expect, it } from 'vitest';
import { describeChart } from '../../src/charts/index.js';
import { altWords, barChart, yearOnYear } from './helpers.js';

const en = altWords('en');

describe('describeChart', () => {
  it("opens with the spec's description, then gives each facet's figures as the chart prints them", () => {
    const text = describeChart(yearOnYear(), en);
    expect(text).toMatch(/^Headline figures of the year under review/);
    expect(text).toContain('Total trade turnover: ');
    expect(text).toContain('over US$930 billion (2025)');
    expect(text).toContain('Cooperation agreements signed: 170 (2024)');
  });

  it('lists a short dataset in full, falling back to the title and to raw numbers', () => {
    const input = barChart(
      [
        { label: 'b', value: 2 },
        { label: 'a', value: 9 },
      ],
      { title: 'Values by label' },
    );
    expect(describeChart(input, en)).toBe('Values by label. 2 (b); 9 (a).');
  });

  it('gives a long dataset by its extremes, first row winning ties', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ label: `r${i}`, value: i === 7 ? 50 : i % 3 }));
    expect(describeChart(barChart(rows, { title: 'Many' }), en)).toBe('Many. 20 values; the highest 50 (r7), the lowest 0 (r0).');
  });

  it('leaves out fields the chart does not print', () => {
    const input = barChart([{ label: 'a', value: 1, hidden: 'x' }], {
      encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' }, color: { field: 'hidden', type: 'nominal', legend: null } },
    });
    expect(describeChart(input, en)).not.toContain('x)');
  });

  it('sums a chart of categories up by its legend, then names each thing first', () => {
    const rows = [
      { partner: 'Pháp', level: 'High', year: '2024', step: 'upgraded' },
      { partner: 'Anh', level: 'High', year: '2025', step: 'established' },
      { partner: 'Chile', level: 'Low', year: 'none', step: '' },
    ];
    const spec = {
      title: 'Partners',
      data: { name: 'rows' },
      encoding: { y: { field: 'partner', type: 'nominal' }, x: { field: 'year', type: 'ordinal' } },
      layer: [
        { mark: 'point', encoding: { color: { field: 'level', type: 'nominal' } } },
        { mark: 'text', encoding: { text: { field: 'step' } } },
      ],
    };
    expect(describeChart({ name: 'partners', spec, data: { rows } }, en)).toBe('Partners. 3 entries: 2 High, 1 Low. Pháp: 2024, High, upgraded; Anh: 2025, High, established; Chile: none, Low.');
  });

  it('is the same text every time', () => {
    expect(describeChart(yearOnYear(), en)).toBe(describeChart(yearOnYear(), en));
  });

  it("speaks the build's language: the description and its own words in Vietnamese", () => {
    const vi = describeChart(yearOnYear('vi'), altWords('vi'));
    expect(vi).toMatch(/^Các số liệu chính/);
    expect(describeChart(barChart([], { title: 'Trống' }), altWords('vi'))).toBe('Trống. Biểu đồ không có dữ liệu.');
  });
});
