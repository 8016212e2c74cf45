// Words broken at a line end, read back from the page content by the Debian readers .ci/run installs, poppler's
// pdftotext and PDFBox's ExtractText: each gives every word whole, at the end of the line where it starts. The words
// are those the layout broke (its boxes), in both example datasets. pdf.js and MuPDF: tests/layout/hyphenation.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline.js';
import { brokenWords, notWhole, type BrokenWord } from '../layout/broken-words.js';
import { exampleBuild, runTool } from '../support.js';

/** Debian's libpdfbox2-java and what its command-line tools need. */
const pdfbox = ['pdfbox2', 'pdfbox2-tools', 'fontbox2', 'commons-logging'].map((jar) => `/usr/share/java/${jar}.jar`).join(':');

const work = mkdtempSync(join(tmpdir(), 'annual-review-extraction-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['vietnam-2025', 'marenna-2025'])('the words the layout broke at a line end in %s', (name) => {
  let result: BuildResult;
  let file: string;
  let broken: BrokenWord[];
  beforeAll(async () => {
    result = await exampleBuild(name);
    file = join(work, `${name}.pdf`);
    writeFileSync(file, result.pdf);
    broken = brokenWords(result.layout, JSON.stringify(result.document));
  });

  it('extract whole in poppler (pdftotext)', () => {
    expect(broken.length).toBeGreaterThan(3);
    const r = runTool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(notWhole(r.stdout, result.layout, broken)).toEqual([]);
  });

  it('extract whole in PDFBox (ExtractText)', () => {
    const r = runTool('java', ['-cp', pdfbox, 'org.apache.pdfbox.tools.ExtractText', '-console', '-encoding', 'UTF-8', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(notWhole(r.stdout, result.layout, broken)).toEqual([]);
  });
});
