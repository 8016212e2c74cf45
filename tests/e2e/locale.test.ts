// The review in Vietnamese: the template's words, page numbers, dates and digits the Vietnamese way, read back
// from the PDF; the sources' own words stay as they were printed.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../src/text/format.js';
import { label, loadLocale } from '../../src/locale/index.js';
import { builtinTemplateDir } from '../../src/input/paths.js';
import type { BuildResult } from '../../src/pipeline.js';
import type { ReadPdf } from '../pdf-reader.js';
import { defaultBuild, defaultPdf } from '../support.js';

const vi = loadLocale([builtinTemplateDir], 'vi');
let result: BuildResult;
let pdf: ReadPdf;
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  result = await defaultBuild('vi');
  pdf = await defaultPdf('vi');
});

describe('the review with --locale vi', () => {
  it('prints the contents, chapter titles and page numbers in Vietnamese', () => {
    expect(pdf.pages[1]).toContain(label(vi.labels, 'layout.contents'));
    for (const key of ['narrative.title', 'figures.title', 'discrepancies.title', 'sources.title']) expect(flat(pdf.pages.join(' '))).toContain(label(vi.labels, key));
    const n = pdf.pages.length;
    pdf.pages.forEach((text, i) => {
      if (i > 0) expect(text).toContain(`Trang ${i + 1}/${n}`);
    });
    expect(pdf.outline.map((o) => o.title)).toContain(label(vi.labels, 'discrepancies.title'));
  });

  it('numbers the figures and marks continued tables in Vietnamese', () => {
    const text = flat(pdf.pages.join(' '));
    result.charts.forEach((_, i) => expect(text).toContain(label(vi.labels, 'layout.figure', { number: String(i + 1) })));
    expect(result.layout.continuedTables.length).toBeGreaterThan(0);
    for (const page of result.layout.continuedTables) expect(pdf.pages[page - 1]).toContain(label(vi.labels, 'layout.continued'));
  });

  it('writes the date and the counts the Vietnamese way', () => {
    const { meta } = result.review.dataset;
    const cover = flat(pdf.pages[0]!);
    expect(cover).toContain(formatDate(meta.date, vi.dates));
    expect(cover).toMatch(/ngày \d+ tháng \d+ năm \d{4}/);
    expect(cover).toContain(`${formatNumber(result.review.dataset.claims.length, vi.intl)} số liệu từ ${result.review.dataset.sources.length} nguồn`);
  });

  it('writes the chart axes with Vietnamese digits and months', () => {
    const text = pdf.pages.join(' ');
    // A panel of the disagreements chart whose figures span a thousand (trade turnover, in billions) has a tick at
    // 1000: every round step of an axis that narrow divides it. Vietnamese writes it 1.000, English 1,000.
    const rows = result.review.chartData.disagreements ?? [];
    const across = [...new Set(rows.map((r) => r.finding))].filter((f) => {
      const panel = rows.filter((r) => r.finding === f);
      const low = Math.min(...panel.map((r) => Number(r.shownLow)));
      const high = Math.max(...panel.map((r) => Number(r.shownHigh)));
      return low < 1000 && high > 1000 && high - low < 500;
    });
    expect(across.length).toBeGreaterThan(0);
    expect(formatNumber(1000, vi.intl)).toBe('1.000');
    expect(text).toContain(formatNumber(1000, vi.intl));
    expect(text).not.toMatch(/\b1,000\b/);
    expect(text).toMatch(/Th\d+ 2025/);
  });

  it('names partnership levels, steps and event categories in the charts in Vietnamese', () => {
    const text = pdf.pages.join(' ');
    const { partnerships, events } = result.review.dataset;
    // The dataset's own ladder and categories, in their Vietnamese names.
    const { partnershipLevels = [], eventCategories = [] } = result.review.dataset.meta;
    const vietnamese = (steps: typeof partnershipLevels, id: string) => (steps.find((s) => s.id === id)?.label as Record<string, string>).vi!;
    for (const p of partnerships) expect(text).toContain(vietnamese(partnershipLevels, p.level));
    for (const e of events) expect(text).toContain(vietnamese(eventCategories, e.category));
    expect(text).toContain(label(vi.labels, 'charts.action-upgraded'));
  });

  it("labels the discrepancy table in Vietnamese and keeps the sources' figures as printed", () => {
    const text = flat(pdf.pages.join(' '));
    expect(text).toContain(label(vi.labels, 'rules.value-conflict'));
    for (const d of result.review.discrepancies.discrepancies) for (const c of d.claims) expect(text).toContain(flat(c.printed));
  });
});
