// Checks the units a dataset uses and writes each under its one id: declared units that do not clash with built-in
// ones or currencies, every metric's and claim's unit known (a misspelt one gets a suggestion), aliases read as the
// unit they name ("kilometres" → km), a claim's unit comparable with its metric's, relations in their own units.
import { error, type Diagnostic } from '../errors.js';
import { isCurrency, unitCatalogue, unitsOf, type Units } from '../units/index.js';
import { messages } from './messages.js';
import type { Locate } from './references.js';
import type { Dataset } from './types.js';

const RELATION_UNITS = { ratio: 'times', growth: 'percent' } as const;

/** The dataset with every unit under its id, and what was wrong with them. */
export function checkUnits(ds: Dataset, locate: Locate): { dataset: Dataset; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  // review.yaml is the whole `meta` object: its fields are shown as the file names them ("units[0].id").
  const at = (path: string) => ({ ...locate(path), path: path.replace(/^meta\./, '') });
  const builtin = unitCatalogue();
  const declared = ds.meta.units ?? [];
  const seen = new Map<string, string>();
  declared.forEach((d, i) => {
    const names = [d.id, ...(d.aliases ?? [])];
    names.forEach((name, j) => {
      const path = j === 0 ? `meta.units[${i}].id` : `meta.units[${i}].aliases[${j - 1}]`;
      const taken = builtin.find(name);
      if (taken) out.push(error('dataset/duplicate-id', messages.unitTaken(name, taken.kind === 'currency' ? 'an ISO 4217 currency code' : `a built-in unit (${taken.id})`), at(path)));
      else if (seen.has(name)) out.push(error('dataset/duplicate-id', messages.duplicateId('unit', name, seen.get(name)!), at(path)));
      else seen.set(name, path);
    });
  });
  const units = unitsOf(ds);
  // A unit whose `equals` names no unit has no known kind yet: it is reported once, not again at every claim.
  const unsure = new Set(declared.filter((d, i) => d.equals && !known(units, d.equals.unit, `meta.units[${i}].equals.unit`, out, at)).map((d) => d.id));

  const metrics = ds.metrics.map((m, i) => ({ ...m, unit: known(units, m.unit, `metrics[${i}].unit`, out, at) ?? m.unit }));
  const metricUnit = new Map(metrics.map((m) => [m.id, m.unit]));
  const claims = ds.claims.map((c, i) => {
    const path = `claims[${i}].unit`;
    const unit = known(units, c.unit, path, out, at);
    if (unit === undefined) return c;
    const rel = c.relation;
    if (rel && rel.type !== 'increment') {
      if (unit !== RELATION_UNITS[rel.type]) out.push(error('dataset/unit', messages.relationUnit(rel.type, RELATION_UNITS[rel.type], c.unit), at(path)));
    } else {
      const expected = metricUnit.get(c.metric);
      // What is added to a running total is counted in the total's own unit: the two are summed as they stand.
      const total = rel ? metricUnit.get(rel.total) : undefined;
      if (rel && total && units.find(total)) {
        if (total !== unit) out.push(error('dataset/unit', messages.relationUnit(rel.type, total, c.unit), at(path)));
        else if (expected && expected !== total) out.push(error('dataset/unit', messages.incrementUnit(c.metric, expected, rel.total, total), at(path)));
      }
      if (expected && units.find(expected) && !unsure.has(unit) && !unsure.has(expected) && !units.comparable(unit, expected))
        out.push(error('dataset/unit', messages.unitMismatch(c.unit, c.metric, expected), at(path)));
    }
    return unit === c.unit ? c : { ...c, unit };
  });
  return { dataset: { ...ds, metrics, claims }, diagnostics: out };
}

/** The id of the unit `name` names, or undefined after reporting it as unknown. */
function known(units: Units, name: string, path: string, out: Diagnostic[], at: (path: string) => object): string | undefined {
  const unit = units.find(name);
  if (unit) return unit.id;
  const guess = units.suggest(name);
  const currencyLike = /^[A-Za-z]{3}$/.test(name) && !isCurrency(name);
  out.push(error('dataset/unknown-unit', messages.unknownUnit(name, currencyLike), at(path), guess ? messages.didYouMean(guess) : messages.unitsHint));
  return undefined;
}
