// End to end: the default review built in memory and read back as a reader's viewer would.
import { beforeAll, describe, expect, it } from 'vitest';
import { forgetDrawnCharts } from '../../src/charts/index.js';
import { join } from 'node:path';
import { defaultDataDir, packageRoot } from '../../src/input/paths.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import type { ReadPdf } from '../pdf-reader.js';
import { defaultBuild, defaultPdf } from '../support.js';

let result: BuildResult;
let pdf: ReadPdf;
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** The pages from the one whose running head names `chapter` on. */
const chapter = (title: string) => pdf.pages.filter((p) => p.split('\n').some((line) => line.endsWith(title) && line.startsWith(result.review.dataset.meta.title)));

beforeAll(async () => {
  result = await defaultBuild();
  pdf = await defaultPdf();
});

describe('the default review', () => {
  it('carries Vietnamese names out of the PDF exactly as they went in', () => {
    const text = pdf.pages.join('\n');
    expect(text).toContain('Phạm Thu Hằng');
    expect(text).toMatch(/Hà Nội|Hanoi/);
    expect(text).not.toContain('\u0000');
  });

  it('has the dataset title as document title and starts with the cover', () => {
    expect(pdf.info.Title).toBe(result.review.dataset.meta.title);
    expect(flat(pdf.pages[0]!)).toContain(result.review.dataset.meta.title);
    expect(pdf.pages[0]).not.toMatch(/Page \d+ of/);
  });

  it('lists every source in the appendix, with its publisher and citation number', () => {
    const appendix = flat(chapter('Sources').join('\n'));
    for (const [i, s] of result.review.dataset.sources.entries()) {
      expect(appendix).toContain(`[${i + 1}] ${flat(s.publisher)}`);
    }
  });

  it('shows every computed discrepancy as a row of the table, with its sources cited', () => {
    const found = result.review.discrepancies.discrepancies;
    expect(found.length).toBeGreaterThan(0);
    const table = flat(chapter('Where the sources disagree').join('\n'));
    for (const d of found) {
      expect(table).toContain(d.id);
      for (const c of d.claims) expect(table).toContain(flat(c.printed));
    }
  });

  it('draws the chart with its labels as text', () => {
    const figures = flat(chapter('The year in figures').join('\n'));
    expect(figures).toContain('Figure 1.');
    for (const row of result.review.chartData.headline!) {
      expect(figures).toContain(flat(String(row.label)));
      expect(figures).toContain(flat(String(row.printed)));
    }
  });

  it('draws all five charts, their labels extractable as text with Vietnamese letters intact', () => {
    const figures = flat(chapter('The year in figures').join('\n'));
    const disagree = flat(chapter('Where the sources disagree').join('\n'));
    expect(result.charts).toHaveLength(5);
    for (const e of result.review.dataset.events) expect(figures).toContain(flat(e.title));
    expect(result.review.dataset.events.some((e) => /[ạ-ỹđĐ]/u.test(e.title))).toBe(true);
    for (const p of result.review.dataset.partnerships) expect(figures).toContain(p.partner);
    for (const r of result.review.chartData.disagreements!) expect(disagree).toContain(`${r.finding} · `);
    // Each figure is numbered in order and its source line cites.
    const numbers = [...flat(pdf.pages.join(' ')).matchAll(/Figure (\d+)\./g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(result.charts.map((_, i) => i + 1));
    expect(flat(pdf.pages.join(' ')).match(/Source: \[\d/g)?.length).toBe(5);
  });

  it('links every citation to its source entry in the appendix', () => {
    const sourcesPages = new Set(chapter('Sources').map((p) => pdf.pages.indexOf(p) + 1));
    const citations = pdf.links.filter((l) => l.dest.startsWith('source-'));
    expect(citations.length).toBeGreaterThan(10);
    for (const l of citations) expect(sourcesPages.has(l.target)).toBe(true);
  });

  it('gives the same bytes for the same input', async () => {
    // Every chart drawn again, not served from those already drawn in this process.
    forgetDrawnCharts();
    const again = await buildReport({ data: defaultDataDir });
    expect(Buffer.compare(again.pdf, result.pdf)).toBe(0);
  });

  it('tells each stage as it ends and each page after the first as the layout begins it, and gives the same bytes', async () => {
    const told: string[] = [];
    const again = await buildReport({ data: join(packageRoot, 'data', 'marenna-2025'), onStage: (stage) => told.push(stage), onPage: () => told.push('page') });
    const pages = told.filter((t) => t === 'page').length;
    // The first comes with the document.
    expect(pages).toBe(again.layout.pages - 1);
    // Every page begun after the charts were drawn and before the layout ended.
    expect(told.filter((t) => t !== 'page')).toEqual(['load+analyse', 'template+markup', 'charts', 'layout', 'pdf']);
    expect(told.slice(told.indexOf('charts') + 1, told.indexOf('layout'))).toEqual(Array(pages).fill('page'));
    const plain = await buildReport({ data: join(packageRoot, 'data', 'marenna-2025') });
    expect(Buffer.compare(again.pdf, plain.pdf)).toBe(0);
  });
});
