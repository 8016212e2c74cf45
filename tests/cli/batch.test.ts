// `annual-review build` with several datasets and locales: every report built in parallel and named apart, plain lines
// when the output is not a terminal, and a broken dataset failing alone. The program is run (the batch builds in
// worker threads of the compiled program) on the small fictional dataset, so that the reports build quickly.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { runProgram as run } from '../support.js';

const dataset = join(packageRoot, 'tests', 'fixtures', 'base-dataset');

let work: string;
let second: string;
const datasetId = (readFileSync(join(dataset, 'review.yaml'), 'utf8').match(/^id: (.+)$/m)?.[1] ?? '').trim();

/** A copy of the fictional dataset with some files changed. */
function datasetCopy(name: string, changes: Record<string, (text: string) => string>): string {
  const dir = join(work, name);
  cpSync(dataset, dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const withId = (id: string) => (t: string) => t.replace(/^id: .*$/m, `id: ${id}`);

const isWholePdf = (bytes: Buffer) => bytes.subarray(0, 5).toString() === '%PDF-' && bytes.toString('latin1').trimEnd().endsWith('%%EOF');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-batch-'));
  second = datasetCopy('second', { 'review.yaml': withId('second-review') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('several reports in one build', () => {
  it('builds two datasets in two locales into four PDFs with their exports, one plain line each', () => {
    const out = join(work, 'out');
    const r = run('build', '--data', dataset, '--data', second, '--locale', 'en,vi', '--out-dir', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = [`${datasetId}.en.pdf`, `${datasetId}.vi.pdf`, 'second-review.en.pdf', 'second-review.vi.pdf'];
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.pdf'))
        .sort(),
    ).toEqual(expected.sort());
    for (const f of expected) {
      expect(isWholePdf(readFileSync(join(out, f))), f).toBe(true);
      expect(existsSync(join(out, f.replace(/\.pdf$/, ''), 'dataset.json')), f).toBe(true);
    }
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => /: wrote .*\.pdf \(\d+ pages/.test(l))).toHaveLength(4);
    expect(lines.at(-1)).toBe('4 of 4 reports written');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('fails a broken dataset with its located errors and exit code 1, and still writes the other', () => {
    const broken = datasetCopy('broken', { 'review.yaml': withId('broken-review'), 'claims.yaml': (t) => t.replace(/\n {4}source: /, '\n    source: [unclosed\n') });
    const out = join(work, 'mixed');
    const r = run('build', '--data', broken, '--data', dataset, '--out-dir', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken[\\/]claims\.yaml:\d+:\d+: YAML syntax error/);
    expect(r.stdout).toMatch(/broken: failed with 1 error/);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([`${datasetId}.pdf`]);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 of 2 reports written, 1 failed');
  });

  it('refuses two reports that would write the same file, before building either (exit code 2)', () => {
    const twin = datasetCopy('twin', {});
    const out = join(work, 'twins');
    const r = run('build', '--data', dataset, '--data', twin, '--out-dir', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`would both write ${join(out, `${datasetId}.pdf`)}`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --out and --watch with several reports (exit code 2)', () => {
    expect(run('build', '--data', dataset, '--data', second, '--out', join(work, 'x.pdf')).status).toBe(2);
    expect(run('build', '--locale', 'en,vi', '--watch').status).toBe(2);
  });
});
