// The exports as other programs read them: the discrepancies CSV as spreadsheets do (a UTF-8 byte-order mark, the
// delimiter of the build's locale or the one asked for), the JSON files against their published schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isCalendar } from '../src/input/formats.js';
import { discrepanciesCsv } from '../src/exports/index.js';
import { schemaDir } from '../src/input/paths.js';
import { defaultBuild, exampleBuild, runCli } from './support.js';

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

describe('the JSON exports', () => {
  // Every published schema, the dataset files' and the exports', with the calendar check the loader uses.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addFormat('calendar', { type: 'string', validate: isCalendar });
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'))) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as object);
  for (const name of readdirSync(join(schemaDir, 'exports'))) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, 'exports', name), 'utf8')) as object);

  for (const dataset of ['vietnam-2025', 'marenna-2025']) {
    it(`of ${dataset} follow schema/exports/dataset.schema.json and discrepancies.schema.json`, async () => {
      const files = (await exampleBuild(dataset)).dataFiles;
      for (const [file, schema] of [
        ['dataset.json', 'exports/dataset.schema.json'],
        ['discrepancies.json', 'exports/discrepancies.schema.json'],
      ] as const) {
        const validate = ajv.getSchema(schema)!;
        const valid = validate(JSON.parse(files.find((f) => f.name === file)!.text));
        expect(validate.errors ?? [], `${dataset} ${file}`).toEqual([]);
        expect(valid).toBe(true);
      }
    });
  }

  it('and the schemas refuse what the exports never hold', () => {
    const validate = ajv.getSchema('exports/discrepancies.schema.json')!;
    expect(validate({ discrepancies: [{ id: 'X1', rule: 'value-conflict', severity: 'major', metric: 'm', period: '2025', claims: [], explanation: '' }], consistent: [], sources: [] })).toBe(false);
  });
});
