// The units of measure and counted things every dataset may use without declaring them: what each measures (its
// dimension and factor to the dimension's base), what values it allows, the names a dataset or a source may give
// it, and how a figure in it is written in each locale the tool ships (a locale without its own forms uses English).
import type { UnitDefinition, WrittenForms } from './types.js';

/** English and Vietnamese written forms with the amount after the unit's word ("{amount} tonnes"). */
const noun = (one: string, other: string, vi: string): WrittenForms => ({ en: { one: `{amount} ${one}`, other: `{amount} ${other}` }, vi: `{amount} ${vi}` });
/** A symbol written the same in both locales ("{amount} km"). */
const symbol = (text: string): WrittenForms => ({ en: `{amount} ${text}`, vi: `{amount} ${text}` });

interface Entry {
  id: string;
  dimension: string;
  factor?: number;
  whole?: boolean;
  negative?: boolean;
  aliases?: readonly string[];
  forms: WrittenForms;
  /** Written forms a source prints after a figure, for `extract` ("kilometres"); the forms' own words count too. */
  words?: readonly string[];
}

const ENTRIES: readonly Entry[] = [
  // Counted things without a noun of their own: the noun is in the metric's label ("38 embassies").
  { id: 'count', dimension: 'count', whole: true, forms: { en: '{amount}', vi: '{amount}' } },
  { id: 'persons', dimension: 'persons', whole: true, aliases: ['people', 'person'], forms: noun('person', 'people', 'người'), words: ['persons'] },
  { id: 'percent', dimension: 'percent', negative: true, aliases: ['per-cent'], forms: { en: '{amount}%', vi: '{amount}%' }, words: ['per cent', 'percent'] },
  {
    id: 'percentage-points',
    dimension: 'percentage-points',
    negative: true,
    aliases: ['points'],
    forms: { en: { one: '{amount} percentage point', other: '{amount} percentage points' }, vi: '{amount} điểm phần trăm' },
  },
  // A ratio: "2.5 times".
  { id: 'times', dimension: 'ratio', forms: noun('time', 'times', 'lần') },
  { id: 'magnitude', dimension: 'magnitude', negative: true, forms: { en: 'magnitude {amount}', vi: '{amount} độ' }, words: ['-magnitude'] },
  // Durations: hours to weeks convert exactly; months and years are calendar spans, each its own dimension.
  { id: 'minutes', dimension: 'duration', factor: 60, aliases: ['minute', 'min'], forms: noun('minute', 'minutes', 'phút') },
  { id: 'hours', dimension: 'duration', factor: 3600, aliases: ['hour', 'h'], forms: noun('hour', 'hours', 'giờ') },
  { id: 'days', dimension: 'duration', factor: 86400, aliases: ['day'], forms: noun('day', 'days', 'ngày') },
  { id: 'weeks', dimension: 'duration', factor: 604800, aliases: ['week'], forms: noun('week', 'weeks', 'tuần') },
  { id: 'months', dimension: 'months', aliases: ['month'], forms: noun('month', 'months', 'tháng') },
  { id: 'years', dimension: 'years', aliases: ['year'], forms: noun('year', 'years', 'năm') },
  // Length, area, mass, volume, energy: SI bases (metre, square metre, kilogram, litre, watt-hour).
  { id: 'm', dimension: 'length', factor: 1, aliases: ['metres', 'meters', 'metre', 'meter'], forms: symbol('m'), words: ['metres', 'meters'] },
  { id: 'km', dimension: 'length', factor: 1000, aliases: ['kilometres', 'kilometers', 'kilometre', 'kilometer'], forms: symbol('km'), words: ['kilometres', 'kilometers'] },
  { id: 'miles', dimension: 'length', factor: 1609.344, aliases: ['mile', 'mi'], forms: noun('mile', 'miles', 'dặm') },
  { id: 'hectares', dimension: 'area', factor: 1e4, aliases: ['hectare', 'ha'], forms: { en: '{amount} ha', vi: '{amount} ha' }, words: ['hectares'] },
  { id: 'km2', dimension: 'area', factor: 1e6, aliases: ['square-kilometres', 'square-kilometers', 'sq-km'], forms: symbol('km²'), words: ['square kilometres', 'square kilometers', 'sq km'] },
  { id: 'kg', dimension: 'mass', factor: 1, aliases: ['kilograms', 'kilogram', 'kilos'], forms: symbol('kg'), words: ['kilograms', 'kilos'] },
  { id: 'tonnes', dimension: 'mass', factor: 1000, aliases: ['tonne', 'tons', 'ton', 'metric-tons', 't'], forms: noun('tonne', 'tonnes', 'tấn'), words: ['tons', 'metric tons'] },
  { id: 'litres', dimension: 'volume', factor: 1, aliases: ['litre', 'liters', 'liter', 'l'], forms: noun('litre', 'litres', 'lít'), words: ['liters'] },
  { id: 'barrels', dimension: 'volume', factor: 158.987294928, aliases: ['barrel', 'bbl'], forms: noun('barrel', 'barrels', 'thùng') },
  { id: 'kwh', dimension: 'energy', factor: 1, aliases: ['kilowatt-hours'], forms: symbol('kWh'), words: ['kilowatt-hours', 'kilowatt hours'] },
  { id: 'mwh', dimension: 'energy', factor: 1e3, aliases: ['megawatt-hours'], forms: symbol('MWh'), words: ['megawatt-hours', 'megawatt hours'] },
  { id: 'gwh', dimension: 'energy', factor: 1e6, aliases: ['gigawatt-hours'], forms: symbol('GWh'), words: ['gigawatt-hours', 'gigawatt hours'] },
  { id: 'mw', dimension: 'power', factor: 1, aliases: ['megawatts', 'megawatt'], forms: symbol('MW'), words: ['megawatts'] },
  { id: 'gw', dimension: 'power', factor: 1e3, aliases: ['gigawatts', 'gigawatt'], forms: symbol('GW'), words: ['gigawatts'] },
  { id: 'teu', dimension: 'containers', whole: true, aliases: ['teus'], forms: symbol('TEU'), words: ['TEUs'] },
];

export const BUILTIN_UNITS: readonly UnitDefinition[] = ENTRIES.map((e) => ({
  id: e.id,
  kind: 'measure',
  dimension: e.dimension,
  factor: e.factor ?? 1,
  whole: e.whole ?? false,
  nonNegative: !e.negative,
  aliases: e.aliases ?? [],
  forms: e.forms,
  words: e.words ?? [],
}));
