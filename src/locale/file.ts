// Generated from schema/locale.schema.json by scripts/schema-types.mjs (npm run schema-types): do not edit. The
// schema is the one source of the locale's shape; src/locale/index.ts reads its texts as this.

/**
 * A template's fixed words in one language, and how it writes numbers and dates. Groups of texts by key; {name} in a text is replaced by the value a template gives for that name. The built-in English file (templates/annual-review/locales/en.yaml) lists every key.
 */
export interface LocaleFile {
/**
 * A group of texts.
 */
[k: string]: {
[k: string]: string | [string, string, string, string, string, string, string, string, string, string, string, string]
}
}
