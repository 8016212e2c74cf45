// `annual-review build --watch`: a change rebuilds, a burst of saves rebuilds once, broken input keeps the last good
// PDF and says where the error is, every way an editor or git saves a file is seen (in place, by rename, removed and
// written anew), partials added to and deleted from a template folder are seen, and SIGINT stops it cleanly.
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatching, type Watching } from '../watching.js';

let w: Watching;
let data: string;
let template: string;
let pdf: string;
const stdout = () => w.stdout();
const stderr = () => w.stderr();
const rebuilds = () => w.rebuilds();
const eventually = (check: () => boolean, what: string, seconds?: number) => w.eventually(check, what, seconds);
const editIn = (dir: string, file: string, change: (t: string) => string) => w.editIn(dir, file, change);
const edit = (file: string, change: (t: string) => string) => editIn(data, file, change);
const coverText = () => w.coverText();

beforeAll(async () => {
  w = await startWatching();
  ({ data, template, pdf } = w);
});

afterAll(() => w?.stop());

describe('annual-review build --watch', () => {
  it('builds at start and rebuilds after a change to the dataset, printing the time taken', async () => {
    expect(stdout()).toMatch(/^wrote .*review\.pdf/m);
    const first = readFileSync(pdf);
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: A Title Changed While Watching'));
    await eventually(() => rebuilds() === 1, 'a rebuild');
    const second = readFileSync(pdf);
    expect(Buffer.compare(first, second)).not.toBe(0);
    expect(await coverText()).toContain('A Title Changed While Watching');
  });

  it('rebuilds once for a burst of saves', async () => {
    for (let i = 0; i < 5; i++) edit('review.yaml', (t) => t.replace(/^title: .*$/m, `title: Saved ${i} times`));
    await eventually(() => rebuilds() === 2, 'the rebuild after the burst');
    await new Promise((r) => setTimeout(r, 1500));
    expect(rebuilds()).toBe(2);
    expect(await coverText()).toContain('Saved 4 times');
  });

  it('reports broken YAML where it is and keeps the last good PDF, then recovers', async () => {
    const good = readFileSync(pdf);
    const original = readFileSync(join(data, 'claims.yaml'), 'utf8');
    edit('claims.yaml', (t) => t.replace(/\n {4}source: /, '\n    source: [unclosed\n'));
    await eventually(() => stderr().includes('from the last good build'), 'the failure');
    expect(stderr()).toMatch(/claims\.yaml:\d+:\d+: YAML syntax error/);
    expect(Buffer.compare(readFileSync(pdf), good)).toBe(0);
    writeFileSync(join(data, 'claims.yaml'), original);
    await eventually(() => rebuilds() === 3, 'the rebuild after the fix');
  });

  it('rebuilds after a change to a file of the template folder', async () => {
    editIn(template, 'partials/cover.md.hbs', (t) => t.replace(/\n:::\s*$/, '\n\nA line added to the cover.\n:::\n'));
    await eventually(() => rebuilds() === 4, 'the rebuild after the template change');
    expect(await coverText()).toContain('A line added to the cover.');
  });

  it('keeps seeing a file an editor saved by renaming a new copy over it, then written in place', async () => {
    const before = rebuilds();
    const file = join(data, 'review.yaml');
    writeFileSync(`${file}.swp`, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Saved By Rename'));
    renameSync(`${file}.swp`, file);
    await eventually(() => rebuilds() === before + 1, 'a rebuild after a save by rename');
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: Then Written In Place'));
    await eventually(() => rebuilds() === before + 2, 'a rebuild after an in-place write of the renamed file');
    expect(await coverText()).toContain('Then Written In Place');
  });

  it('keeps seeing a file removed and written anew, as git checkout replaces a changed file', async () => {
    const before = rebuilds();
    const file = join(data, 'review.yaml');
    const text = readFileSync(file, 'utf8');
    unlinkSync(file);
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Checked Out Anew'));
    await eventually(() => rebuilds() === before + 1, 'a rebuild after the file was replaced');
    expect(await coverText()).toContain('Checked Out Anew');
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: Then Edited Again'));
    await eventually(() => rebuilds() === before + 2, 'a rebuild after an in-place write of the replaced file');
    expect(await coverText()).toContain('Then Edited Again');
  });

  it('rebuilds when a partial is added to the template folder, and again when it is deleted', async () => {
    const before = rebuilds();
    const partial = join(template, 'partials', 'sources.md.hbs');
    writeFileSync(partial, '# Our Own Sources Part\n\nA partial of the template folder, added while watching.\n');
    await eventually(() => rebuilds() === before + 1, 'a rebuild after a partial was added');
    expect(await w.text()).toContain('added while watching');
    rmSync(partial);
    await eventually(() => rebuilds() === before + 2, 'a rebuild after the partial was deleted');
    expect(await w.text()).not.toContain('added while watching');
  });

  it('rebuilds nothing for files written inside a version control folder (.git)', async () => {
    // A rebuild prints "changed: …" as it starts.
    const changes = () => stdout().match(/^changed: /gm)?.length ?? 0;
    const before = changes();
    mkdirSync(join(data, '.git', 'objects'), { recursive: true });
    writeFileSync(join(data, '.git', 'index'), 'not an input of the review');
    writeFileSync(join(data, '.git', 'objects', 'pack'), 'nor this');
    await new Promise((r) => setTimeout(r, 1000));
    expect(changes()).toBe(before);
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((done) => w.child.once('exit', (code) => done(code)));
    w.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout()).toMatch(/stopped watching\n$/);
  });
});
