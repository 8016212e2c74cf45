// The PDF's logical structure (a tagged PDF): headings, paragraphs, lists, tables and figures as structure
// elements in reading order, each holding the marked content drawn for it; decoration and page furniture are
// artifacts. Screen readers, reflow and text export follow this tree instead of guessing from positions.
import type { LayoutContext } from './context.js';

export interface Tags {
  /** Open structure elements, the innermost last; the first is the Document element. */
  stack: PDFKit.PDFStructureElement[];
  /** Depth of open marked content: artifacts inside it are simply part of it. */
  marking: number;
}

export function startTags(doc: PDFKit.PDFDocument): Tags {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { stack: [root], marking: 0 };
}

export interface TagOptions {
  alt?: string;
  /** For table header cells: Column or Row. */
  scope?: 'Column' | 'Row';
}

/** Opens a structure element under the current one; what `body` tags goes inside it. */
export function group<T>(ctx: LayoutContext, type: string, body: () => T, options: TagOptions = {}): T {
  const element = ctx.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  ctx.tags.stack[ctx.tags.stack.length - 1]!.add(element);
  ctx.tags.stack.push(element);
  try {
    return body();
  } finally {
    ctx.tags.stack.pop();
    element.end();
  }
}

/** An element whose content is what `body` draws (across page breaks, if it breaks). */
export function leaf<T>(ctx: LayoutContext, type: string, body: () => T, options: TagOptions = {}): T {
  return group(ctx, type, () => marked(ctx, type, body), options);
}

/** Marks what `body` draws as content of the current element. */
export function marked<T>(ctx: LayoutContext, type: string, body: () => T): T {
  const { doc, tags } = ctx;
  const content = doc.markStructureContent(type);
  tags.marking += 1;
  try {
    return body();
  } finally {
    tags.marking -= 1;
    doc.endMarkedContent();
    tags.stack[tags.stack.length - 1]!.add(content);
  }
}

/** Draws decoration, or furniture such as running heads and page numbers, outside the logical structure. */
export function artifact(ctx: LayoutContext, body: () => void, type: 'Layout' | 'Pagination' | 'Page' = 'Layout'): void {
  if (ctx.tags.marking > 0) return body();
  ctx.doc.markContent('Artifact', { type });
  try {
    body();
  } finally {
    ctx.doc.endMarkedContent();
  }
}

/** Adds an element to `parent` (kept for later, e.g. the contents filled after layout) without entering it. */
export function reserve(ctx: LayoutContext, type: string): PDFKit.PDFStructureElement {
  const element = ctx.doc.struct(type);
  ctx.tags.stack[ctx.tags.stack.length - 1]!.add(element);
  return element;
}

/** Runs `body` with `element` as the current element. */
export function within<T>(ctx: LayoutContext, element: PDFKit.PDFStructureElement, body: () => T): T {
  ctx.tags.stack.push(element);
  try {
    return body();
  } finally {
    ctx.tags.stack.pop();
  }
}
