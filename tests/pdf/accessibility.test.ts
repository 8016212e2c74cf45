// PDF/UA-1 as far as pdf.js can read it back from the default review: every link annotation is owned by a Link
// structure element (an object reference) and describes itself, the XMP says PDF/UA-1, captions sit inside their
// figures with a layout box, row labels are row headers, and the cover's subtitle is a paragraph.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/input/paths.js';
import { buildReport, type BuildResult } from '../../src/pipeline.js';
import { readPdf } from '../pdf-reader.js';

interface Node {
  role?: string;
  type?: string;
  id?: string;
  children?: Node[];
}
interface Page {
  tree: Node;
  links: { id: string; structParent: number; contents: string }[];
}

let result: BuildResult;
const pages: Page[] = [];

beforeAll(async () => {
  result = await buildReport({ data: defaultDataDir });
  const pdf = await getDocument({ data: new Uint8Array(result.pdf), verbosity: 0 }).promise;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const annotations = (await page.getAnnotations()) as { subtype: string; id: string; structParent: number; contentsObj?: { str: string } }[];
    pages.push({
      tree: (await page.getStructTree()) as Node,
      links: annotations.filter((a) => a.subtype === 'Link').map((a) => ({ id: a.id, structParent: a.structParent, contents: a.contentsObj?.str ?? '' })),
    });
  }
  await pdf.destroy();
});

const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];

describe('PDF/UA-1', () => {
  it('gives every link annotation a Link element that owns it, and a description', () => {
    const links = pages.flatMap((p) => p.links);
    expect(links.length).toBeGreaterThan(50);
    pages.forEach((page, i) => {
      // pdf.js names an object reference "annotation" or "object" (by whether it has met the annotation yet): either is the OBJR.
      const owned = new Set(
        all(page.tree)
          .filter((n) => n.role === 'Link')
          .flatMap((n) => (n.children ?? []).filter((c) => c.type === 'annotation' || c.type === 'object').map((c) => c.id?.replace('pdfjs_internal_id_', ''))),
      );
      for (const link of page.links) {
        expect(link.structParent, `page ${i + 1}, ${link.id}`).toBeGreaterThanOrEqual(0);
        expect(owned.has(link.id), `page ${i + 1}, ${link.id}: no Link parent`).toBe(true);
        expect(link.contents.trim(), `page ${i + 1}, ${link.id}`).not.toBe('');
      }
    });
  });

  it('says PDF/UA-1 in the XMP, beside PDF/A', async () => {
    const pdf = await readPdf(result.pdf);
    expect(pdf.xmp('pdfuaid:part')).toBe('1');
    expect(pdf.xmp('pdfaid:part')).toBe('3');
  });

  it('puts each caption inside its figure, which has a layout box', () => {
    const figures = pages.flatMap((p) => all(p.tree).filter((n) => n.role === 'Figure'));
    expect(figures.length).toBe(result.charts.length);
    for (const f of figures) expect(f.children?.some((c) => c.role === 'Caption')).toBe(true);
    expect(pages.flatMap((p) => all(p.tree)).filter((n) => n.role === 'Caption').length).toBe(figures.length);
    const raw = result.pdf.toString('latin1');
    // pdfkit writes structure elements uncompressed: each Figure's alt text, then its layout attributes.
    expect(raw.match(/\/S \/Figure\n\/Alt \((?:[^()\\]|\\.)*\)\n\/A <<\n\/O \/Layout\n\/Placement \/Block\n\/BBox \[/g)?.length).toBe(figures.length);
  });

  it('makes row labels row headers, and the cover subtitle a paragraph', () => {
    const raw = result.pdf.toString('latin1');
    expect(raw).toMatch(/\/Scope \/Row/);
    expect(raw).toMatch(/\/Scope \/Column/);
    const cover = all(pages[0]!.tree)
      .map((n) => n.role)
      .filter(Boolean);
    expect(cover).toContain('H1');
    expect(cover).not.toContain('H2');
    expect(cover).toContain('P');
  });
});
