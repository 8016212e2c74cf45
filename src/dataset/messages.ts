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
  yamlDepth: (limit: number) => `the YAML is nested more than ${limit} levels deep`,
  yamlAliases: (limit: number) => `the YAML's aliases expand to more than ${limit} copies (the limit guards against alias bombs)`,
  numberRange: (source: string) => `${source} is too large a number to be represented (numbers must be finite)`,
  stringLength: (length: number, limit: number) => `the text has ${length} characters, more than the limit of ${limit}`,
  limitHint: (name: string) => `raise the limit with --limit ${name}=N if this is intended`,
  emptyFile: (file: string) => `the file is empty: "${file}" must hold a mapping of keys`,
  notAMapping: (file: string) => `"${file}" must hold a mapping of keys, not a single value or a list`,
  tooManyClaims: (count: number, limit: number) => `the dataset has ${count} claims, more than the limit of ${limit}`,
  periodOrder: (period: string) => `the period "${period}" ends before it starts`,
  valueNotPrinted: (value: number, scale: string, printed: string) =>
    `the value ${value}${scale === 'one' ? '' : ` ${scale}`} is not what the printed figure "${printed}" says (within its printed precision, and with its sign)`,
  formatCharacters: (codes: readonly string[]) => `invisible format character${codes.length > 1 ? 's' : ''} ${codes.join(', ')} dropped from the text (the fonts cannot draw ${codes.length > 1 ? 'them' : 'it'})`,
  noLadder: (field: string, kind: string, count: number) =>
    `review.yaml declares no ${field}, but ${count} ${count === 1 ? 'entry names' : 'entries name'} one (${kind}): list them in review.yaml, in order (docs/dataset.md)`,
  badDate: (value: string) => `"${value}" is not a valid calendar date`,
};
