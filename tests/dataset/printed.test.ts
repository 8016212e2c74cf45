// A claim's value must be what its printed figure says, within the printed precision and with its printed sign.
import { describe, expect, it } from 'vitest';
import { agreesWithPrinted } from '../../src/analysis/discrepancies/precision.js';

const agrees = (value: number, printed: string, scale: 'one' | 'million' | 'billion' = 'one') => agreesWithPrinted({ value, printed, scale });

describe('agreesWithPrinted', () => {
  it('accepts the printed number at any scale, within half its last digit', () => {
    expect(agrees(1200, 'about 1,200 ships')).toBe(true);
    expect(agrees(27620, 'US$27.62 billion', 'million')).toBe(true);
    expect(agrees(27.624, '27.62')).toBe(true);
    expect(agrees(-4.5, 'fell 4.5%')).toBe(true);
    expect(agrees(7, 'seven')).toBe(true);
    expect(agrees(12, '10-12 ships')).toBe(true);
  });

  it('refuses a value the printed figure does not say', () => {
    expect(agrees(12000, 'about 1,200 ships')).toBe(false);
    expect(agrees(27.63, '27.62')).toBe(false);
    expect(agrees(-4.5, '+4.5%')).toBe(false);
    expect(agrees(4.5, '−4.5%')).toBe(false);
    expect(agrees(4.5, 'a change of -4.5%')).toBe(false);
  });
});
