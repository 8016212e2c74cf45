// SVG drawings recorded once and played back: the played document is byte for byte the one svg-to-pdfkit draws,
// whatever the document held before; what cannot be played back is drawn, and refused.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFont, resolveFontPath } from '../../src/fonts/index.js';
import { layOutFromStore } from '../../src/layout/glyph-layout.js';
import { play, record, type Recording } from '../../src/layout/recorded.js';
import { pdfBytes } from '../support.js';

const fontFile = (name: string) => resolveFontPath(`@expo-google-fonts/${name}`, process.cwd());
const STYLES = {
  r: 'noto-serif/400Regular/NotoSerif_400Regular.ttf',
  b: 'noto-serif/700Bold/NotoSerif_700Bold.ttf',
  i: 'noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  bi: 'noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

/** A document with the four styles registered, after `before` has drawn into it. */
function documentAfter(before: (doc: PDFKit.PDFDocument) => void): PDFKit.PDFDocument {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
  layOutFromStore(doc);
  for (const [name, file] of Object.entries(STYLES)) doc.registerFont(name, loadFont(fontFile(file)).font as unknown as PDFKit.Mixins.PDFFontSource);
  before(doc);
  return doc;
}

async function bytesOf(doc: PDFKit.PDFDocument): Promise<string> {
  const bytes = pdfBytes(doc);
  doc.end();
  return (await bytes).toString('latin1');
}

const draw = (svg: string) => (doc: PDFKit.PDFDocument) =>
  SVGtoPDF(doc, svg, 40, 60, {
    width: 400,
    assumePt: true,
    fontCallback: (_family, bold, italic) => (bold ? (italic ? 'bi' : 'b') : italic ? 'i' : 'r'),
  });

/** A chart as Vega writes one: clipped marks, opacities, dashes, curves and text in each style. */
const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="220" viewBox="0 0 400 220">
<g transform="translate(30,10)">
  <g clip-path="url(#clip1)"><path d="M0,0h500v40h-500Z" fill="#336699" fill-opacity="0.7"/><circle cx="20" cy="20" r="9" fill="#c33"/></g>
  <g opacity="0.45"><path d="M0,60C40,90 80,30 120,60S200,90 240,60" fill="none" stroke="#222" stroke-width="1.5" stroke-dasharray="4,2"/></g>
  <g opacity="0"><rect x="0" y="100" width="30" height="10" fill="#000"/></g>
  <line x1="0" y1="120" x2="300" y2="120" stroke="#888" stroke-linecap="round"/>
  <text x="0" y="140" font-size="11">Phạm Thu Hằng: roughly €48.3 billion</text>
  <text x="300" y="160" font-size="9" text-anchor="end" font-weight="bold">In excess of 51</text>
  <text x="150" y="180" font-size="10" text-anchor="middle" font-style="italic">italic <tspan font-weight="bold">and bold</tspan> fit</text>
  <g clip-path="url(#clip2)"><text x="0" y="200" font-size="8" opacity="0.6">clipped text</text></g>
</g>
<defs><clipPath id="clip1"><rect x="0" y="0" width="120" height="40"/></clipPath><clipPath id="clip2"><rect x="0" y="190" width="40" height="20"/></clipPath></defs>
</svg>`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" rx="6" fill="#0a3d62"/><polygon points="8,32 20,8 32,32" fill="#fff"/></svg>`;

/** Earlier content that gives fonts, glyphs, groups and masks other names and numbers than a fresh document's. */
const busy = (doc: PDFKit.PDFDocument) => {
  doc.font('b').fontSize(14).text('Contents — Đà Nẵng, Hồ Chí Minh; quotes “as said”', 50, 50);
  doc.font('i').fontSize(10).text('An italic line with other glyphs: xyzw 0123456789', 50, 80);
  draw(CHART)(doc);
  doc.addPage();
};

describe('recorded drawings', () => {
  it.each([
    ['a chart', CHART],
    ['a logo', LOGO],
  ])('play %s back byte for byte as svg-to-pdfkit draws it, in a document that held other things before', async (_name, svg) => {
    const recording = record(
      documentAfter(() => undefined),
      draw(svg),
    );
    expect(recording).toBeDefined();
    const direct = documentAfter(busy);
    draw(svg)(direct);
    const played = documentAfter(busy);
    expect(play(played, recording!)).toBe(true);
    expect(await bytesOf(played)).toBe(await bytesOf(direct));
  });

  it('draw while they record, as svg-to-pdfkit draws alone', async () => {
    const direct = documentAfter(busy);
    draw(CHART)(direct);
    const recorded = documentAfter(busy);
    expect(record(recorded, draw(CHART))).toBeDefined();
    expect(await bytesOf(recorded)).toBe(await bytesOf(direct));
  });

  it('hold no name or number of the document they were recorded in', () => {
    const recording = record(documentAfter(busy), draw(CHART))!;
    const text = JSON.stringify(recording.ops);
    // The fonts' resource names, the glyphs' numbers in the subset, the groups' and masks' names are made on playback.
    expect(text).not.toMatch(/\/F\d+ |<[0-9a-f]{4}> Tj|\/G\d+ Do|\/M\d+ gs/);
    expect(text).toContain('Phạm Thu Hằng');
  });

  it('leave a drawing unrecorded when svg-to-pdfkit does what they cannot play back, and draw it all the same', async () => {
    const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="100" height="50" fill="url(#g)"/></svg>`;
    const direct = documentAfter(busy);
    draw(gradient)(direct);
    const recorded = documentAfter(busy);
    expect(record(recorded, draw(gradient))).toBeUndefined();
    expect(await bytesOf(recorded)).toBe(await bytesOf(direct));
  });

  it('are not played, and nothing is done, when a glyph stands for other characters in the document than when recorded', async () => {
    // "fi" is set as the ligature: one glyph for two characters, and svg-to-pdfkit steps through a text's positions by
    // the characters pdfkit noted for each glyph when the document first encoded it. A font that maps a character to
    // the ligature (U+FB01) notes one character for it when that character comes first.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="20" font-size="12">fit</text></svg>`;
    const recording: Recording = record(
      documentAfter(() => undefined),
      draw(svg),
    )!;
    const counts = recording.ops.filter((op) => op[0] === 3).flatMap((op) => op[3] as number[]);
    expect(counts).toContain(2);
    const ligatureFirst = (characters: number[]) => (doc: PDFKit.PDFDocument) => {
      doc.font('r').fontSize(12).text('fit', 50, 50);
      const font = (doc as unknown as { _font: { layout(t: string): { glyphs: { id: number }[] }; subset: { mapping: number[] }; unicode: number[][] } })._font;
      font.unicode[font.subset.mapping[font.layout('fi').glyphs[0]!.id]!] = characters;
    };
    const refused = documentAfter(ligatureFirst([0xfb01]));
    expect(play(refused, recording)).toBe(false);
    expect(await bytesOf(refused)).toBe(await bytesOf(documentAfter(ligatureFirst([0xfb01]))));
    // Noted with its two characters, as when the text came first, it plays.
    const played = documentAfter(ligatureFirst([0x66, 0x69]));
    expect(play(played, recording)).toBe(true);
    const direct = documentAfter(ligatureFirst([0x66, 0x69]));
    draw(svg)(direct);
    expect(await bytesOf(played)).toBe(await bytesOf(direct));
  });
});
