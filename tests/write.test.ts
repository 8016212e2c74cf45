// The output transaction (src/output/write.ts): a PDF and its exports replace the previous set together or not at all,
// whatever happens to the disk or the process, and leave no stray files.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReviewError } from '../src/errors.js';
import { packageRoot } from '../src/input/paths.js';
import { exportsDirFor, writeOutputSet, type OutputSet } from '../src/output/index.js';

const script = join(packageRoot, 'tests', 'fixtures', 'write-set.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'annual-review-write-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const dir = join(scratch, `case-${++n}`);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  return dir;
};

/** Every file under a folder with its bytes, by relative path: what "intact byte for byte" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

const set = (label: string, charts = 3): OutputSet => ({
  pdf: Buffer.from(`%PDF ${label}\n`),
  exports: new Map([['dataset.json', `${label}\n`], ...Array.from({ length: charts }, (_, i) => [`charts/c${i}.svg`, `${label} ${i}\n`] as [string, string])]),
});

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!(e instanceof ReviewError)) throw e;
    return e.diagnostics.map((d) => d.code).join(',');
  }
};

/** Runs the writer in its own process: `shell` wraps the command (a file size limit). */
function writeInProcess(target: string, label: string, options: { shell?: string } = {}) {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(script)} ${JSON.stringify(target)} ${label}`;
  return spawnSync('bash', ['-c', options.shell ? `${options.shell}; ${command}` : command], { encoding: 'utf8' });
}

describe('writeOutputSet', () => {
  it('puts the exports beside a .pdf in a folder of its stem, and beside any other name in <name>.exports', async () => {
    expect(exportsDirFor('/x/report.pdf')).toBe('/x/report');
    expect(exportsDirFor('/x/report')).toBe('/x/report.exports');
    expect(exportsDirFor('/x/.pdf')).toBe('/x/.pdf.exports');
    const dir = folder();
    await writeOutputSet(join(dir, 'report'), set('one'));
    await writeOutputSet(join(dir, 'report'), set('two'));
    expect(readdirSync(dir).sort()).toEqual(['report', 'report.exports']);
    expect(readFileSync(join(dir, 'report.exports', 'dataset.json'), 'utf8')).toBe('two\n');
  });

  it('replaces the whole previous set: an export the new build no longer makes is gone', async () => {
    const dir = folder();
    await writeOutputSet(join(dir, 'r.pdf'), set('one', 3));
    await writeOutputSet(join(dir, 'r.pdf'), set('two', 1));
    expect(Object.keys(snapshot(dir)).sort()).toEqual(['r.pdf', 'r/charts/c0.svg', 'r/dataset.json']);
  });

  it('refuses a target that is a folder, and an exports folder that would replace a file, writing nothing', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'out.pdf'));
    writeFileSync(join(dir, 'other'), 'keep');
    const before = snapshot(dir);
    expect(await codeOf(writeOutputSet(join(dir, 'out.pdf'), set('x')))).toBe('output/is-folder');
    expect(await codeOf(writeOutputSet(join(dir, 'other.pdf'), set('x')))).toBe('output/collision');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['other', 'out.pdf']);
  });

  it('never replaces a folder that is not an exports folder (a dataset beside a PDF of the same name)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'review.yaml'), 'id: mine\n');
    const before = snapshot(dir);
    expect(await codeOf(writeOutputSet(join(dir, 'data.pdf'), set('x')))).toBe('output/collision');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['data']);
    // An earlier set's own folder is replaced, also when it held a part this set lacks (named as the writer's).
    await writeOutputSet(join(dir, 'r.pdf'), set('one', 2));
    await writeOutputSet(join(dir, 'r.pdf'), { pdf: Buffer.from('two'), exports: new Map([['dataset.json', 'two\n']]) }, { exportNames: ['charts'] });
    expect(Object.keys(snapshot(join(dir, 'r')))).toEqual(['dataset.json']);
  });

  it('tells a read-only folder as an error and keeps the previous set', async () => {
    const dir = folder();
    await writeOutputSet(join(dir, 'r.pdf'), set('old'));
    const before = snapshot(dir);
    chmodSync(dir, 0o555);
    // Root may write anywhere: the writer then runs as an ordinary user, in this process (its effective ids only, put
    // back after), so that nothing outside the scratch folder has to be readable by that user.
    const asUser = process.getuid?.() === 0;
    try {
      if (asUser) {
        process.setegid!(65534);
        process.seteuid!(65534);
      }
      const failure = await writeOutputSet(join(dir, 'r.pdf'), set('new')).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (asUser) {
        process.seteuid!(0);
        process.setegid!(0);
      }
      expect(failure).toBeInstanceOf(ReviewError);
      expect((failure as ReviewError).diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toMatch(/^output\/write: cannot write the output: permission denied/);
    } finally {
      if (asUser && process.geteuid!() !== 0) {
        process.seteuid!(0);
        process.setegid!(0);
      }
      chmodSync(dir, 0o777);
    }
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['r', 'r.pdf']);
  });

  it('tells a full disk (a file size limit) as an error and keeps the previous set, with no stray files', async () => {
    const dir = folder();
    await writeOutputSet(join(dir, 'r.pdf'), set('old'));
    const before = snapshot(dir);
    const r = writeInProcess(join(dir, 'r.pdf'), 'new', { shell: 'ulimit -f 50' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/r\.pdf: cannot write the output: a file is larger than/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['r', 'r.pdf']);
  });

  it('cleans up after a build killed between writing and moving, and the next build writes a whole set', async () => {
    const dir = folder();
    const target = join(dir, 'r.pdf');
    await writeOutputSet(target, set('old'));
    const before = snapshot(dir);
    // The child takes the lock itself, so it stages its set and then waits: killed there, it leaves both behind.
    const child = spawn(process.execPath, [script, target, 'killed', 'hold-lock'], { stdio: 'ignore' });
    for (let i = 0; i < 400 && !readdirSync(dir).some((f) => f.includes('.staging-')); i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(dir).some((f) => f.includes('.staging-'))).toBe(true);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readdirSync(dir).sort()).toEqual(['.r.pdf.lock', expect.stringMatching(/^\.r\.pdf\.staging-\d+-1$/), 'r', 'r.pdf']);
    const kept = Object.fromEntries(Object.entries(snapshot(dir)).filter(([k]) => !k.startsWith('.')));
    expect(kept).toEqual(before);
    await writeOutputSet(target, set('next'));
    expect(readdirSync(dir).sort()).toEqual(['r', 'r.pdf']);
    expect(readFileSync(target, 'utf8')).toBe('%PDF next\n');
  });

  it('undoes a move a killed build left half done (new exports, old PDF)', async () => {
    const dir = folder();
    const target = join(dir, 'r.pdf');
    await writeOutputSet(target, set('old'));
    const before = snapshot(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    // What commit() leaves after its first two renames: the old exports in previous/, the new ones in place.
    const staging = join(dir, `.r.pdf.staging-${dead}-1`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'pdf'), '%PDF half\n');
    const { renameSync } = await import('node:fs');
    renameSync(join(dir, 'r'), join(staging, 'previous'));
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'dataset.json'), 'half\n');
    // The next write to the same target puts the old exports back first (this one writes a PDF only, so the
    // exports folder shows what the clean-up did).
    await writeOutputSet(target, { pdf: Buffer.from('%PDF pdf only\n') });
    expect(readdirSync(dir).sort()).toEqual(['r', 'r.pdf']);
    const previousExports = Object.fromEntries(
      Object.entries(before)
        .filter(([k]) => k.startsWith('r/'))
        .map(([k, v]) => [k.slice(2), v]),
    );
    expect(snapshot(join(dir, 'r'))).toEqual(previousExports);
  });

  it("removes the temporaries a killed build of an older version left (.<name>.<pid>.tmp), but not a live process's", async () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, `.r.pdf.${dead}.tmp`), 'half a PDF');
    writeFileSync(join(dir, `.r.pdf.${process.pid}.tmp`), 'being written');
    await writeOutputSet(join(dir, 'r.pdf'), set('new'));
    expect(readdirSync(dir).sort()).toEqual([`.r.pdf.${process.pid}.tmp`, 'r', 'r.pdf']);
  });

  it('gives one consistent set when two builds write the same target at once', async () => {
    const dir = folder();
    const target = join(dir, 'r.pdf');
    for (let round = 0; round < 3; round++) {
      const runs = ['a', 'b'].map((label) => new Promise<number | null>((done) => spawn(process.execPath, [script, target, `${label}${round}`], { stdio: 'ignore' }).once('exit', done)));
      expect(await Promise.all(runs)).toEqual([0, 0]);
      const label = /%PDF-1\.7 (\w+)/.exec(readFileSync(target, 'utf8'))?.[1];
      expect(['a', 'b'].map((l) => `${l}${round}`)).toContain(label);
      const files = snapshot(join(dir, 'r'));
      expect(Object.keys(files)).toHaveLength(14);
      for (const [name, bytes] of Object.entries(files)) expect(Buffer.from(bytes, 'base64').toString('utf8'), name).toContain(label!);
      expect(readdirSync(dir).sort()).toEqual(['r', 'r.pdf']);
    }
  });

  it('writes exports only inside their folder', async () => {
    const dir = folder();
    expect(await codeOf(writeOutputSet(join(dir, 'r.pdf'), { pdf: Buffer.from('x'), exports: new Map([['../../escape', 'x']]) }))).toBe('output/write');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(scratch, 'escape'))).toBe(false);
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});
