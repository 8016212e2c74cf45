// The messages of reading a file the user gives (YAML with positions, JSON Schema validation), one function per text
// so that tests compare against the same words.
export const messages = {
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  schemaMissing: (name: string) => `the JSON Schema "${name}" is missing from the installation`,
  missingField: (field: string) => `missing required field "${field}"`,
  unknownField: (field: string) => `unknown field "${field}"`,
  notOneOf: (allowed: readonly unknown[]) => `must be one of: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
  notLike: (description: string, value: unknown) => `${JSON.stringify(value)} is not ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, '')}`,
  schema: (detail: string) => detail,
  yamlDepth: (limit: number) => `the YAML is nested more than ${limit} levels deep`,
  yamlAliases: (limit: number) => `the YAML's aliases expand to more than ${limit} copies (the limit guards against alias bombs)`,
  numberRange: (source: string) => `${source} is too large a number to be represented (numbers must be finite)`,
  stringLength: (length: number, limit: number) => `the text has ${length} characters, more than the limit of ${limit}`,
  limitHint: (name: string) => `raise the limit with --limit ${name}=N if this is intended`,
  periodOrder: (period: string) => `the period "${period}" ends before it starts`,
  badDate: (value: string) => `"${value}" is not a valid calendar date`,
};
