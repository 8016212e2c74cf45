// Every message text of the template stage.
export const messages = {
  syntax: (detail: string) => `template syntax error: ${detail}`,
  unknownHelper: (name: string) => `unknown helper "${name}"`,
  unknownPartial: (name: string) => `unknown partial "${name}"`,
  unknownText: (key: string) => `unknown text "${key}" (the template's texts are in locales/<locale>.yaml)`,
  didYouMean: (candidate: string) => `did you mean "${candidate}"?`,
  runtime: (detail: string) => `template error: ${detail}`,
  missingMain: (file: string) => `the template has no main file "${file}"`,
  noSuchPartial: (name: string, known: readonly string[]) => `the built-in template has no partial "${name}"; its partials: ${known.join(', ')}`,
  fileExists: () => 'already exists (give --force to overwrite it)',
  unknownField: (name: string) => `the template prints the field "${name}", which the review does not have (docs/templates.md lists the fields)`,
  prototypeAccess: (what: string, name: string) => `${what} reads "${name}", which every object inherits; templates may only read the review's own fields`,
  partialCycle: (cycle: readonly string[]) => `the partial includes itself: ${cycle.join(' → ')}`,
  empty: () => 'the template produced no text: the review would be an empty page',
  badArgument: (helper: string, detail: string) => `helper "${helper}": ${detail}`,
};
