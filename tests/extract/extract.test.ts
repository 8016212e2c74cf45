import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractClaims, stubsToYaml } from '../../src/extract/index.js';

const article = `Hanoi, March 3, 2031 – The ministry said exports exceeded US$1,020.5 billion in 2030, up 7.5 per cent.
The country signed nearly 400 agreements, about 2.5 times more than the year before. The 15th congress met.
Seven new heritage sites were listed, bringing the total to 84. Over 2 million visitors came for the 2029-2031 programme.`;

describe('claim extraction', () => {
  const stubs = extractClaims(article, 'test-source');
  const printed = stubs.map((s) => s.printed);

  it('proposes a stub for every quantity, with hedge, scale and unit', () => {
    expect(printed).toEqual(['exceeded US$1,020.5 billion', '7.5 per cent', 'nearly 400', 'about 2.5 times', 'Seven', '84', 'Over 2 million']);
    expect(stubs[0]).toMatchObject({ value: 1020.5, scale: 'billion', unit: 'USD', hedge: 'exceeded', period: '2030' });
    expect(stubs[1]).toMatchObject({ value: 7.5, unit: 'percent' });
    expect(stubs[3]).toMatchObject({ value: 2.5, unit: 'times', hedge: 'about' });
    expect(stubs[4]).toMatchObject({ value: 7, unit: 'count' });
    expect(stubs[6]).toMatchObject({ value: 2, scale: 'million', hedge: 'over' });
  });

  it('skips years, ordinals, ranges and days of dates', () => {
    expect(printed.some((p) => /2030|2031|15|3\b/.test(p) && !p.includes('1,020'))).toBe(false);
  });

  it('writes YAML ready to review, with the sentence as quote', () => {
    const doc = parse(stubsToYaml(stubs)) as { claims: { quote: string; source: string }[] };
    expect(doc.claims).toHaveLength(stubs.length);
    expect(doc.claims[2]).toMatchObject({ source: 'test-source', quote: 'The country signed nearly 400 agreements, about 2.5 times more than the year before.' });
  });
});
