// A build's PDF is never copied into one buffer unless someone reads it whole: `buildReport` keeps the parts it was
// written in, and joins them when `pdf` is first read; `buildReportToFile` writes each part into the staging folder
// beside its target as soon as it is complete (the file's first bytes last), keeps none, and reads the file back when
// `pdf` is first read. Run on the fictional example dataset.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportToFile } from '../../src/index.js';
import { builtinTemplateDir, packageRoot } from '../../src/input/paths.js';
import { stagePdf, writeOutputSet } from '../../src/output/index.js';
import { buildReport, pdfParts, pdfSize } from '../../src/pipeline.js';
import { ReviewError } from '../../src/errors.js';
import { createPdf, finishPdf, finishPdfInParts } from '../../src/pdf/document.js';
import type { PdfSink } from '../../src/pdf/index.js';
import { KEPT_PAGE_TEXT } from '../../src/pdf/streams.js';
import { loadTheme } from '../../src/theme/index.js';

const fictional = join(packageRoot, 'data', 'marenna-2025');
const work = mkdtempSync(join(tmpdir(), 'annual-review-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a build's PDF", () => {
  it('is kept in parts in memory, joined once when read whole, and written from its parts', async () => {
    const built = await buildReport({ data: fictional });
    // The header, then the rest: not joined yet.
    const parts = pdfParts(built);
    expect(parts.length).toBeGreaterThan(1);
    const size = pdfSize(built);
    expect(size).toBe(parts.reduce((n, p) => n + p.length, 0));
    const whole = built.pdf;
    expect(whole.length).toBe(size);
    expect(whole.equals(Buffer.concat(parts))).toBe(true);
    expect(whole.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Joined on the first read and kept.
    expect(built.pdf).toBe(whole);
    expect(pdfParts(built)).toEqual([whole]);
    // A set given as parts is written as their bytes one after another.
    const again = join(work, 'again.pdf');
    await writeOutputSet(again, { pdf: [whole.subarray(0, 100), whole.subarray(100)] });
    expect(readFileSync(again).equals(whole)).toBe(true);
  });

  it('is written to its file as it is made, the same bytes, and read back from it when read whole', async () => {
    const inMemory = (await buildReport({ data: fictional })).pdf;
    const built = await buildReportToFile({ data: fictional, out: join(work, 'streamed', 'review.pdf') });
    expect(pdfSize(built)).toBe(inMemory.length);
    expect(readFileSync(built.out).equals(inMemory)).toBe(true);
    // Nothing but the set is left beside it: the staging folder went with the move.
    expect(readdirSync(join(work, 'streamed')).sort()).toEqual(['review', 'review.pdf']);
    // Read back from the file once, then kept.
    const whole = built.pdf;
    expect(whole.equals(inMemory)).toBe(true);
    expect(built.pdf).toBe(whole);
  });

  it('is written alone, streamed as well, without an exports folder', async () => {
    const inMemory = (await buildReport({ data: fictional })).pdf;
    const built = await buildReportToFile({ data: fictional, out: join(work, 'alone', 'review.pdf'), exports: false });
    expect(built.exportsDir).toBe('');
    expect(pdfSize(built)).toBe(inMemory.length);
    expect(readdirSync(join(work, 'alone'))).toEqual(['review.pdf']);
    expect(built.pdf.equals(inMemory)).toBe(true);
  });

  it('leaves nothing behind, and the previous set as it was, when the set cannot be written after the build', async () => {
    const dir = join(work, 'refused');
    mkdirSync(join(dir, 'review'), { recursive: true });
    writeFileSync(join(dir, 'review.pdf'), 'the previous PDF');
    // A folder of someone's own where the exports go: said before the build when the target is given...
    writeFileSync(join(dir, 'review', 'notes.txt'), 'mine');
    await expect(buildReportToFile({ data: fictional, out: join(dir, 'review.pdf') })).rejects.toThrow(ReviewError);
    // ...and after it, once the PDF is staged, when the target is named by the dataset's id.
    const named = join(work, 'named');
    const first = await buildReportToFile({ data: fictional, outDir: named });
    const exportsDir = first.exportsDir;
    writeFileSync(join(exportsDir, 'notes.txt'), 'mine');
    const before = readFileSync(first.out);
    await expect(buildReportToFile({ data: fictional, outDir: named })).rejects.toThrow(/notes\.txt/);
    expect(readdirSync(named).sort()).toEqual([exportsDir.split('/').pop()!, first.out.split('/').pop()!].sort());
    expect(readFileSync(first.out).equals(before)).toBe(true);
    expect(readFileSync(join(dir, 'review.pdf'), 'utf8')).toBe('the previous PDF');
  });

  it('sets bytes aside in its staging folder, reads them back, and leaves none of them with the set or when abandoned', async () => {
    const target = join(work, 'aside', 'r.pdf');
    const staged = stagePdf(target);
    const first = staged.setAside(Buffer.from('first page'));
    const second = staged.setAside(Buffer.from('second'));
    expect(second().toString()).toBe('second');
    expect(first().toString()).toBe('first page');
    expect(first().toString()).toBe('first page');
    const [folder] = readdirSync(join(work, 'aside'));
    expect(readdirSync(join(work, 'aside', folder!)).sort()).toEqual(['aside', 'pdf']);
    staged.write(Buffer.from('%PDF'), 0);
    await writeOutputSet(target, { pdf: staged });
    expect(readdirSync(join(work, 'aside'))).toEqual(['r.pdf']);
    expect(() => first()).toThrow(/taken up/);
    const abandoned = stagePdf(target);
    abandoned.setAside(Buffer.from('gone'));
    abandoned.abandon();
    expect(readdirSync(join(work, 'aside'))).toEqual(['r.pdf']);
  });

  it('has its page text set aside by a sink that can, once its pages hold enough of it, and the same bytes', async () => {
    const theme = loadTheme([builtinTemplateDir]);
    const info = { title: 'Pages aside', author: 'Tests', keywords: [], date: '2026-03-01', language: 'en' };
    // Pages of drawing operators, enough of them to pass the text a document keeps before setting it aside.
    const page = `${'0 0 m 10 10 l S\n'.repeat(20_000)}`;
    // Each page's text is the string and a new line; the pages kept whole before the limit is passed, then three more.
    const kept = Math.ceil(KEPT_PAGE_TEXT / (page.length + 1));
    const pages = kept + 4;
    const draw = (doc: PDFKit.PDFDocument) => {
      for (let p = 0; p < pages; p++) {
        if (p > 0) doc.addPage();
        doc.addContent(page);
      }
      return doc;
    };
    const file = { bytes: Buffer.alloc(0), aside: 0, read: 0 };
    const sink: PdfSink = {
      write(part, at) {
        if (file.bytes.length < at + part.length) file.bytes = Buffer.concat([file.bytes, Buffer.alloc(at + part.length - file.bytes.length)]);
        file.bytes.set(part, at);
      },
      setAside(bytes) {
        file.aside++;
        const kept = Buffer.from(bytes);
        return () => (file.read++, kept);
      },
    };
    await finishPdfInParts(draw(createPdf(info, theme, 'none', sink)));
    const own = await finishPdf(draw(createPdf(info, theme, 'none')));
    expect(file.bytes.equals(own)).toBe(true);
    // Every page left once the limit was passed: all but the pages kept and the last, which the layout never left.
    expect(file.aside).toBe(pages - kept - 1);
    expect(file.read).toBe(file.aside);
  });

  it('is staged for one target, and abandoned without a trace', () => {
    const target = join(work, 'staged', 'r.pdf');
    const staged = stagePdf(target);
    staged.write(Buffer.from('-rest'), 4);
    staged.write(Buffer.from('%PDF'), 0);
    expect(staged.size).toBe(9);
    expect(readdirSync(join(work, 'staged'))).toHaveLength(1);
    staged.abandon();
    expect(readdirSync(join(work, 'staged'))).toEqual([]);
    expect(existsSync(target)).toBe(false);
    expect(() => staged.write(Buffer.from('x'), 0)).toThrow(/abandoned/);
  });
});
