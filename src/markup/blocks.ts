// Block content (mdast) → Document blocks. One handler per node type, checked by the compiler.
import type { BlockContent, DefinitionContent, ListItem, Root, RootContent, TableCell, TableRow, Paragraph as MdParagraph } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { plainText, type Block, type Heading, type Origin } from '../document.js';
import { inlineToSpans, type InlineContext } from './inline.js';
import { messages } from './messages.js';

export interface BlockContext extends InlineContext {
  /** A heading id unique in the document, from its text. */
  headingId(text: string): string;
  /** Anchor set by `::anchor{#id}`, consumed by the next paragraph. */
  pendingAnchor?: string;
  /** Where a line of the Markdown was written. */
  origin(line: number | undefined): Origin | undefined;
}

type Content = RootContent | BlockContent | DefinitionContent | ListItem | TableRow | TableCell;
type Handler<T> = (node: T, ctx: BlockContext) => Block[];
type Handlers = { [K in Content['type']]: Handler<Extract<Content, { type: K }>> };

const line = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line;
const children = (nodes: readonly Content[], ctx: BlockContext): Block[] => nodes.flatMap((n) => handle(n, ctx));

/** A container directive's first paragraph marked as its label ("::: name[label]"), if any. */
const isLabel = (n: RootContent) => n.type === 'paragraph' && (n.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;

const containers: Record<string, Handler<ContainerDirective>> = {
  cover: (node, ctx) => [
    {
      type: 'cover',
      children: children(
        node.children.filter((c) => !isLabel(c)),
        ctx,
      ),
    },
  ],
  figure: (node, ctx) => {
    const chart = node.attributes?.chart;
    if (!chart) {
      ctx.problem(messages.missingAttribute('figure', 'chart'), line(node));
      return [];
    }
    // The first paragraph is the caption; a second one, if any, is the source line.
    const [caption, source, ...rest] = node.children.filter((c): c is MdParagraph => c.type === 'paragraph' && !isLabel(c));
    if (rest.length) ctx.problem(messages.figureParagraphs(rest.length + 2), line(rest[0]!));
    const alt = node.attributes?.alt;
    return [
      {
        type: 'figure',
        chart,
        caption: caption ? inlineToSpans(caption.children, ctx) : [],
        ...(source ? { source: inlineToSpans(source.children, ctx) } : {}),
        ...(alt ? { alt } : {}),
      },
    ];
  },
  lead: (node, ctx) => children(node.children, ctx).map((b) => (b.type === 'paragraph' ? { ...b, style: 'lead' } : b)),
  note: (node, ctx) => children(node.children, ctx).map((b) => (b.type === 'paragraph' ? { ...b, style: 'note' } : b)),
};

const leaves: Record<string, Handler<LeafDirective>> = {
  toc: () => [{ type: 'toc' }],
  pagebreak: () => [{ type: 'pageBreak' }],
  citedby: (node, ctx) => {
    const source = node.attributes?.source;
    if (source) return [{ type: 'citedBy', source }];
    ctx.problem(messages.missingAttribute('citedby', 'source'), line(node));
    return [];
  },
  anchor: (node, ctx) => {
    const id = node.attributes?.id;
    if (id) ctx.pendingAnchor = id;
    else ctx.problem(messages.missingAttribute('anchor', 'id'), line(node));
    return [];
  },
};

const handlers: Handlers = {
  paragraph: (node, ctx) => {
    const spans = inlineToSpans(node.children, ctx);
    if (!spans.length) return [];
    const anchor = ctx.pendingAnchor;
    ctx.pendingAnchor = undefined;
    return [{ type: 'paragraph', spans, ...(anchor ? { anchor } : {}) }];
  },
  heading: (node, ctx) => {
    const spans = inlineToSpans(node.children, ctx);
    // "{.unlisted}" at the end keeps a heading out of the contents and outline.
    const last = spans[spans.length - 1];
    const unlisted = last !== undefined && /\s*\{\.unlisted\}$/.test(last.text);
    if (unlisted) spans[spans.length - 1] = { ...last, text: last.text.replace(/\s*\{\.unlisted\}$/, '') };
    const depth = Math.min(node.depth, 4) as Heading['depth'];
    return [{ type: 'heading', depth, spans, id: ctx.headingId(plainText(spans)), listed: !unlisted }];
  },
  thematicBreak: () => [{ type: 'rule' }],
  blockquote: (node, ctx) => [{ type: 'blockquote', children: children(node.children, ctx) }],
  list: (node, ctx) => [{ type: 'list', ordered: node.ordered ?? false, start: node.start ?? 1, items: node.children.map((item) => children(item.children, ctx)) }],
  listItem: (node, ctx) => children(node.children, ctx),
  code: (node) => [{ type: 'paragraph', spans: [{ text: node.value, code: true }] }],
  html: (node) => [{ type: 'paragraph', spans: [{ text: node.value }] }],
  table: (node, ctx) => {
    const [head, ...body] = node.children;
    const cells = (row: TableRow | undefined) => (row ? row.children.map((cell) => inlineToSpans(cell.children, ctx)) : []);
    return [{ type: 'table', align: node.align ?? [], header: cells(head), rows: body.map(cells) }];
  },
  tableRow: (node, ctx) => {
    ctx.problem(messages.unsupported(node.type), line(node));
    return [];
  },
  tableCell: (node, ctx) => {
    ctx.problem(messages.unsupported(node.type), line(node));
    return [];
  },
  definition: () => [],
  footnoteDefinition: (node, ctx) => {
    ctx.problem(messages.unsupported(node.type), line(node));
    return [];
  },
  yaml: () => [],
  containerDirective: (node, ctx) => {
    const handler = containers[node.name];
    if (handler) return handler(node, ctx);
    ctx.problem(messages.unknownDirective('container', node.name), line(node));
    return children(node.children, ctx);
  },
  leafDirective: (node, ctx) => {
    const handler = leaves[node.name];
    if (handler) return handler(node, ctx);
    ctx.problem(messages.unknownDirective('leaf', node.name), line(node));
    return [];
  },
  // Phrasing content never stands at block level in a parsed tree; listed for the compiler's exhaustiveness check.
  text: (node) => [{ type: 'paragraph', spans: [{ text: node.value }] }],
  emphasis: () => [],
  strong: () => [],
  inlineCode: (node) => [{ type: 'paragraph', spans: [{ text: node.value, code: true }] }],
  break: () => [],
  link: () => [],
  image: () => [],
  linkReference: () => [],
  imageReference: () => [],
  footnoteReference: () => [],
  delete: () => [],
  textDirective: () => [],
};

/** The blocks of a node, each with where it was written (a nested block keeps its own). */
export function handle(node: Content, ctx: BlockContext): Block[] {
  const blocks = (handlers[node.type] as Handler<Content>)(node, ctx);
  const origin = ctx.origin(line(node));
  return origin ? blocks.map((b) => (b.origin ? b : { ...b, origin })) : blocks;
}

export function rootToBlocks(root: Root, ctx: BlockContext): Block[] {
  return children(root.children, ctx);
}
