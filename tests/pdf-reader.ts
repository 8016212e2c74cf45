// Reads a PDF back for tests: the text of each page (as a reader's viewer extracts it), the outline and link targets.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: string[];
  outline: { title: string; page: number; dest: unknown; children: { title: string; page: number; dest: unknown }[] }[];
  /** Every named destination: its page (1-based) and the point it shows at the top left, from the page's bottom left. */
  destinations: Map<string, { page: number; x: number; y: number }>;
  /** Internal links per page (1-based): the named destination and the page it resolves to. */
  links: { page: number; dest: string; target: number }[];
  info: Record<string, unknown>;
  /** A property of the XMP metadata as pdf.js parses it ("dc:title", "pdfaid:part"). */
  xmp: (name: string) => unknown;
  /** Whether the XMP packet is there and parses. */
  hasXmp: boolean;
  /** Each page's text pieces as drawn: string, position (from the page's bottom left) and advance width, in points. */
  items: { str: string; x: number; y: number; width: number }[][];
  /** Each page's width and height in points. */
  sizes: { width: number; height: number }[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pageOf = async (dest: unknown): Promise<number> => {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[]);
    const ref = explicit?.[0];
    return ref && typeof ref === 'object' ? (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1 : -1;
  };
  const pages: string[] = [];
  const items: ReadPdf['items'] = [];
  const sizes: ReadPdf['sizes'] = [];
  const links: ReadPdf['links'] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
    items.push(content.items.flatMap((it) => ('str' in it && it.str ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width }] : [])));
    const [, , width, height] = page.view;
    sizes.push({ width: width!, height: height! });
    for (const a of await page.getAnnotations()) {
      if (a.subtype === 'Link' && a.dest) links.push({ page: i, dest: typeof a.dest === 'string' ? a.dest : JSON.stringify(a.dest), target: await pageOf(a.dest) });
    }
  }
  const outline: ReadPdf['outline'] = [];
  for (const item of (await pdf.getOutline()) ?? []) {
    const children = [];
    for (const c of item.items ?? []) children.push({ title: c.title, page: await pageOf(c.dest), dest: c.dest });
    outline.push({ title: item.title, page: await pageOf(item.dest), dest: item.dest, children });
  }
  const destinations: ReadPdf['destinations'] = new Map();
  for (const [name, dest] of Object.entries((await pdf.getDestinations()) as Record<string, unknown[]>)) {
    destinations.set(name, { page: await pageOf(dest), x: dest[2] as number, y: dest[3] as number });
  }
  const meta = await pdf.getMetadata();
  const xmp = meta.metadata as { get(name: string): unknown } | null;
  await pdf.destroy();
  return { pages, outline, destinations, links, info: meta.info as Record<string, unknown>, xmp: (name) => xmp?.get(name) ?? undefined, hasXmp: !!xmp, items, sizes };
}

/** The colours each page paints with (fill and stroke), as "#rrggbb": to see that a theme's colour reached the page. */
export async function readPageColours(bytes: Uint8Array): Promise<Set<string>[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: Set<string>[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await (await pdf.getPage(i)).getOperatorList();
    const colours = new Set<string>();
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor) colours.add(String(ops.argsArray[k]?.[0]).toLowerCase());
    });
    pages.push(colours);
  }
  await pdf.destroy();
  return pages;
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * Each page's text as a reader following the structure tree gets it (screen readers, reflow, PDFBox's tagged
 * text): marked content in tree order, an element's ActualText in place of the content it covers, separate
 * pieces of content joined by a space.
 */
export async function readStructureText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const open: (string | null)[] = [];
    for (const item of content.items as { type?: string; id?: string | null; str?: string; hasEOL?: boolean }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.id ?? null);
      else if (item.type === 'endMarkedContent') open.pop();
      else {
        const id = [...open].reverse().find((o) => o) ?? '';
        byId.set(id, (byId.get(id) ?? '') + (item.str ?? '') + (item.hasEOL ? ' ' : ''));
      }
    }
    const walk = (n: StructNode): string => {
      if (n.type === 'content') return byId.get(n.id ?? '') ?? '';
      if (n.role === 'Span' && n.alt !== undefined) return n.alt;
      // Separate pieces of content are separate runs of words: joined with a space, as readers place them.
      return (n.children ?? []).map(walk).reduce((a, b) => (a && b && !/\s$/.test(a) && !/^\s/.test(b) ? `${a} ${b}` : a + b), '');
    };
    pages.push(walk((await page.getStructTree()) as StructNode));
  }
  await pdf.destroy();
  return pages;
}
