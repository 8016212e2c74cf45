// A build's PDF stays in the parts it was written in until someone reads it whole: the file is written from the
// parts, and a large review's bytes are not copied into one buffer first. Run on the fictional example dataset.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportToFile } from '../../src/index.js';
import { packageRoot } from '../../src/input/paths.js';
import { writeOutputSet } from '../../src/output/index.js';
import { pdfParts, pdfSize, resultWith } from '../../src/pipeline.js';

const fictional = join(packageRoot, 'data', 'marenna-2025');
const work = mkdtempSync(join(tmpdir(), 'annual-review-parts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a build's PDF in parts", () => {
  it('is written from its parts, without joining them, and joined once when read whole', async () => {
    const built = await buildReportToFile({ data: fictional, out: join(work, 'review.pdf') });
    const written = readFileSync(built.out);
    // Writing the file did not read `pdf`: the result still holds the parts (the header, then the rest).
    const parts = pdfParts(built);
    expect(parts.length).toBeGreaterThan(1);
    expect(pdfSize(built)).toBe(written.length);
    expect(Buffer.concat(parts).equals(written)).toBe(true);
    expect(written.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Read whole: the same bytes, joined on the first read and kept.
    const whole = built.pdf;
    expect(whole.equals(written)).toBe(true);
    expect(built.pdf).toBe(whole);
    expect(pdfParts(built)).toEqual([whole]);
    // A set given as parts is written as their bytes one after another.
    const again = join(work, 'again.pdf');
    await writeOutputSet(again, { pdf: [written.subarray(0, 100), written.subarray(100)] });
    expect(readFileSync(again).equals(written)).toBe(true);
  });

  it('keeps its parts through a result extended with more properties, each read joining its own', async () => {
    const built = await buildReportToFile({ data: fictional, out: join(work, 'extended.pdf') });
    const extended = resultWith(built, { note: 'more' });
    expect(extended.note).toBe('more');
    expect(extended.out).toBe(built.out);
    expect(pdfParts(extended)).toEqual(pdfParts(built));
    expect(pdfParts(extended).length).toBeGreaterThan(1);
    expect(extended.pdf.equals(readFileSync(built.out))).toBe(true);
    expect(pdfParts(built).length).toBeGreaterThan(1);
    expect(JSON.stringify(Object.keys(extended).sort())).toBe(JSON.stringify([...Object.keys(built), 'note'].sort()));
  });
});
