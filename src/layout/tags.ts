// The PDF's logical structure (a tagged PDF): headings, paragraphs, lists, tables and figures as structure
// elements in reading order, each holding the marked content drawn for it; decoration and page furniture are
// artifacts. Screen readers, reflow and text export follow this tree instead of guessing from positions.
import type { LayoutContext } from './context.js';
import type { TextTags } from './text.js';

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
  /** Layout box [left, top, right, bottom], counted from the page's top left (figures). */
  bbox?: number[];
  placement?: 'Block' | 'Inline';
  /** For table header cells: Column or Row. */
  scope?: 'Column' | 'Row';
}

/** Opens a structure element under the current one; what `body` tags goes inside it. */
export function group<T>(ctx: LayoutContext, type: string, body: () => T, options: TagOptions = {}): T {
  const element = ctx.doc.struct(type, options);
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
 * Draws `body` as an inline element of the current element (a link, a hyphenated word's part). Marked content
 * owned by an element cannot nest in another's, so the current element's content is closed around the inline
 * element and reopened after it, keeping the reading order. Outside tagged content, `body` is simply drawn.
 */
function inline<T>(ctx: LayoutContext, type: string, options: PDFKit.Mixins.StructureElementOptions, body: (element?: PDFKit.PDFStructureElement) => T): T {
  const { doc, tags } = ctx;
  const open = tags.open[tags.open.length - 1];
  if (!open) return body();
  const parent = tags.stack[tags.stack.length - 1]!;
  doc.endMarkedContent();
  parent.add(open.content);
  const element = doc.struct(type, options);
  parent.add(element);
  tags.stack.push(element);
  tags.open.push({ type, content: doc.markStructureContent(type) });
  try {
    return body(element);
  } finally {
    doc.endMarkedContent();
    element.add(tags.open.pop()!.content);
    tags.stack.pop();
    element.end();
    open.content = doc.markStructureContent(open.type);
  }
}

/** How text drawing tags what needs its own element: links, and the parts of hyphenated words. */
export function textTags(ctx: LayoutContext): TextTags {
  return {
    // A Span whose ActualText is the word or nothing, in the structure tree (screen readers, tagged-text export);
    // readers of the page content get the same from the glyphs (extracted.ts). Not on the marked content as well:
    // poppler places a marked-content ActualText by the graphics state at its end, outside pdfkit's text transform,
    // so the word landed at the mirrored height, in another paragraph. pdfkit writes ActualText only when truthy:
    // an empty one (the second part says nothing) goes as a String object.
    actualText: (actual, draw) => {
      const text = actual === '' ? (new String('') as unknown as string) : actual;
      inline(ctx, 'Span', { actual: text }, draw);
    },
    // A Link element holding the text and, by an object reference, the annotation (PDF/UA), which describes itself in /Contents.
    link: (target, description, draw) => {
      inline(ctx, 'Link', {}, (element) => {
        const { x, y, width, height } = draw();
        const options = { Contents: new String(description), ...(element ? { structParent: element } : {}) } as unknown as PDFKit.Mixins.AnnotationOption;
        if (target.uri) ctx.doc.link(x, y, width, height, target.uri, options);
        else if (target.dest) ctx.doc.goTo(x, y, width, height, target.dest, options);
      });
    },
  };
}

/** Draws decoration, or furniture such as running heads and page numbers, outside the logical structure. */
export function artifact(ctx: LayoutContext, body: () => void, type: 'Layout' | 'Pagination' | 'Page' = 'Layout'): void {
  if (ctx.tags.open.length > 0) {
    body();
    return;
  }
  ctx.doc.markContent('Artifact', { type });
  try {
    body();
  } finally {
    ctx.doc.endMarkedContent();
  }
}

/** Adds an element to the current one (kept for later, e.g. the contents filled after layout) without entering it. */
export function reserve(ctx: LayoutContext, type: string, options: TagOptions = {}): PDFKit.PDFStructureElement {
  const element = ctx.doc.struct(type, options);
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
