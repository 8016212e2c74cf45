// Every message text of the dataset stage, so that code and tests build them the same way.
export const messages = {
  fileMissing: (file: string) => `required dataset file "${file}" is missing`,
  fileUnreadable: (detail: string) => `cannot read file: ${detail}`,
  notADirectory: (dir: string) => `dataset folder "${dir}" does not exist or is not a folder`,
  duplicateId: (kind: string, id: string, firstPath: string) => `duplicate ${kind} id "${id}" (first defined at ${firstPath})`,
  unknownRef: (kind: string, id: string) => `unknown ${kind} "${id}"`,
  didYouMean: (candidate: string) => `did you mean "${candidate}"?`,
  printedNotInQuote: (printed: string) => `the printed figure "${printed}" does not occur in the quote`,
  unitMismatch: (unit: string, metric: string, metricUnit: string) => `unit "${unit}" does not compare with the unit "${metricUnit}" of metric "${metric}" (it measures something else)`,
  unknownUnit: (unit: string, currencyLike: boolean) =>
    currencyLike
      ? `unknown unit "${unit}": not an ISO 4217 currency code, nor a built-in or declared unit`
      : `unknown unit "${unit}": not a built-in unit, a unit declared in review.yaml, nor an ISO 4217 currency code`,
  unitsHint: 'declare it in review.yaml units, or see the built-in units in docs/dataset.md',
  incrementUnit: (metric: string, unit: string, total: string, totalUnit: string) =>
    `metric "${metric}" is in "${unit}", but what it adds to the running total "${total}" must be in the total's unit "${totalUnit}"`,
  unitTaken: (id: string, what: string) => `unit "${id}" cannot be declared: it is already ${what}`,
  relationUnit: (type: string, expected: string, unit: string) => `a ${type} relation is measured in "${expected}", not "${unit}"`,
  basePeriod: (base: string, period: string) => `the relation's base period "${base}" must differ from the claim's period "${period}"`,
  emptyFile: (file: string) => `the file is empty: "${file}" must hold a mapping of keys`,
  notAMapping: (file: string) => `"${file}" must hold a mapping of keys, not a single value or a list`,
  tooManyClaims: (count: number, limit: number) => `the dataset has ${count} claims, more than the limit of ${limit}`,
  valueNotPrinted: (value: number, scale: string, printed: string) =>
    `the value ${value}${scale === 'one' ? '' : ` ${scale}`} is not what the printed figure "${printed}" says (within its printed precision, and with its sign)`,
  formatCharacters: (codes: readonly string[]) =>
    `invisible format character${codes.length > 1 ? 's' : ''} ${codes.join(', ')} dropped from the text (the fonts cannot draw ${codes.length > 1 ? 'them' : 'it'})`,
  noLadder: (field: string, kind: string, count: number) =>
    `review.yaml declares no ${field}, but ${count} ${count === 1 ? 'entry names' : 'entries name'} one (${kind}): list them in review.yaml, in order (docs/dataset.md)`,
  unknownHedge: (word: string) => `"${word}" is not a hedge word of the built-in vocabulary or of review.yaml's \`hedges\``,
  declareHedge: () => 'declare it with its meaning under `hedges` in review.yaml (docs/discrepancies.md), or write "none" for an unhedged figure',
  hedgeNotPrinted: (hedge: string, printed: string) => `the hedge "${hedge}" does not occur in the printed figure "${printed}": record the word the source prints with the figure`,
  hedgeDeclaredTwice: (word: string, first: string) => `the hedge "${word}" is already defined (in ${first})`,
  doubledNoun: (printed: string, word: string) => `:fig prints "${printed}", which already ends in its noun, and the text goes on with "${word}"`,
};
