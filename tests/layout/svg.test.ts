// Charts drawn into the PDF: their definitions moved ahead of the marks draw the same page, and are found at once.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { describe, expect, it } from 'vitest';
import { definitionsFirst } from '../../src/layout/svg.js';
import { pdfBytes } from '../support.js';

/** A chart as Vega writes one: marks clipped by clip paths defined after them. */
const chart = (cells: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="${cells * 10}"><title>T</title><g>${Array.from(
    { length: cells },
    (_, i) => `<g clip-path="url(#clip${i})"><path d="M0,${i * 10}h300v8h-300Z" fill="#369"/></g>`,
  ).join('')}</g><defs>${Array.from({ length: cells }, (_, i) => `<clipPath id="clip${i}"><rect x="0" y="${i * 10}" width="150" height="10"/></clipPath>`).join('')}</defs></svg>`;

async function drawn(svg: string): Promise<string> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date(0) } });
  const bytes = pdfBytes(doc);
  SVGtoPDF(doc, svg, 10, 10, { assumePt: true });
  doc.end();
  return (await bytes).toString('latin1');
}

describe('definitions first', () => {
  it('moves the definitions right after the root element opens, and leaves the rest in order', () => {
    const svg = chart(2);
    const moved = definitionsFirst(svg);
    expect(moved.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="20"><defs><clipPath id="clip0">')).toBe(true);
    expect(moved.replace(/<defs>.*<\/defs>/, '')).toBe(svg.replace(/<defs>.*<\/defs>/, ''));
    expect(moved.length).toBe(svg.length);
    expect(definitionsFirst('<svg><g/></svg>')).toBe('<svg><g/></svg>');
  });

  it('draws the same PDF with its clips', async () => {
    const svg = chart(30);
    const before = await drawn(svg);
    // svg-to-pdfkit clips with a soft mask per clipped group.
    expect(before.match(/\/S \/Luminosity/g)).toHaveLength(30);
    expect(await drawn(definitionsFirst(svg))).toBe(before);
  });
});
