// A dataset in euros, tonnes, kilometres and units it declares (tests/fixtures/units/dataset, fictional): units are
// normalised to their ids, compared after conversion, printed in their own words; unknown units are located errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disagreementRows, measureRows } from '../../src/analysis/chart-data.js';
import { findDiscrepancies } from '../../src/analysis/discrepancies/index.js';
import { loadDataset } from '../../src/dataset/load.js';
import { messages } from '../../src/dataset/messages.js';
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { diagnosticsOf, folderMaker } from '../support.js';
import { templateDirs, wordingOf } from '../../src/pipeline.js';

const english = wordingOf(loadLocale(templateDirs(), 'en'));

const fixture = join(packageRoot, 'tests', 'fixtures', 'units', 'dataset');
const files = ['review.yaml', 'sources.yaml', 'metrics.yaml', 'claims.yaml', 'narrative.yaml'];
const original = Object.fromEntries(files.map((f) => [f, readFileSync(join(fixture, f), 'utf8')]));
const makeFolder = folderMaker('annual-review-units-');
/** The fixture with some texts replaced in some files. */
const variant = (changes: Record<string, [string, string][]>) =>
  makeFolder(Object.fromEntries(files.map((f) => [f, (changes[f] ?? []).reduce((text, [from, to]) => text.replace(from, to), original[f]!)])));

describe('a dataset in other currencies and units', () => {
  const ds = loadDataset(fixture);
  const report = findDiscrepancies(ds, english);
  const finding = (metric: string, rule: string) => report.discrepancies.find((d) => d.metric === metric && d.rule === rule);

  it('writes every unit under its id: aliases are read as the unit they name', () => {
    expect(ds.metrics.find((m) => m.id === 'rail-length')?.unit).toBe('km');
    expect(ds.claims.find((c) => c.id === 'pb-rail')?.unit).toBe('km');
    expect(ds.meta.units?.map((u) => u.id)).toEqual(['embassies', 'crossings', 'wagons']);
  });

  it('prints a computed amount in euros in the currency’s own symbol, never US$', () => {
    const relation = finding('investment', 'derived-relation');
    expect(relation?.explanation).toContain('which would imply about €6.08 billion in 2024');
    expect(report.discrepancies.map((d) => d.explanation).join(' ')).not.toContain('US$');
    expect(finding('investment', 'value-conflict')?.claims.map((c) => c.unit)).toEqual(['EUR', 'EUR']);
  });

  it('prints counts of a declared unit with its noun', () => {
    expect(finding('missions', 'running-total')?.explanation).toContain('makes 39 embassies, not the stated 38 embassies');
  });

  it('compares figures of one metric in the metric’s unit: wagons of 60 tonnes against tonnes, kilometres against km', () => {
    const freight = report.consistent.find((a) => a.metric === 'freight');
    expect(freight?.claims.map((c) => [c.claim, c.unit, c.value])).toEqual([
      ['qg-freight', 'tonnes', 12.4e6],
      ['pb-freight', 'tonnes', 12e6],
    ]);
    expect(report.consistent.find((a) => a.metric === 'rail-length')?.claims.map((c) => c.unit)).toEqual(['km', 'km']);
    expect(report.discrepancies.filter((d) => d.metric === 'freight' || d.metric === 'rail-length')).toEqual([]);
  });

  it('compares figures printed at different scales of one unit as the same quantity', () => {
    const dir = variant({
      'claims.yaml': [
        ['value: 200\n    scale: thousand\n    unit: wagons', 'value: 12400\n    scale: thousand\n    unit: tonnes'],
        ['200,000 wagons', '12,400 thousand tonnes'],
        ['Some 200,000 wagons', 'Some 12,400 thousand tonnes'],
      ],
    });
    const freight = findDiscrepancies(loadDataset(dir), english).consistent.find((a) => a.metric === 'freight');
    expect(freight?.claims.map((c) => c.value)).toEqual([12.4e6, 12.4e6]);
  });

  it('finds a conflict that only conversion shows', () => {
    // 150,000 wagons of 60 tonnes are 9 million tonnes: far from about 12.4 million.
    const dir = variant({
      'claims.yaml': [
        ['value: 200\n', 'value: 150\n'],
        ['200,000 wagons', '150,000 wagons'],
        ['Some 200,000', 'Some 150,000'],
      ],
    });
    const conflict = findDiscrepancies(loadDataset(dir), english).discrepancies.find((d) => d.metric === 'freight');
    expect(conflict?.rule).toBe('value-conflict');
  });

  it('names the unit of a disagreement panel and keeps money of any currency in the topic rows', () => {
    for (const name of ['en', 'vi']) {
      const locale = loadLocale([builtinTemplateDir], name);
      const words = locale.labels.charts as Record<string, string>;
      const panels = new Set(disagreementRows(ds, report, { name, words, intl: locale.intl, money: locale.money }).map((r) => String(r.panel)));
      expect(
        [...panels].some((p) => p.endsWith(`(${words.billion} EUR)`)),
        [...panels].join(' | '),
      ).toBe(true);
    }
    const en = loadLocale([builtinTemplateDir], 'en');
    const words = en.labels.charts as Record<string, string>;
    const euros = loadDataset(variant({ 'metrics.yaml': [['unit: EUR\n', 'unit: EUR\n    topic: investment\n']] }));
    const rows = measureRows(euros, { name: 'en', words, intl: 'en', money: en.money });
    expect(rows.map((r) => r.unit)).toEqual(['EUR', 'EUR', 'EUR']);
    expect(rows[0]?.axisTitle).toBe('billion EUR');
  });
});

