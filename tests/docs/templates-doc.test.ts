// docs/templates.md lists every value of the template context, and the README names them all: the docs cannot drift
// silently. (The helpers are listed, and their examples run, in tests/docs/readme.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir, defaultDataDir, packageRoot } from '../../src/input/paths.js';
import { loadReview } from '../../src/pipeline.js';
import { templateContext } from '../../src/template/context.js';

const doc = readFileSync(join(packageRoot, 'docs', 'templates.md'), 'utf8');
const section = (title: string) => doc.split(`## ${title}`)[1]?.split('\n## ')[0] ?? '';

describe('docs/templates.md', () => {
  const locale = loadLocale([builtinTemplateDir], 'en');
  it('names every value of the template context, and so does the README', () => {
    const context = templateContext(loadReview(defaultDataDir, locale), locale.labels, locale.name);
    const table = section('The template context');
    for (const key of Object.keys(context)) expect(table, key).toMatch(new RegExp(`\`${key}(\\[\\])?\``));
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8').split('\n## Template context\n')[1]?.split('\n## ')[0] ?? '';
    for (const key of Object.keys(context)) expect(readme, key).toContain(`\`${key}\``);
  });
});
