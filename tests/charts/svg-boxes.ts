// Where a chart's SVG puts things, read from the SVG Vega writes: each text's box (measured with the chart's own
// font files), each grid line, and each plot cell's area, in the SVG's coordinates. Enough to check that labels
// stay inside their plot and grid lines stay out of the labels, without rasterising anything.
import { loadChartFonts, textWidth } from '../../src/charts/metrics.js';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface SvgText extends Box {
  text: string;
  /** The Vega role of the mark the text belongs to: "mark" (a text mark), "axis-label", "axis-title", … */
  role: string;
  /** The plot cell it is drawn in, if any. */
  cell?: Box;
}

export interface SvgLine extends Box {
  role: string;
}

export interface SvgBoxes {
  texts: SvgText[];
  lines: SvgLine[];
  cells: Box[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const translate = (tag: string): [number, number] => {
  const m = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(tag);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The boxes of a Vega SVG; `fontFiles` are the chart's regular and bold faces (RenderedChartFile.fontFiles). */
export function svgBoxes(svg: string, fontFiles: readonly string[]): SvgBoxes {
  const fonts = loadChartFonts({ regular: fontFiles[0]!, bold: fontFiles[1]! });
  const out: SvgBoxes = { texts: [], lines: [], cells: [] };
  // One entry per open <g>: its offset, the role its class names, and the cell it opens, if any.
  const stack: { x: number; y: number; role?: string; cell?: boolean }[] = [{ x: 0, y: 0 }];
  const offset = (): [number, number] => stack.reduce<[number, number]>((a, g) => [a[0] + g.x, a[1] + g.y], [0, 0]);
  const role = () => [...stack].reverse().find((g) => g.role)?.role ?? '';
  const cells: { depth: number; box: Box }[] = [];
  const tokens = svg.match(/<text\b[\s\S]*?<\/text>|<g\b[^>]*>|<\/g>|<line\b[^>]*>|<path\b[^>]*>/g) ?? [];
  for (const tag of tokens) {
    if (tag.startsWith('</g')) {
      stack.pop();
      while (cells.length && cells[cells.length - 1]!.depth > stack.length) cells.pop();
      continue;
    }
    if (tag.startsWith('<g') && tag.endsWith('/>')) continue;
    if (tag.startsWith('<g')) {
      const [x, y] = translate(tag);
      const cls = attribute(tag, 'class') ?? '';
      const r = /role-([\w-]+)/.exec(cls)?.[1];
      stack.push({ x, y, ...(r ? { role: r } : {}), ...(/\bcell\b/.test(cls) ? { cell: true } : {}) });
      continue;
    }
    const [ox, oy] = offset();
    if (tag.startsWith('<path')) {
      // A cell's background: "M0,0hWvH…", drawn in the group that opens the cell.
      const bg = /class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)/.exec(tag);
      const opener = [...stack].reverse().findIndex((g) => g.cell);
      if (bg && opener >= 0 && opener <= 1 && Number(bg[1]) > 0) {
        const box = { left: ox, top: oy, right: ox + Number(bg[1]), bottom: oy + Number(bg[2]) };
        cells.push({ depth: stack.length, box });
        out.cells.push(box);
      }
      continue;
    }
    if (tag.startsWith('<line')) {
      const [x, y] = translate(tag);
      const x2 = Number(attribute(tag, 'x2') ?? 0);
      const y2 = Number(attribute(tag, 'y2') ?? 0);
      const [ax, ay] = [ox + x, oy + y];
      out.lines.push({ role: role(), left: Math.min(ax, ax + x2), right: Math.max(ax, ax + x2), top: Math.min(ay, ay + y2), bottom: Math.max(ay, ay + y2) });
      continue;
    }
    const [x, y] = translate(tag);
    const size = Number(/font-size="([\d.]+)px"/.exec(tag)?.[1] ?? 11);
    const bold = /font-weight="bold"/.test(tag);
    const lines = [...tag.matchAll(/<tspan\b[^>]*>([^<]*)<\/tspan>/g)].map((m) => unescape(m[1]!));
    const text = lines.length ? lines : [unescape(/<text\b[^>]*>([^<]*)<\/text>/.exec(tag)?.[1] ?? '')];
    const width = Math.max(...text.map((t) => textWidth(fonts, { fontSize: size, ...(bold ? { fontWeight: 'bold' } : {}) }, t)));
    const anchor = attribute(tag, 'text-anchor') ?? 'start';
    const left = ox + x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const cell = cells[cells.length - 1]?.box;
    out.texts.push({ text: text.join('\n'), role: role(), left, right: left + width, top: oy + y - size * text.length, bottom: oy + y, ...(cell ? { cell } : {}) });
  }
  return out;
}

export const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
