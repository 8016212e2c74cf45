// Claim extraction on fixture articles: every figure proposed with hedge, scale, unit and period; names skipped.
// The expected stubs are golden files beside the fixtures; rewrite them with UPDATE=1 after a deliberate change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractClaims, METRIC_TO_FILL, stubsToYaml } from '../../src/extract/index.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { packageRoot } from '../../src/input/paths.js';

const fixtures = join(packageRoot, 'tests', 'fixtures', 'extract');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('claim extraction', () => {
  const stubs = extractClaims(read('briefing.txt'), 'gazette');
  const byPrinted = (printed: string) => stubs.find((s) => s.printed === printed);

  it('matches the golden stubs', () => {
    const golden = join(fixtures, 'briefing.stubs.json');
    if (process.env.UPDATE || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(stubs, null, 2)}\n`);
    expect(stubs).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('reads hedge, currency, scale and unit as printed', () => {
    expect(byPrinted('exceeded US$1,020.5 billion')).toMatchObject({ value: 1020.5, scale: 'billion', unit: 'USD', hedge: 'exceeded', period: '2030' });
    expect(byPrinted('about 40.1 billion USD')).toMatchObject({ value: 40.1, scale: 'billion', unit: 'USD', hedge: 'about' });
    expect(byPrinted('nearly VND600 trillion')).toMatchObject({ value: 600, scale: 'trillion', unit: 'VND', hedge: 'nearly' });
    expect(byPrinted('more than 13 billion dollars')).toMatchObject({ value: 13, unit: 'USD', hedge: 'more than' });
    expect(byPrinted('7.5 per cent')).toMatchObject({ value: 7.5, unit: 'percent' });
    expect(byPrinted('12%')).toMatchObject({ value: 12, unit: 'percent' });
    expect(byPrinted('6-million')).toMatchObject({ value: 6, scale: 'million', unit: 'count' });
    expect(byPrinted('Over 2 million')).toMatchObject({ value: 2, scale: 'million', hedge: 'Over' });
    expect(byPrinted('6.1-magnitude')).toMatchObject({ value: 6.1, unit: 'magnitude' });
    expect(byPrinted('40 days')).toMatchObject({ value: 40, unit: 'days' });
    expect(byPrinted('12 years')).toMatchObject({ value: 12, unit: 'years', hedge: 'none' });
  });

  it('reads any currency by its symbol, code or name, and built-in units by their written forms', () => {
    const figures = (sentence: string) => extractClaims(sentence, 'fictional').map((s) => [s.printed, s.value, s.scale, s.unit, s.hedge]);
    expect(figures('Investment reached €7.9 billion, up from EUR 6.1 billion and 5 billion euros.')).toEqual([
      ['€7.9 billion', 7.9, 'billion', 'EUR', 'none'],
      ['EUR 6.1 billion', 6.1, 'billion', 'EUR', 'none'],
      ['5 billion euros', 5, 'billion', 'EUR', 'none'],
    ]);
    expect(figures('Loans of £40 million, ¥3 trillion, A$5 million, 2 billion Swiss francs and 5 CHF.').map((f) => f[3])).toEqual(['GBP', 'JPY', 'AUD', 'CHF', 'CHF']);
    expect(figures('Trains carried about 12.4 million tonnes on 1,240 kilometres of track in 48 hours, with 300 people and 3,000 TEUs.').map((f) => [f[0], f[3]])).toEqual([
      ['about 12.4 million tonnes', 'tonnes'],
      ['1,240 kilometres', 'km'],
      ['48 hours', 'hours'],
      ['300 people', 'persons'],
      ['3,000 TEUs', 'teu'],
    ]);
  });

  it('reads a currency code only in capitals: "all 20" is no amount of Albanian lek', () => {
    expect(extractClaims('All 20 provinces and all 5 ministries took part; the fee was ALL 20.', 'fictional').map((s) => [s.printed, s.unit])).toEqual([
      ['20', 'count'],
      ['5', 'count'],
      ['ALL 20', 'ALL'],
    ]);
  });

  it('reads numbers written in words, and ordinals that count occurrences', () => {
    expect(byPrinted('Seven')).toMatchObject({ value: 7, unit: 'count' });
    expect(byPrinted('almost ten times')).toMatchObject({ value: 10, unit: 'times', hedge: 'almost' });
    expect(byPrinted('third time')).toMatchObject({ value: 3, unit: 'count' });
  });

  it('skips years, dates, ordinals that name things, numbered names and list numbering', () => {
    const printed = stubs.map((s) => s.printed);
    for (const name of ['2031', '3', '9', '15', '2029', '57', '59', '66', '68', '20', '1', '2']) expect(printed).not.toContain(name);
    expect(printed.some((p) => /\b(?:2030|2031)\b/.test(p))).toBe(false);
    expect(stubs.filter((s) => s.value === 7).map((s) => s.printed)).toEqual(['Seven']);
  });

  it('guesses the period from the nearest year of the sentence, and leaves it out when there is none', () => {
    expect(byPrinted('84')?.period).toBe('2030');
    expect(byPrinted('nearly 400')).not.toHaveProperty('period');
  });

  it('quotes the whole sentence, exactly as printed', () => {
    expect(byPrinted('nearly 400')?.quote).toBe('The country signed nearly 400 agreements, about 2.5 times more than the year before.');
    for (const s of stubs) expect(read('briefing.txt')).toContain(s.quote);
  });

  it('writes YAML ready to review, every metric still to fill', () => {
    const doc = parse(stubsToYaml(stubs)) as { claims: { id: string; metric: string; source: string }[] };
    expect(doc.claims).toHaveLength(stubs.length);
    expect(doc.claims.every((c) => c.metric === METRIC_TO_FILL && c.source === 'gazette')).toBe(true);
    expect(new Set(doc.claims.map((c) => c.id)).size).toBe(stubs.length);
  });
});

describe('sentence splitting', () => {
  it('ends sentences at full stops and line breaks, not after abbreviations, and drops list markers', () => {
    expect(splitSentences('Unit No. 4 left. Then 2025 began.\n1. First item\n- Second item')).toEqual(['Unit No. 4 left.', 'Then 2025 began.', 'First item', 'Second item']);
  });

  it('follows Unicode sentence boundaries: other scripts and opening marks, and no break before a figure after an abbreviation', () => {
    // Fictional sentences.
    expect(splitSentences('Lo dijo. ¿Qué pasó? ¡Nada! Bien.')).toEqual(['Lo dijo.', '¿Qué pasó?', '¡Nada!', 'Bien.']);
    expect(splitSentences('港口吞吐量增长了5%。明年将更高。')).toEqual(['港口吞吐量增长了5%。', '明年将更高。']);
    expect(splitSentences('Under Art. 5 of the charter, see p. 12 of it. Dr. Okafor agreed. Mr. Tamsin did not.')).toEqual([
      'Under Art. 5 of the charter, see p. 12 of it.',
      'Dr. Okafor agreed.',
      'Mr. Tamsin did not.',
    ]);
  });
});
