// `annual-review new DIR`: a dataset skeleton that validates, verifies and builds as it is, whose $schema comments
// resolve from where it stands, and which never overwrites a file unless told to.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDiscrepancies } from '../../src/analysis/discrepancies/index.js';
import { loadDataset } from '../../src/dataset/load.js';
import { verifyQuotes } from '../../src/dataset/verify.js';
import { idFromFolder } from '../../src/dataset/skeleton.js';
import { loadLocale } from '../../src/locale/index.js';
import { schemaDir } from '../../src/input/paths.js';
import { buildReport, templateDirs, wordingOf } from '../../src/pipeline.js';
import { runCli } from '../support.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-new-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('annual-review new DIR', () => {
  it('writes a dataset that validates, verifies against its own text and builds, for the year asked', async () => {
    const dir = join(work, 'Harbour Review 2031');
    const run = await runCli('new', dir, '--year', '2031');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`--data '${dir}'`);
    const ds = loadDataset(dir);
    expect(ds.meta).toMatchObject({ id: 'harbour-review-2031', year: 2031, baselineYear: 2030 });
    expect(ds.claims.every((c) => c.period === '2031' || c.period === '2030')).toBe(true);
    expect(verifyQuotes(ds, join(dir, 'sources'))).toEqual([]);
    expect(findDiscrepancies(ds, wordingOf(loadLocale(templateDirs(), 'en'))).discrepancies).toEqual([]);
    const result = await buildReport({ data: dir });
    expect(result.warnings).toEqual([]);
    expect(result.layout.pages).toBeGreaterThan(3);
  });

  it("points every file's $schema at the package's schema folder from where the file stands", async () => {
    const dir = join(work, 'nested', 'deeper', 'review');
    expect((await runCli('new', dir)).status).toBe(0);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const ref = /\$schema=(\S+)/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      expect(ref, file).toBeDefined();
      expect(resolve(dirname(join(dir, file)), ref!), file).toBe(join(schemaDir, file.replace('.yaml', '.schema.json')));
      expect(existsSync(resolve(dir, ref!)), file).toBe(true);
    }
  });

  it('writes nothing over existing files without --force, naming each; with --force it does', async () => {
    const dir = join(work, 'twice');
    expect((await runCli('new', dir)).status).toBe(0);
    const again = await runCli('new', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('review.yaml');
    expect(again.stderr).toContain('already exists');
    expect((await runCli('new', dir, '--force')).status).toBe(0);
  });

  it('refuses wrong usage', async () => {
    expect((await runCli('new')).status).toBe(2);
    expect((await runCli('new', join(work, 'a'), join(work, 'b'))).status).toBe(2);
    expect((await runCli('new', join(work, 'c'), '--year', 'next')).status).toBe(2);
  });

  it('makes an id of any folder name', () => {
    expect(idFromFolder('/x/Việt Nam Review 2026')).toBe('viet-nam-review-2026');
    expect(idFromFolder('/x/---')).toBe('review');
  });
});
