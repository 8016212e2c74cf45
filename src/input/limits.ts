// Input limits: how much a dataset, a template or a chart may ask of a build. Each guards against a mistake (or a
// hostile file) that would otherwise exhaust memory or time; each can be raised (BuildOptions.limits, `--limit`).
// docs/errors.md lists them.

export interface Limits {
  /** Bytes of one input file (dataset YAML, template, theme, locale, chart spec). */
  fileBytes: number;
  /** Nesting depth of a YAML file (mappings and sequences inside each other). */
  yamlDepth: number;
  /** Alias expansions in one YAML file, counted as the yaml library does (an alias of a node holding aliases counts each). */
  yamlAliases: number;
  /** Characters of one string in the dataset. */
  stringLength: number;
  /** Claims in a dataset. */
  claims: number;
  /** Rows of inline data (`data.values`) in one chart spec. */
  chartRows: number;
  /** Seconds one chart of a user's template may take to draw (it is drawn on a thread that is stopped then). */
  chartSeconds: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  fileBytes: 16 * 1024 * 1024,
  yamlDepth: 64,
  yamlAliases: 10_000,
  stringLength: 100_000,
  claims: 50_000,
  chartRows: 10_000,
  chartSeconds: 60,
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** The defaults with the given limits raised (or lowered). */
export const limitsWith = (over: Partial<Limits> = {}): Limits => ({ ...DEFAULT_LIMITS, ...over });
