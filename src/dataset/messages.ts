// Every message text of the dataset stage, so that code and tests build them the same way.
export const messages = {
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  fileMissing: (file: string) => `required dataset file "${file}" is missing`,
  fileUnreadable: (detail: string) => `cannot read file: ${detail}`,
  notADirectory: (dir: string) => `dataset folder "${dir}" does not exist or is not a folder`,
  schemaMissing: (name: string) => `the JSON Schema "${name}" is missing from the installation`,
  missingField: (field: string) => `missing required field "${field}"`,
  unknownField: (field: string) => `unknown field "${field}"`,
  notOneOf: (allowed: readonly unknown[]) => `must be one of: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
  notLike: (description: string, value: unknown) => `${JSON.stringify(value)} is not ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, '')}`,
  schema: (detail: string) => detail,
  duplicateId: (kind: string, id: string, firstPath: string) => `duplicate ${kind} id "${id}" (first defined at ${firstPath})`,
  unknownRef: (kind: string, id: string) => `unknown ${kind} "${id}"`,
  didYouMean: (candidate: string) => `did you mean "${candidate}"?`,
  printedNotInQuote: (printed: string) => `the printed figure "${printed}" does not occur in the quote`,
  unitMismatch: (unit: string, metric: string, metricUnit: string) =>
    `unit "${unit}" does not compare with the unit "${metricUnit}" of metric "${metric}" (it measures something else)`,
  unknownUnit: (unit: string, currencyLike: boolean) =>
    currencyLike ? `unknown unit "${unit}": not an ISO 4217 currency code, nor a built-in or declared unit` : `unknown unit "${unit}": not a built-in unit, a unit declared in review.yaml, nor an ISO 4217 currency code`,
  unitsHint: 'declare it in review.yaml units, or see the built-in units in docs/dataset.md',
  incrementUnit: (metric: string, unit: string, total: string, totalUnit: string) =>
    `metric "${metric}" is in "${unit}", but what it adds to the running total "${total}" must be in the total's unit "${totalUnit}"`,
  unitTaken: (id: string, what: string) => `unit "${id}" cannot be declared: it is already ${what}`,
  relationUnit: (type: string, expected: string, unit: string) => `a ${type} relation is measured in "${expected}", not "${unit}"`,
  basePeriod: (base: string, period: string) => `the relation's base period "${base}" must differ from the claim's period "${period}"`,
  noLadder: (field: string, kind: string, count: number) =>
    `review.yaml declares no ${field}, but ${count} ${count === 1 ? 'entry names' : 'entries name'} one (${kind}): list them in review.yaml, in order (docs/dataset.md)`,
  unknownHedge: (word: string) => `"${word}" is not a hedge word of the built-in vocabulary or of review.yaml's \`hedges\``,
  declareHedge: () => 'declare it with its meaning under `hedges` in review.yaml (docs/discrepancies.md), or write "none" for an unhedged figure',
  hedgeNotPrinted: (hedge: string, printed: string) => `the hedge "${hedge}" does not occur in the printed figure "${printed}": record the word the source prints with the figure`,
  hedgeDeclaredTwice: (word: string, first: string) => `the hedge "${word}" is already defined (in ${first})`,
  doubledNoun: (printed: string, word: string) => `:fig prints "${printed}", which already ends in its noun, and the text goes on with "${word}"`,
  badDate: (value: string) => `"${value}" is not a valid calendar date`,
};
