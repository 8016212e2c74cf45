// The same input gives the same bytes whatever the machine's time zone and language: the review is built by the
// command line under two far-apart time zones and locales, and every file it writes is compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';

const cli = join(packageRoot, 'dist', 'cli', 'main.js');
const work = mkdtempSync(join(tmpdir(), 'annual-review-tz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir`, by path relative to it. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

function buildUnder(env: Record<string, string>, name: string): Map<string, Buffer> {
  const dir = join(work, name);
  const run = spawnSync(process.execPath, [cli, 'build', '--out', join(dir, 'review.pdf')], { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return files(dir);
}

describe('time zone and language', () => {
  it('change no byte of the PDF or its exports', () => {
    const west = buildUnder({ TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'west');
    const east = buildUnder({ TZ: 'Asia/Tokyo', LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' }, 'east');
    expect([...west.keys()]).toEqual([...east.keys()]);
    expect(west.has('review.pdf')).toBe(true);
    expect(west.size).toBeGreaterThan(3);
    for (const [path, bytes] of west) expect(Buffer.compare(bytes, east.get(path)!), path).toBe(0);
  });
});
