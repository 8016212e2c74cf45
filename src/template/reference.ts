// What a template folder holds, read from its own files: the description comment at the top of each Handlebars file,
// each chart spec's "description", and each theme key's description in the theme's JSON Schema. `annual-review init`
// writes it as a README, so the list of parts a user can change is never kept by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { schemaDir } from '../input/paths.js';
import { findTemplateFile, listTemplateFiles, MAIN_TEMPLATE, PARTIAL_SUFFIX } from './environment.js';

export interface Described {
  name: string;
  /** One line; empty when the file or key has none. */
  description: string;
}

export interface TemplateReference {
  /** The main template and the partials, by file name relative to the template folder. */
  templates: Described[];
  /** Chart names, as `:::figure{chart="name"}` uses them. */
  charts: Described[];
  /** Theme keys as dotted paths, in the order of theme.yaml. */
  theme: Described[];
}

const CHART_SUFFIX = '.vl.json';

/** The first sentence of a text, on one line. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

/** The `{{!-- … --}}` or `{{! … }}` comment a Handlebars file opens with. */
export function templateDescription(text: string): string {
  const m = /^\s*\{\{!(?:--([\s\S]*?)--|([^}]*))\}\}/.exec(text);
  return m ? firstSentence(m[1] ?? m[2] ?? '') : '';
}

function chartDescription(text: string): string {
  try {
    const spec = JSON.parse(text) as { description?: unknown; title?: unknown };
    return firstSentence(typeof spec.description === 'string' ? spec.description : typeof spec.title === 'string' ? spec.title : '');
  } catch {
    return '';
  }
}

type SchemaNode = { description?: string; properties?: Record<string, SchemaNode>; additionalProperties?: SchemaNode | boolean; $ref?: string };

/** The theme schema's node for a key path ("fonts.serif.regular"), following `properties`, `additionalProperties` and `$ref`s. */
function schemaNodeAt(root: SchemaNode & { $defs?: Record<string, SchemaNode> }, path: readonly string[]): SchemaNode | undefined {
  const resolve = (node: SchemaNode | undefined) => (node?.$ref?.startsWith('#/$defs/') ? { ...root.$defs?.[node.$ref.slice('#/$defs/'.length)], ...node } : node);
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const here: SchemaNode | undefined = resolve(node);
    node = here?.properties?.[key] ?? (typeof here?.additionalProperties === 'object' ? here.additionalProperties : undefined);
  }
  return resolve(node);
}

/**
 * Every key of a theme file, in the file's order, with its description from the theme's JSON Schema
 * (schema/theme.schema.json): the one place a key is described, which editors show too.
 */
export function themeKeys(text: string): Described[] {
  const schema = JSON.parse(readFileSync(join(schemaDir, 'theme.schema.json'), 'utf8')) as SchemaNode;
  const out: Described[] = [];
  const walk = (map: YAMLMap, prefix: readonly string[]): void => {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const path = [...prefix, String(pair.key.value)];
      out.push({ name: path.join('.'), description: firstSentence(schemaNodeAt(schema, path)?.description ?? '') });
      if (isMap(pair.value) && !pair.value.flow) walk(pair.value, path);
    }
  };
  const doc = parseDocument(text);
  if (isMap(doc.contents)) walk(doc.contents, []);
  return out;
}

/** Describes the template in `dir` (the built-in one, for init). */
export function describeTemplate(dir: string): TemplateReference {
  const read = (path: string) => readFileSync(path, 'utf8');
  const main = findTemplateFile([dir], MAIN_TEMPLATE);
  const theme = findTemplateFile([dir], 'theme.yaml');
  return {
    templates: [...(main ? [main] : []), ...listTemplateFiles([dir], 'partials', PARTIAL_SUFFIX)].map((f) => ({
      name: f.name,
      description: templateDescription(read(f.path)),
    })),
    charts: listTemplateFiles([dir], 'charts', CHART_SUFFIX).map((f) => ({
      name: f.name.slice('charts/'.length, -CHART_SUFFIX.length),
      description: chartDescription(read(f.path)),
    })),
    theme: theme ? themeKeys(read(theme.path)) : [],
  };
}