describe('unknown and clashing units', () => {
  it('locates an unknown unit and suggests the closest known one', () => {
    const dir = variant({
      'metrics.yaml': [['unit: tonnes', 'unit: tonns']],
      'claims.yaml': [['unit: EUR\n    hedge: none\n    printed: €7.9 billion', 'unit: eur\n    hedge: none\n    printed: €7.9 billion']],
    });
    const found = diagnosticsOf(() => loadDataset(dir));
    const metric = found.find((d) => d.path === 'metrics[1].unit');
    expect(metric).toMatchObject({ code: 'dataset/unknown-unit', line: 8, column: 11, message: messages.unknownUnit('tonns', false), hint: messages.didYouMean('tonnes') });
    expect(metric?.file).toMatch(/metrics\.yaml$/);
    expect(found.find((d) => d.path === 'claims[0].unit')).toMatchObject({ code: 'dataset/unknown-unit', line: 8, column: 11, hint: messages.didYouMean('EUR') });
  });

  it('says a three-letter name is no ISO 4217 code, and points to the declarations when nothing is close', () => {
    const dir = variant({
      'metrics.yaml': [
        ['unit: EUR', 'unit: XYZ'],
        ['unit: embassies', 'unit: parliaments'],
      ],
    });
    const found = diagnosticsOf(() => loadDataset(dir));
    expect(found.find((d) => d.path === 'metrics[0].unit')?.message).toBe(messages.unknownUnit('XYZ', true));
    expect(found.find((d) => d.path === 'metrics[2].unit')).toMatchObject({ message: messages.unknownUnit('parliaments', false), hint: messages.unitsHint });
  });

  it('refuses a claim whose unit does not compare with its metric’s', () => {
    const dir = variant({ 'claims.yaml': [['unit: wagons', 'unit: km']] });
    const found = diagnosticsOf(() => loadDataset(dir));
    expect(found).toEqual([expect.objectContaining({ code: 'dataset/unit', path: 'claims[3].unit', message: messages.unitMismatch('km', 'freight', 'tonnes') })]);
  });

  it('counts what a relation adds to a running total in the total’s unit', () => {
    // Legations convert to embassies one for one, yet the sum of the running total is taken as it stands.
    const legations = '  - id: legations\n    label: legations\n    equals: { value: 1, unit: embassies }\n';
    const found = diagnosticsOf(() =>
      loadDataset(
        variant({
          'review.yaml': [['  - id: crossings\n', `${legations}  - id: crossings\n`]],
          'metrics.yaml': [['    unit: embassies\n    description: Embassies opened', '    unit: legations\n    description: Embassies opened']],
        }),
      ),
    );
    expect(found).toEqual([expect.objectContaining({ code: 'dataset/unit', path: 'claims[10].unit', message: messages.incrementUnit('missions-opened', 'legations', 'missions', 'embassies') })]);
  });

  it('refuses a declaration that takes a built-in unit’s or a currency’s name', () => {
    const dir = variant({
      'review.yaml': [
        ['id: crossings', 'id: km'],
        ['aliases: [border-crossings]', 'aliases: [GBP]'],
      ],
    });
    const found = diagnosticsOf(() => loadDataset(dir));
    expect(found.map((d) => [d.code, d.path, d.line])).toEqual(
      expect.arrayContaining([
        ['dataset/duplicate-id', 'units[1].id', 13],
        ['dataset/duplicate-id', 'units[1].aliases[0]', 15],
      ]),
    );
  });

  it('checks the unit a declaration equals', () => {
    const dir = variant({ 'review.yaml': [['unit: tonnes', 'unit: tones']] });
    expect(diagnosticsOf(() => loadDataset(dir))).toEqual([expect.objectContaining({ code: 'dataset/unknown-unit', path: 'units[2].equals.unit', hint: messages.didYouMean('tonnes') })]);
  });
});
