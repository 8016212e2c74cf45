// The units module: currencies by ISO 4217 code written through Intl in each locale, built-in and declared units
// with their plural forms, conversion within a dimension, suggestions, and the marks tables and extract read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { BUILTIN, builtinUnitIds, formatMoney, isCurrency, isFigureText, marksBefore, unitCatalogue, unitMarks, type DeclaredUnit } from '../../src/units/index.js';

const en = loadLocale([builtinTemplateDir], 'en').money;
const vi = loadLocale([builtinTemplateDir], 'vi').money;

const declared: DeclaredUnit[] = [
  { id: 'embassies', label: { en: { one: 'embassy', other: 'embassies' }, vi: 'cơ quan đại diện' } },
  { id: 'crossings', label: 'crossings', aliases: ['border-crossings'] },
  { id: 'wagons', label: { vi: 'toa hàng', en: { one: 'wagon', other: 'wagons' } }, equals: { value: 60, unit: 'tonnes' } },
];
const units = unitCatalogue(declared, 'en');

describe('currencies', () => {
  it('accepts any ISO 4217 code Intl knows, in capitals only', () => {
    for (const code of ['EUR', 'USD', 'JPY', 'VND', 'GBP', 'CHF', 'XAF']) expect(isCurrency(code), code).toBe(true);
    for (const code of ['eur', 'EURO', 'XYZ', 'US$']) expect(isCurrency(code), code).toBe(false);
    expect(units.find('EUR')).toMatchObject({ kind: 'currency', whole: false, nonNegative: true });
    expect(units.find('XYZ')).toBeUndefined();
  });

  it('writes money with the symbol Intl gives in English and the code after the scale word in Vietnamese', () => {
    expect(formatMoney(27.62, 'USD', 'billion', en)).toBe('US$27.62 billion');
    expect(formatMoney(7.9, 'EUR', 'billion', en)).toBe('€7.9 billion');
    expect(formatMoney(3, 'JPY', 'trillion', en)).toBe('JP¥3 trillion');
    expect(formatMoney(615, 'VND', 'billion', en)).toBe('₫615 billion');
    expect(formatMoney(5, 'CHF', 'million', en)).toBe('CHF 5 million');
    expect(formatMoney(27.62, 'USD', 'billion', vi)).toBe('27,62 tỷ USD');
    expect(formatMoney(7.9, 'EUR', 'billion', vi)).toBe('7,9 tỷ EUR');
    expect(formatMoney(3, 'JPY', 'trillion', vi)).toBe('3 nghìn tỷ JPY');
    expect(formatMoney(615, 'VND', 'billion', vi)).toBe('615 tỷ VND');
  });

  it('leaves the scale out for plain amounts', () => {
    expect(formatMoney(1500, 'USD', 'one', en)).toBe('US$1,500');
    expect(formatMoney(1500, 'USD', 'one', vi)).toBe('1.500 USD');
  });

  it('writes a computed amount in the scale that reads best, never as a long row of digits', () => {
    expect(units.write(7946428571, 'EUR', en)).toBe('€7.95 billion');
    expect(units.write(7946428571, 'EUR', vi)).toBe('7,95 tỷ EUR');
    expect(units.write(1.4e11, 'USD', en)).toBe('US$140 billion');
    expect(units.write(2.3e12, 'JPY', en)).toBe('JP¥2.3 trillion');
    expect(units.write(615e9, 'VND', vi)).toBe('615 tỷ VND');
  });
});

