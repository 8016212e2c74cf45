// `annual-review init`: the override folder it writes, what it refuses to overwrite, and a build with a changed partial
// and theme colour that changes those and nothing else.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplateDir } from '../../src/input/paths.js';
import { readPageColours, readPdf } from '../pdf-reader.js';
import { defaultBuild, runCli as run, type CliRun } from '../support.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-init-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every key path of a parsed YAML mapping, sections included; flow values are leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

/** The README's table row for `name`: its description cell. */
function describedIn(readme: string, name: string): string | undefined {
  const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
  return row?.split(' | ')[1];
}

describe('annual-review init DIR', () => {
  let dir: string;
  let result: CliRun;
  beforeAll(async () => {
    dir = join(work, 'override');
    result = await run('init', dir);
  });

  it('writes a commented theme, an empty partials folder and a README, and says what to run next', async () => {
    expect(result.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'partials', 'theme.yaml']);
    expect(readdirSync(join(dir, 'partials'))).toEqual([]);
    expect(parse(readFileSync(join(dir, 'theme.yaml'), 'utf8'))).toBeNull();
    expect(result.stdout).toContain(`annual-review build --template ${dir}`);
  });

  it('lists in its README every part, chart and theme key of the built-in template, each described', async () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const partials = readdirSync(join(builtinTemplateDir, 'partials')).map((f) => `partials/${f}`);
    const charts = readdirSync(join(builtinTemplateDir, 'charts')).map((f) => f.replace(/\.vl\.json$/, ''));
    const keys = keyPaths(parse(readFileSync(join(builtinTemplateDir, 'theme.yaml'), 'utf8')));
    expect(partials.length).toBeGreaterThan(5);
    expect(keys).toContain('cover.background');
    for (const name of ['report.md.hbs', ...partials, ...charts, ...keys]) {
      const description = describedIn(readme, name);
      expect(description, name).toBeDefined();
      expect(description, name).not.toBe('–');
    }
  });

  it('refuses to overwrite a file, naming it, unless --force', async () => {
    const again = await run('init', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(join(dir, 'theme.yaml'));
    expect(again.stderr).toContain('--force');
    writeFileSync(join(dir, 'partials', 'cover.md.hbs'), 'mine\n');
    const partial = await run('init', dir, '--partial', 'cover');
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain(join(dir, 'partials', 'cover.md.hbs'));
    expect(readFileSync(join(dir, 'partials', 'cover.md.hbs'), 'utf8')).toBe('mine\n');
    expect((await run('init', dir, '--force')).status).toBe(0);
    expect((await run('init', dir, 'cover', '--force')).status).toBe(0);
    expect(readFileSync(join(dir, 'partials', 'cover.md.hbs'), 'utf8')).toBe(readFileSync(join(builtinTemplateDir, 'partials', 'cover.md.hbs'), 'utf8'));
  });

  it('names the closest partial when asked for one that does not exist', async () => {
    const r = await run('init', join(work, 'typo'), 'covr');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no partial "covr".*did you mean "cover"\?/);
    expect(existsSync(join(work, 'typo'))).toBe(false);
  });
});

describe('annual-review init --full', () => {
  it('copies the whole built-in template, which builds the same PDF', async () => {
    const dir = join(work, 'full');
    expect((await run('init', dir, '--full')).status).toBe(0);
    for (const f of ['report.md.hbs', 'theme.yaml', 'partials/cover.md.hbs', 'charts/year-on-year.vl.json']) {
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(builtinTemplateDir, f), 'utf8'));
    }
    expect((await run('build', '--template', dir, '--out', join(work, 'full-review.pdf'))).status).toBe(0); // full/ is the template, not an exports folder
    expect(Buffer.compare(readFileSync(join(work, 'full-review.pdf')), (await defaultBuild()).pdf)).toBe(0);
  });
});

describe('a build with one partial and one theme colour changed', () => {
  it('shows both, and the rest of the review is unchanged', async () => {
    const dir = join(work, 'custom');
    expect((await run('init', dir, 'cover')).status).toBe(0);
    // The user's edits: a sentence on the cover, and the cover colour uncommented and changed in theme.yaml.
    const cover = join(dir, 'partials', 'cover.md.hbs');
    writeFileSync(cover, readFileSync(cover, 'utf8').replace(/\n:::\s*$/, '\n\nPrepared for the annual meeting of the board.\n:::\n'));
    const theme = join(dir, 'theme.yaml');
    const builtinBackground = (parse(readFileSync(join(builtinTemplateDir, 'theme.yaml'), 'utf8')) as { cover: { background: string } }).cover.background;
    writeFileSync(
      theme,
      readFileSync(theme, 'utf8')
        .replace(/^# cover:/m, 'cover:')
        .replace(/^# {3}background: "#[0-9a-f]+"/m, '  background: "#7a1f3d"'),
    );
    expect((parse(readFileSync(theme, 'utf8')) as { cover: { background: string } }).cover.background).toBe('#7a1f3d');

    const base = (await defaultBuild()).pdf;
    const custom = join(work, 'custom-review.pdf'); // beside the template folder custom/, not over it
    const built = await run('build', '--template', dir, '--out', custom);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);

    const [before, after] = await Promise.all([readPdf(base), readPdf(readFileSync(custom))]);
    const [coloursBefore, coloursAfter] = await Promise.all([readPageColours(base), readPageColours(readFileSync(custom))]);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(after.pages[0]!)).toContain('Prepared for the annual meeting of the board.');
    expect(flat(before.pages[0]!)).not.toContain('Prepared for the annual meeting');
    expect(coloursAfter[0]).toContain('#7a1f3d');
    expect(coloursAfter[0]).not.toContain(builtinBackground);
    expect(coloursBefore[0]).toContain(builtinBackground);
    expect(after.pages.length).toBe(before.pages.length);
    expect(after.pages.slice(1)).toEqual(before.pages.slice(1));
    expect(coloursAfter.slice(1)).toEqual(coloursBefore.slice(1));
  });
});
