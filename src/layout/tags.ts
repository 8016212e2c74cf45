// The PDF's logical structure (a tagged PDF): headings, paragraphs, lists, tables and figures as structure
// elements in reading order, each holding the marked content drawn for it; decoration and page furniture are
// artifacts. Screen readers, reflow and text export follow this tree instead of guessing from positions.
import type { LayoutContext } from './context.js';
import type { ActualTextMarker } from './text.js';

export interface Tags {
  /** Open structure elements, the innermost last; the first is the Document element. */
  stack: PDFKit.PDFStructureElement[];
  /** Open marked content of structure elements, the innermost last: artifacts inside it are simply part of it. */
  open: { type: string; content: PDFKit.PDFStructureContent }[];
}

export function startTags(doc: PDFKit.PDFDocument): Tags {
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { stack: [root], open: [] };
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
  tags.open.push({ type, content: doc.markStructureContent(type) });
  try {
    return body();
  } finally {
    doc.endMarkedContent();
    tags.stack[tags.stack.length - 1]!.add(tags.open.pop()!.content);
  }
}

/**
 * Draws text that must extract as something else (the parts of a word hyphenated at a line end) as a Span with
 * ActualText, both in the structure tree (read by pdf.js, PDFBox, screen readers) and on the marked content
 * (read by poppler). Marked content owned by an element cannot nest in another's, so the current element's
 * content is closed around the span and reopened after it, keeping the reading order.
 */
export function actualText(ctx: LayoutContext): ActualTextMarker {
  return (actual, draw) => {
    const { doc, tags } = ctx;
    const open = tags.open[tags.open.length - 1];
    if (!open) return draw();
    const parent = tags.stack[tags.stack.length - 1]!;
    doc.endMarkedContent();
    parent.add(open.content);
    // pdfkit writes ActualText only when it is truthy: an empty string (the second part says nothing) goes as an object.
    const text = actual === '' ? (new String('') as unknown as string) : actual;
    const span = doc.struct('Span', { actual: text } as PDFKit.Mixins.StructureElementOptions);
    parent.add(span);
    const content = doc.markStructureContent('Span', { actual: text } as PDFKit.Mixins.MarkingOptions);
    try {
      draw();
    } finally {
      doc.endMarkedContent();
      span.add(content);
      span.end();
      open.content = doc.markStructureContent(open.type);
    }
  };
}

/** Draws decoration, or furniture such as running heads and page numbers, outside the logical structure. */
export function artifact(ctx: LayoutContext, body: () => void, type: 'Layout' | 'Pagination' | 'Page' = 'Layout'): void {
  if (ctx.tags.open.length > 0) return body();
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
