// The data inside the PDF: the dataset, the discrepancies and the charts' data attached as PDF/A-3 associated
// files, the same bytes as the exports beside the PDF, dated by the dataset, and given back by `extract-data`.
// Run on the default dataset and on a small fictional one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReportToFile } from '../../src/index.js';
import { dataFiles, type DataFile } from '../../src/exports/index.js';
import { attachFiles, attachmentOf } from '../../src/pdf/attachments.js';
import { defaultDataDir, packageRoot } from '../../src/input/paths.js';
import { pdfBytes } from '../support.js';

const cli = join(packageRoot, 'dist', 'cli', 'main.js');
const fictional = join(packageRoot, 'tests', 'fixtures', 'verify', 'dataset');
const work = mkdtempSync(join(tmpdir(), 'annual-review-attach-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function attachmentsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const found = ((await pdf.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
  await pdf.destroy();
  return new Map(Object.values(found).map((a) => [a.filename, Buffer.from(a.content)]));
}

/** The file specification dictionary of an attachment, as pdfkit writes it (uncompressed), from the PDF's bytes. */
const filespec = (raw: string, name: string) => raw.match(new RegExp(`<<\\n/Type /Filespec\\n/AFRelationship /(\\w+)\\n/F \\(${name.replace('.', '\\.')}\\)`))?.[1];

describe.each([
  ['the default dataset', defaultDataDir, 'default'],
  ['a fictional dataset', fictional, 'fictional'],
])('attached data, %s', (_label, data, name) => {
  it('carries the dataset, the discrepancies and the chart data, byte-equal to the exports, as associated files', async () => {
    const built = await buildReportToFile({ data, out: join(work, name, 'review.pdf') });
    const inside = await attachmentsOf(built.pdf);
    const expected = dataFiles(built.review);
    expect([...inside.keys()].sort()).toEqual(expected.map((f) => f.name).sort());
    expect(expected.map((f) => f.name)).toEqual(['dataset.json', 'discrepancies.json', 'discrepancies.csv', 'chart-data.json']);
    for (const f of expected) {
      const beside = readFileSync(join(built.exportsDir, f.name));
      expect(Buffer.compare(inside.get(f.name)!, beside), f.name).toBe(0);
    }
    const raw = built.pdf.toString('latin1');
    expect(filespec(raw, 'dataset.json')).toBe('Source');
    for (const n of ['discrepancies.json', 'discrepancies.csv', 'chart-data.json']) expect(filespec(raw, n), n).toBe('Data');
    // Listed in the catalog's /AF, and dated by the dataset, never by the clock.
    expect(raw).toMatch(/\/AF \[\d+ 0 R \d+ 0 R \d+ 0 R \d+ 0 R\]/);
    const day = built.review.dataset.meta.date.replace(/-/g, '');
    const dates = [...raw.matchAll(/\/ModDate \(D:(\d{8})/g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(4);
    expect(new Set(dates)).toEqual(new Set([day]));
  });

  it('gives them back with extract-data', () => {
    const pdf = join(work, name, 'review.pdf');
    const out = join(work, name, 'extracted');
    const r = spawnSync(process.execPath, [cli, 'extract-data', pdf, '--out', out], { encoding: 'utf8', cwd: packageRoot });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual(['chart-data.json', 'dataset.json', 'discrepancies.csv', 'discrepancies.json']);
    for (const n of names) expect(Buffer.compare(readFileSync(join(out, n)), readFileSync(join(work, name, 'review', n))), n).toBe(0);
  });
});

describe('PDF/A-2b', () => {
  it('attaches nothing (PDF/A-2 allows only PDF/A inside), and extract-data says so with the file and exit 1', async () => {
    const pdf = join(work, 'a2', 'review.pdf');
    const built = await buildReportToFile({ data: fictional, out: pdf, pdfStandard: 'a-2b' });
    expect((await attachmentsOf(built.pdf)).size).toBe(0);
    const r = spawnSync(process.execPath, [cli, 'extract-data', pdf], { encoding: 'utf8', cwd: packageRoot });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/review\.pdf: .*carries no data files/);
  });
});

describe('attaching a file', () => {
  /** A PDF of one page with these files attached, by pdfkit's `doc.file` or by `attachFiles`. */
  async function withFiles(files: DataFile[], byPdfkit: boolean): Promise<string> {
    const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
    const bytes = pdfBytes(doc);
    doc.text('x');
    if (byPdfkit) {
      for (const f of files) doc.file(Buffer.from(f.text, 'utf8'), attachmentOf(f, '2025-12-31') as PDFKit.Mixins.PDFAttachmentOptions);
    } else attachFiles(doc, files, '2025-12-31');
    doc.end();
    return (await bytes).toString('latin1');
  }

  it('writes what pdfkit writes, object for object, with the checksum of each file', async () => {
    const files: DataFile[] = [
      { name: 'dataset.json', type: 'application/json', relationship: 'Source', description: 'The dataset', text: '{"a": 1}\n' },
      { name: 'bảng (số liệu) #2.csv', type: 'text/csv; charset=utf-8', relationship: 'Data', description: 'Phạm Thu Hằng’s figures, “quoted”', text: 'a;b\n1;2\n' },
      { name: 'empty.txt', type: 'text/plain+x%y[z]{w}<v>', relationship: 'Data', description: '', text: '' },
    ];
    const ours = await withFiles(files, false);
    expect(ours).toBe(await withFiles(files, true));
    // The checksum is the file's MD5, as a PDF string.
    expect(ours).toContain(`/CheckSum (${createHash('md5').update('{"a": 1}\n').digest('hex')})`);
    expect(ours).toContain('/Subtype /text#2Fplain+x#25y#5Bz#5D#7Bw#7D#3Cv#3E');
  });
});
