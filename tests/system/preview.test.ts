// `annual-review preview` in a real browser (Debian's Chromium, driven by playwright-core; no browser is downloaded):
// the page shows the review, stays on the reader's page across a rebuild, shows a failed build's located errors over
// the last good PDF and recovers, and the side list's links go to the pages the build reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { programPath } from '../support.js';

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** The fictional Marenna review: several pages, discrepancies and figures, and quick to build. */
const dataset = join(packageRoot, 'data', 'marenna-2025');

let work: string;
let data: string;
let child: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;
let url: string;

const edit = (file: string, change: (t: string) => string) => writeFileSync(join(data, file), change(readFileSync(join(data, file), 'utf8')));
/** What the page says of itself: the build and PDF it shows, whether the last build failed, the reader's page. */
const shown = () => page.evaluate('({ ...document.body.dataset })') as Promise<Record<string, string>>;
/** The page whose top is nearest the top of the view below the header, told from the layout, not from the page's script. */
const pageInView = () =>
  page.evaluate(`(() => {
    const view = document.querySelector('header').getBoundingClientRect().bottom;
    const boxes = [...document.querySelectorAll('#pages > div')];
    const nearest = boxes.reduce((a, b) => (Math.abs(b.getBoundingClientRect().top - view) < Math.abs(a.getBoundingClientRect().top - view) ? b : a));
    return Number(nearest.dataset.page);
  })()`) as Promise<number>;
/** Waits until the page's own account of itself (document.body.dataset) satisfies `condition`, a JavaScript expression. */
const until = (condition: string) => page.waitForFunction(`(({ dataset: d }) => ${condition})(document.body)`);

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install chromium (or set CHROMIUM)`);
  work = mkdtempSync(join(tmpdir(), 'annual-review-preview-'));
  data = join(work, 'marenna');
  cpSync(dataset, data, { recursive: true });
  child = spawn(process.execPath, [programPath, 'preview', data, '--no-open'], { cwd: work });
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 60_000;
  while (!/press Ctrl\+C/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the preview did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  url = /^preview at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output)![1]!;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) child.kill('SIGINT');
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('annual-review preview', () => {
  it('prints a local address and shows every page of the review', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    await until("d.pdf === '1'");
    const state = (await (await fetch(`${url}state`)).json()) as { pages: number };
    expect(await page.locator('#pages canvas').count()).toBe(state.pages);
    expect(await page.title()).toBe('Marenna Trade and Transport Review 2025 (preview)');
    expect(pageErrors).toEqual([]);
  });

  it("stays on the reader's page when a change rebuilds the review", async () => {
    await page.evaluate("location.hash = '#page=4'");
    await until("d.page === '4'");
    expect(await pageInView()).toBe(4);
    edit('review.yaml', (t) => t.replace(/^title: .*$/m, 'title: Marenna Review, Retitled'));
    await until("d.pdf === '2'");
    expect(await page.title()).toBe('Marenna Review, Retitled (preview)');
    expect((await shown()).page).toBe('4');
    expect(await pageInView()).toBe(4);
  });

  it("shows a failed build's errors at their file and line over the last good PDF, and recovers", async () => {
    const good = readFileSync(join(data, 'claims.yaml'), 'utf8');
    edit('claims.yaml', (t) => t.replace(/\n( +)source: /, '\n$1source: [unclosed\n'));
    await until("d.status === 'failed'");
    const errors = page.locator('#errors');
    expect(await errors.isVisible()).toBe(true);
    expect(await errors.textContent()).toMatch(/claims\.yaml:\d+:\d+: /);
    // In sight on the reader's page, not only at the top of the document.
    const box = (await errors.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await pageInView()).toBe(4);
    expect((await shown()).pdf).toBe('2');
    expect(await page.locator('#pages canvas').count()).toBeGreaterThan(1);
    writeFileSync(join(data, 'claims.yaml'), good);
    await until("d.status === 'ok' && d.pdf === '3'");
    expect(await errors.isVisible()).toBe(false);
    expect(await pageInView()).toBe(4);
  });

  it('links each discrepancy and figure to the page the build placed it on', async () => {
    const { places } = (await (await fetch(`${url}state`)).json()) as { places: { discrepancies: { id: string; page: number }[]; figures: { page: number }[] } };
    expect(places.discrepancies.length).toBeGreaterThan(0);
    expect(await page.locator('#discrepancies a').count()).toBe(places.discrepancies.length);
    expect(await page.locator('#figures a').count()).toBe(places.figures.length);
    const last = places.discrepancies[places.discrepancies.length - 1]!;
    await page.locator('#discrepancies a', { hasText: last.id }).click();
    expect(await pageInView()).toBe(last.page);
    const figure = places.figures[0]!;
    await page.locator('#figures a').first().click();
    expect(await pageInView()).toBe(figure.page);
  });
});
