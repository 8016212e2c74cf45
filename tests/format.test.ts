// Numbers, percentages and dates in both built-in locales (money: tests/units/units.test.ts), with the styles their locale files give.
import { describe, expect, it } from 'vitest';
import { fillPattern, formatDate, formatNumber, formatPercent } from '../src/text/format.js';
import { loadLocale } from '../src/locale/index.js';
import { builtinTemplateDir } from '../src/input/paths.js';

const en = loadLocale([builtinTemplateDir], 'en');
const vi = loadLocale([builtinTemplateDir], 'vi');

describe('formatNumber', () => {
  it('groups thousands and marks decimals the local way', () => {
    expect(formatNumber(1234567.5, en.intl)).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, vi.intl)).toBe('1.234.567,5');
  });

  it('rounds to the digits asked for and writes no trailing zeros', () => {
    expect(formatNumber(27.625, en.intl)).toBe('27.63');
    expect(formatNumber(27.6, vi.intl)).toBe('27,6');
    expect(formatNumber(8.26, vi.intl, 1)).toBe('8,3');
    expect(formatNumber(-1500, vi.intl)).toBe('-1.500');
  });

  it('groups four-digit numbers in Vietnamese too', () => {
    // CLDR's vi data groups from four digits (no minimum grouping of two), as Vietnamese print does: 1.000.
    expect(formatNumber(1000, vi.intl)).toBe('1.000');
    expect(formatNumber(1000, en.intl)).toBe('1,000');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal, with the local decimal mark and no space before %', () => {
    expect(formatPercent(8.2, en.intl)).toBe('8.2%');
    expect(formatPercent(8.2, vi.intl)).toBe('8,2%');
    expect(formatPercent(17, vi.intl)).toBe('17%');
  });
});

describe('formatDate', () => {
  it('writes full dates in words', () => {
    expect(formatDate('2026-02-17', en.dates)).toBe('17 February 2026');
    expect(formatDate('2026-02-17', vi.dates)).toBe('ngày 17 tháng 2 năm 2026');
    expect(formatDate('2026-01-08', vi.dates)).toBe('ngày 8 tháng 1 năm 2026');
  });

  it('writes months and years as far as they are known', () => {
    expect(formatDate('2026-03', en.dates)).toBe('March 2026');
    expect(formatDate('2026-03', vi.dates)).toBe('tháng 3 năm 2026');
    expect(formatDate('2026', vi.dates)).toBe('2026');
  });
});

describe('fillPattern', () => {
  it('fills the names it has values for and leaves the others', () => {
    expect(fillPattern('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  });
});
