// The schemas' validation code is compiled ahead (src/input/validators.ts, by scripts/schema-validators.mjs): it must
// be what the schemas give today, and judge a file as Ajv compiling the schema at run time would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { calendar } from '../../src/input/formats.js';
import { packageRoot, schemaDir } from '../../src/input/paths.js';
import { validators } from '../../src/input/validators.js';
// @ts-expect-error: a plain ES module script without types
import { generateValidators, VALIDATORS } from '../../scripts/schema-validators.mjs';

describe('the validation code compiled from the schemas', () => {
  it('is up to date (npm run schema-types rewrites it)', () => {
    expect(readFileSync(join(packageRoot, VALIDATORS as string), 'utf8')).toBe((generateValidators as () => string)());
  });

  it('has a validator for every schema, judging as the schema compiled at run time does', () => {
    const names = readdirSync(schemaDir).filter((n) => n.endsWith('.schema.json'));
    expect(Object.keys(validators).sort()).toEqual(names.sort());
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    ajv.addFormat('calendar', calendar);
    for (const name of names) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as object, name);
    const cases: [string, unknown][] = [
      ['claims.schema.json', { claims: [{ id: 'x' }] }],
      ['claims.schema.json', { claims: [], extra: 1 }],
      ['events.schema.json', { events: [{ id: 'e', date: '2025-02-30', title: 't' }] }],
      ['review.schema.json', {}],
      ['theme.schema.json', { page: { size: 'A5' } }],
      ['locale.schema.json', { name: 3 }],
    ];
    for (const [name, data] of cases) {
      const ahead = validators[name]!;
      const atRunTime = ajv.getSchema(name)!;
      expect(ahead(data), name).toBe(atRunTime(data));
      const strip = (errors: typeof ahead.errors) => (errors ?? []).map((e) => ({ path: e.instancePath, keyword: e.keyword, params: e.params, message: e.message }));
      expect(strip(ahead.errors), `${name} ${JSON.stringify(data)}`).toEqual(strip(atRunTime.errors));
      expect(strip(ahead.errors).length, name).toBeGreaterThan(0);
    }
  });
});
