// Checks on the boxes a layout placed, shared by the tests that build whole reviews and those that lay out small
// documents: each returns the problems it finds, as lines naming the page and the boxes.
import type { LayoutBox, LayoutResult } from '../../src/layout/index.js';

const EPS = 0.5;
const name = (b: LayoutBox) => `${b.kind}${b.text ? ` "${b.text.slice(0, 40)}"` : ''} at (${b.x.toFixed(1)}, ${b.y.toFixed(1)}) ${b.width.toFixed(1)}×${b.height.toFixed(1)}`;

/** Boxes that reach into a margin. */
export function outsideMargins(layout: LayoutResult): string[] {
  const p = layout.page;
  return layout.boxes
    .filter((b) => b.x < p.left - EPS || b.x + b.width > p.right + EPS || b.y < p.top - EPS || b.y + b.height > p.bottom + EPS)
    .map((b) => `page ${b.page}: ${name(b)} is outside the margins`);
}

/** Pairs of boxes on one page whose areas overlap (touching edges are fine). */
export function overlaps(layout: LayoutResult): string[] {
  const out: string[] = [];
  const byPage = new Map<number, LayoutBox[]>();
  for (const b of layout.boxes) byPage.set(b.page, [...(byPage.get(b.page) ?? []), b]);
  for (const [page, boxes] of byPage) {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (w > 0.1 && h > 0.1) out.push(`page ${page}: ${name(a)} overlaps ${name(b)}`);
      }
    }
  }
  return out;
}

/**
 * Pages filled less than half way down, other than the cover, the contents and a chapter's last page (the page
 * before a chapter heading opens a new one, and the last page).
 */
export function halfEmptyPages(layout: LayoutResult): string[] {
  const { top, bottom } = layout.page;
  const chapterStarts = new Set(layout.headings.filter((h) => h.depth === 1).map((h) => h.page + 1));
  const out: string[] = [];
  for (let page = 1; page <= layout.pages; page++) {
    const boxes = layout.boxes.filter((b) => b.page === page);
    if (page === layout.pages || chapterStarts.has(page + 1)) continue;
    if (boxes.some((b) => b.kind === 'cover' || b.kind === 'contents')) continue;
    const filled = Math.max(top, ...boxes.map((b) => b.y + b.height)) - top;
    if (filled < 0.5 * (bottom - top)) out.push(`page ${page} is filled ${Math.round((100 * filled) / (bottom - top))} % down`);
  }
  return out;
}

/**
 * Figures placed before the page where the text they follow ends, or later than the next page with room: every
 * page between their place in the text and the figure holds figures only (those waiting before it).
 */
export function displacedFigures(layout: LayoutResult): string[] {
  const onlyFigures = (page: number) => layout.boxes.filter((b) => b.page === page).every((b) => b.kind === 'figure' || b.kind === 'caption');
  return layout.boxes
    .filter((b) => b.kind === 'figure')
    .flatMap((b, i) => {
      const anchor = b.anchorPage ?? Infinity;
      const between = Array.from({ length: Math.max(0, b.page - anchor - 1) }, (_, k) => anchor + 1 + k);
      return b.page < anchor || !between.every(onlyFigures) ? [`figure ${i + 1} stands on page ${b.page}, its place in the text on page ${b.anchorPage}`] : [];
    });
}

/** Every problem the checks find. */
export const layoutProblems = (layout: LayoutResult) => [...outsideMargins(layout), ...overlaps(layout), ...halfEmptyPages(layout), ...displacedFigures(layout)];
