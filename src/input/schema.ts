// Validates each dataset file against its published JSON Schema (schema/*.schema.json), with the validation code
// compiled ahead of time (validators.ts), and locates every error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { error } from '../errors.js';
import { schemaDir } from './paths.js';
import { messages } from './messages.js';
import { validators } from './validators.js';
import type { SourcePosition, Diagnostic } from '../errors.js';

let declared: Set<string> | undefined;

/** Every field name a dataset schema declares, at any depth: an optional field may be absent, a misspelt one is unknown. */
export function declaredFieldNames(): ReadonlySet<string> {
  if (declared) return declared;
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((k) => names.add(k));
      walk(value);
    }
  };
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json') && n !== 'theme.schema.json' && n !== 'locale.schema.json')) {
    walk(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')));
  }
  return (declared = names);
}

/** "/claims/3/hedge" → "claims[3].hedge" */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, seg) => (/^\d+$/.test(seg) ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg), '');
}

function describe(e: ErrorObject): { path: string; message: string; keyOf?: string; code?: string } {
  const path = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'format': {
      const value = String(e.data);
      return { path, code: 'dataset/date', message: value.includes('/') ? messages.periodOrder(value) : messages.badDate(value) };
    }
    case 'required': {
      const field = (e.params as { missingProperty: string }).missingProperty;
      return { path, message: messages.missingField(field) };
    }
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const child = path ? `${path}.${field}` : field;
      return { path: child, message: messages.unknownField(field), keyOf: child };
    }
    case 'pattern': {
      // The pattern itself means little to a reader; the schema's description of the value says what is wanted.
      const description = (e.parentSchema as { description?: string } | undefined)?.description;
      return { path, message: description ? messages.notLike(description, e.data) : messages.schema(e.message ?? e.keyword) };
    }
    case 'enum':
      return { path, message: messages.notOneOf((e.params as { allowedValues: unknown[] }).allowedValues) };
    default:
      return { path, message: messages.schema(e.message ?? e.keyword) };
  }
}

/** What a value the schema refuses gives, unless describe() says better. */
const SCHEMA_ERROR = { code: 'dataset/schema' };

/** Keeps the most specific errors: branch summaries (oneOf, anyOf, if) only when nothing deeper explains them. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  const summaries = new Set(['oneOf', 'anyOf', 'if', 'not']);
  const detailed = errors.filter((e) => !summaries.has(e.keyword));
  return detailed.length ? detailed : [...errors];
}

export function validateAgainstSchema(value: unknown, schemaFile: string, file: string, positions: ReadonlyMap<string, SourcePosition>): Diagnostic[] {
  const validate = validators[schemaFile];
  if (!validate) return [error('dataset/schema-missing', messages.schemaMissing(schemaFile), { file })];
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of mostSpecific(validate.errors ?? [])) {
    const { path, message, keyOf, code } = { ...SCHEMA_ERROR, ...describe(e) };
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = (keyOf && positions.get(`${keyOf}#key`)) || positions.get(path) || { file, line: 1, column: 1 };
    out.push(error(code, message, { ...pos, ...(path ? { path } : {}) }));
  }
  return out;
}

/**
 * True when `name`'s schema (schema/NAME.schema.json) accepts `value`, which then has `Files[name]`: `Files` maps
 * schema names to the types generated from those schemas (npm run schema-types), as DatasetFiles does. The schema's
 * problems go to `out`.
 */
export function conforms<Files, K extends keyof Files & string>(value: unknown, name: K, file: string, positions: ReadonlyMap<string, SourcePosition>, out: Diagnostic[]): value is Files[K] {
  const problems = validateAgainstSchema(value, `${name}.schema.json`, file, positions);
  out.push(...problems);
  return !problems.length;
}
