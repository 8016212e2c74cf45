// The discrepancies CSV as spreadsheets read it: a UTF-8 byte-order mark, and the delimiter of the build's locale (or
// the one asked for), with fields quoted only where they hold it.
import { describe, expect, it } from 'vitest';
import { discrepanciesCsv } from '../src/exports.js';
import { defaultBuild, runCli } from './support.js';

const csvOf = async (locale?: string) => (await defaultBuild(locale)).dataFiles.find((f) => f.name === 'discrepancies.csv')!.text;

describe('discrepancies.csv', () => {
  it('opens with a byte-order mark and separates by "," in English, ";" in Vietnamese', async () => {
    const [en, vi] = [await csvOf('en'), await csvOf('vi')];
    for (const csv of [en, vi]) expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(en.slice(1).split('\r\n')[0]).toBe('id,rule,severity,metric,period,claims,sources,printed,gap,explanation');
    expect(vi.slice(1).split('\r\n')[0]).toBe('id;rule;severity;metric;period;claims;sources;printed;gap;explanation');
    // Rows as many as findings, in both.
    const report = (await defaultBuild('vi')).review.discrepancies;
    expect(vi.trimEnd().split('\r\n')).toHaveLength(report.discrepancies.length + 1);
  });

  it('quotes a field that holds the delimiter, and only then', async () => {
    const report = (await defaultBuild()).review.discrepancies;
    const semicolons = discrepanciesCsv(report, { delimiter: ';', bom: false });
    const commas = discrepanciesCsv(report, { delimiter: ',', bom: false });
    // Explanations hold commas: quoted in the comma file; the claims list holds "; ": quoted in the semicolon file.
    expect(commas.split('\r\n')[1]).toMatch(/,"[^"]*,[^"]*"\r?$/);
    expect(semicolons.split('\r\n')[1]).toMatch(/;"[^";]*; [^"]*";/);
  });

  it('takes another delimiter by option, and refuses what is not one character', async () => {
    expect((await runCli('build', '--csv-delimiter', '::')).status).toBe(2);
    expect((await runCli('build', '--csv-delimiter', '"')).status).toBe(2);
  });
});