describe('units of measure and counted things', () => {
  it('chooses the plural form by the locale’s rules, and uses the scale word’s plural for large amounts', () => {
    expect(units.write(1, 'tonnes', en)).toBe('1 tonne');
    expect(units.write(2.5, 'tonnes', en)).toBe('2.5 tonnes');
    expect(units.write(1e6, 'tonnes', en)).toBe('1 million tonnes');
    expect(units.write(7.9e6, 'tonnes', vi)).toBe('7,9 triệu tấn');
    expect(units.write(1, 'days', en)).toBe('1 day');
    expect(units.write(3, 'persons', en)).toBe('3 people');
    expect(units.write(12.5, 'percent', vi)).toBe('12,5%');
    expect(units.write(6.1, 'magnitude', en)).toBe('magnitude 6.1');
    expect(units.write(140, 'count', en)).toBe('140');
  });

  it('writes a declared unit with its noun in each locale, falling back to the dataset’s language', () => {
    expect(units.write(1, 'embassies', en)).toBe('1 embassy');
    expect(units.write(38, 'embassies', en)).toBe('38 embassies');
    expect(units.write(38, 'embassies', vi)).toBe('38 cơ quan đại diện');
    // "crossings" gives one text for every locale.
    expect(units.write(4, 'crossings', vi)).toBe('4 crossings');
    // A locale the label lacks: the dataset's language first, whatever the order the label lists them in.
    expect(units.write(2, 'wagons', { ...en, intl: 'fr-FR' })).toBe('2 wagons');
  });

  it('gives the word a title puts beside a scale word', () => {
    expect(units.caption('EUR', 'vi-VN')).toBe('EUR');
    expect(units.caption('times', 'en-GB')).toBe('times');
    expect(units.caption('times', 'vi-VN')).toBe('lần');
    expect(units.caption('percent', 'en-GB')).toBe('%');
    expect(units.caption('count', 'en-GB')).toBe('');
    expect(units.caption('embassies', 'vi-VN')).toBe('cơ quan đại diện');
  });

  it('reads aliases as the unit they name', () => {
    expect(units.find('kilometres')?.id).toBe('km');
    expect(units.find('people')?.id).toBe('persons');
    expect(units.find('border-crossings')?.id).toBe('crossings');
    expect(units.comparable('km', 'kilometres')).toBe(true);
  });

  it('converts within a dimension and refuses across dimensions', () => {
    expect(units.convert(2500, 'kg', 'tonnes')).toBe(2.5);
    expect(units.convert(3, 'km', 'm')).toBe(3000);
    expect(units.convert(48, 'hours', 'days')).toBe(2);
    expect(units.convert(200_000, 'wagons', 'tonnes')).toBe(12e6);
    expect(units.convert(1, 'wagons', 'kg')).toBe(60_000);
    expect(units.comparable('tonnes', 'km')).toBe(false);
    expect(units.comparable('EUR', 'USD')).toBe(false);
    expect(units.comparable('days', 'years')).toBe(false);
    expect(() => units.convert(1, 'EUR', 'USD')).toThrow(/does not convert/);
  });

  it('converts a declared unit that equals one declared after it', () => {
    const chained = unitCatalogue([{ id: 'trains', label: 'trains', equals: { value: 20, unit: 'wagons' } }, ...declared]);
    expect(chained.convert(2, 'trains', 'tonnes')).toBe(2400);
    // A circle is cut where it closes, never followed for ever.
    const circle = unitCatalogue([
      { id: 'ayes', label: 'ayes', equals: { value: 2, unit: 'noes' } },
      { id: 'noes', label: 'noes', equals: { value: 2, unit: 'ayes' } },
    ]);
    expect(circle.convert(1, 'ayes', 'noes')).toBe(2);
  });

  it('knows what values a unit allows', () => {
    expect(units.get('embassies')).toMatchObject({ whole: true, nonNegative: true });
    expect(units.get('wagons').whole).toBe(true);
    expect(units.get('percent').nonNegative).toBe(false);
    expect(units.get('tonnes').whole).toBe(false);
  });

  it('suggests the unit a misspelt name most likely meant', () => {
    expect(units.suggest('tonns')).toBe('tonnes');
    expect(units.suggest('eur')).toBe('EUR');
    expect(units.suggest('embasies')).toBe('embassies');
    expect(units.suggest('kilometress')).toBe('kilometres');
    expect(units.suggest('zzzzzzzz')).toBeUndefined();
  });

  it('keeps built-in ids for the built-in units: a declaration cannot redefine them', () => {
    const clash = unitCatalogue([{ id: 'km', label: 'furlongs' }]);
    expect(clash.write(2, 'km', en)).toBe('2 km');
    expect(BUILTIN.find('embassies')).toBeUndefined();
  });
});

describe('figures in text', () => {
  it('recognises a table cell holding one figure with its currency, scale and unit', () => {
    for (const cell of ['US$27.62 billion', '€5 million', 'EUR 6.1 billion', 'JP¥3 trillion', '£40 million', '12%', '350 km', '≈ 2.5×', '12.4 million tonnes', '615 VND'])
      expect(isFigureText(cell), cell).toBe(true);
    for (const cell of ['42 countries', 'Viet Nam', 'Source [3]', '2025 review']) expect(isFigureText(cell), cell).toBe(false);
  });

  it('reads a cell the same whether it begins with a mark or with its digits', () => {
    // A cell whose digits come first is read without the marks before a figure: none of them may begin with a digit,
    // a point, a comma, a sign or white space (the marks include every currency's English symbol, as Intl gives it).
    for (const mark of marksBefore()) expect(mark, mark).toMatch(/^[^\d.,\s\-\u2013+~\u2248<>]/u);
    for (const cell of ['2025', ' 2025 ', '-5', '+12%', '≈ 2.5×', '~ 40 million', '.5 million', '1,234.5 VND', '< 3 km', '- US$3 billion', 'Cg.5', 'usd 4', 'A$5'])
      expect(isFigureText(cell), cell).toBe(true);
    for (const cell of ['2025–2026', '12 March', '5 US$', 'D1 major', 'nearly 350; around 2.5 times [1]', '- -', '']) expect(isFigureText(cell), cell).toBe(false);
  });

  it('offers extract the marks of every currency and built-in unit', () => {
    const { before, after } = unitMarks();
    expect(before.get('€')).toBe('EUR');
    expect(before.get('US$')).toBe('USD');
    expect(before.get('$')).toBe('USD');
    expect(before.get('£')).toBe('GBP');
    expect(before.get('JPY')).toBe('JPY');
    expect(after.get('euros')).toBe('EUR');
    expect(after.get('US dollars')).toBe('USD');
    expect(after.get('kilometres')).toBe('km');
    expect(after.get('tonnes')).toBe('tonnes');
    expect(after.get('per cent')).toBe('percent');
  });
});

describe('the documentation of the built-in units', () => {
  const ids = builtinUnitIds();
  it('lists every built-in unit in docs/dataset.md, and no other', () => {
    const doc = readFileSync(join(packageRoot, 'docs', 'dataset.md'), 'utf8');
    const table = doc.split('**A built-in unit**')[1]?.split('\n\n')[1] ?? '';
    const listed = table
      .split('\n')
      .slice(2)
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    expect(listed.sort()).toEqual([...ids].sort());
  });

  it('names every built-in unit in the schema’s description of a unit', () => {
    const schema = JSON.parse(readFileSync(join(packageRoot, 'schema', 'common.schema.json'), 'utf8')) as { $defs: { unit: { description: string } } };
    const named = /built-in unit \(([^)]*)\)/.exec(schema.$defs.unit.description)?.[1]?.split(', ') ?? [];
    expect(named.sort()).toEqual([...ids].sort());
  });
});
