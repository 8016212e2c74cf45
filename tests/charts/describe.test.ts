// describeChart: alt text from the spec and the data, deterministic.
import { describe, expect, it } from 'vitest';
import { describeChart } from '../../src/charts/index.js';
import { barChart, yearOnYear } from './helpers.js';

describe('describeChart', () => {
  it("opens with the spec's description and names each numeric field's extremes as printed", () => {
    const text = describeChart(yearOnYear());
    expect(text).toMatch(/^Headline figures of the year under review/);
    expect(text).toContain('Highest value: over US$930 billion (Total trade turnover, 2025)');
    expect(text).toContain('lowest value: 170 (Cooperation agreements signed, 2024).');
  });

  it('falls back to the title and to raw numbers, first row winning ties', () => {
    const input = barChart(
      [
        { label: 'b', value: 2 },
        { label: 'a', value: 9 },
        { label: 'c', value: 2 },
      ],
      { title: 'Values by label' },
    );
    expect(describeChart(input)).toBe('Values by label. Highest value: 9 (a); lowest value: 2 (b).');
  });

  it('is the same text every time', () => {
    expect(describeChart(yearOnYear())).toBe(describeChart(yearOnYear()));
  });
});
