// Phrasing content (mdast) → styled spans. One handler per node type; citations resolve to numbered links.
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { parseCitationIds, sourceAnchor } from '../text/citations.js';
import { startsSentence } from '../text/casing.js';
import { plainText, type Span } from '../document.js';
import type { Citation } from '../review.js';
import { messages } from './messages.js';
import { isAllowedLink, linkMessages } from '../text/links.js';
import { placeCitations } from './citations.js';

export type Style = Omit<Span, 'text'>;

export interface InlineContext {
  cite(id: string): Citation | undefined;
  problem(message: string, line: number | undefined, code?: string, hint?: string): void;
  /** The text of the paragraph (or cell, or heading) before the node at hand: where a sentence starts. */
  before?: string;
}

type Phrasing = PhrasingContent | TextDirective;

const LINK_SCHEME = { code: 'markup/link-scheme' };
const EMPTY_CITATION = { code: 'markup/empty-citation' };
type Handler<T> = (node: T, style: Style, ctx: InlineContext) => Span[];
type Handlers = { [K in Phrasing['type']]: Handler<Extract<Phrasing, { type: K }>> };

/** Each node's spans, each handler knowing the text before its node. */
function all(nodes: readonly Phrasing[], style: Style, ctx: InlineContext): Span[] {
  const out: Span[] = [];
  let before = ctx.before ?? '';
  for (const n of nodes) {
    const spans = handle(n, style, { ...ctx, before });
    before += plainText(spans);
    out.push(...spans);
  }
  return out;
}
const text = (value: string, style: Style): Span[] => (value ? [{ ...style, text: value }] : []);

/** "[1, 3]": one linked number per distinct source, in ascending order. */
export function citationSpans(ids: readonly string[], style: Style, ctx: InlineContext, line?: number): Span[] {
  const cited = new Map<number, Citation>();
  for (const id of ids) {
    const c = ctx.cite(id);
    if (c) cited.set(c.number, c);
    else ctx.problem(messages.unknownCitation(id), line);
  }
  if (!cited.size) return [];
  const numbers = [...cited.values()].sort((a, b) => a.number - b.number);
  const spans: Span[] = [{ ...style, text: '[' }];
  numbers.forEach((c, i) => {
    if (i) spans.push({ ...style, text: ', ' });
    spans.push({ ...style, text: String(c.number), goTo: sourceAnchor(c.source.id), citation: c.source.id });
  });
  spans.push({ ...style, text: ']' });
  return spans;
}

const directives: Record<string, Handler<TextDirective>> = {
  /** A quotation: the source's words in italics between curly quotes. */
  q: (node, style, ctx) => [...text('“', style), ...all(node.children, { ...style, italic: true, verbatim: true }, ctx), ...text('”', style)],
  cite: (node, style, ctx) => {
    const ids = parseCitationIds(labelOf(node));
    if (!ids.length) ctx.problem(linkMessages.emptyCitation(), node.position?.start.line, EMPTY_CITATION.code);
    return citationSpans(ids, style, ctx, node.position?.start.line);
  },
  /** A claim's printed figure, capitalised at the start of a sentence and without a capital of position inside one. */
  fig: (node, style, ctx) => {
    const ids = parseCitationIds(labelOf(node));
    const opening = startsSentence(ctx.before ?? '');
    const figures = ids.flatMap((id, i) => {
      const cited = ctx.cite(id);
      const figure = cited?.figure ? (opening && i === 0 ? cited.figure.start : cited.figure.within) : cited?.claim?.printed;
      return figure ? [figure] : [];
    });
    return [...text(figures.join(', '), style), { ...style, text: ' ' }, ...citationSpans(ids, style, ctx, node.position?.start.line)];
  },
};

function labelOf(node: TextDirective): string {
  return node.children.map((c) => ('value' in c ? c.value : '')).join('');
}

const handlers: Handlers = {
  text: (node, style) => text(node.value, style),
  emphasis: (node, style, ctx) => all(node.children, { ...style, italic: true }, ctx),
  strong: (node, style, ctx) => all(node.children, { ...style, bold: true }, ctx),
  inlineCode: (node, style) => text(node.value, { ...style, code: true }),
  link: (node, style, ctx) => {
    if (isAllowedLink(node.url)) return all(node.children, { ...style, link: node.url }, ctx);
    ctx.problem(linkMessages.refused(node.url), node.position?.start.line, LINK_SCHEME.code, linkMessages.hint());
    return all(node.children, style, ctx);
  },
  break: (_node, style) => text('\n', style),
  html: (node, style) => text(node.value, style),
  image: (node, style, ctx) => {
    ctx.problem(messages.unsupported('image'), node.position?.start.line);
    return text(node.alt ?? '', style);
  },
  textDirective: (node, style, ctx) => {
    const handler = directives[node.name];
    if (handler) return handler(node, style, ctx);
    ctx.problem(messages.unknownDirective('text', node.name), node.position?.start.line);
    return text(`:${node.name}`, style);
  },
  delete: (node, style, ctx) => all(node.children, style, ctx),
  footnoteReference: (node, style, ctx) => {
    ctx.problem(messages.unsupported(node.type), node.position?.start.line);
    return [];
  },
  imageReference: (node, style, ctx) => {
    ctx.problem(messages.unsupported(node.type), node.position?.start.line);
    return text(node.alt ?? '', style);
  },
  linkReference: (node, style, ctx) => all(node.children, style, ctx),
};

export function handle(node: Phrasing, style: Style, ctx: InlineContext): Span[] {
  return (handlers[node.type] as Handler<Phrasing>)(node, style, ctx);
}

/** Every field of a span's style, typed so that a field added to Span must be listed: spans merge only when all agree. */
const STYLE_FIELDS: { readonly [K in keyof Style]-?: true } = { bold: true, italic: true, code: true, link: true, goTo: true, citation: true, verbatim: true };
const styleKeys = Object.keys(STYLE_FIELDS) as (keyof Style)[];

/** Merges neighbouring spans of the same style, so layout measures fewer, longer runs. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    const same = last && styleKeys.every((k) => last[k] === s[k]);
    if (same) out[out.length - 1] = { ...last, text: last.text + s.text };
    else out.push({ ...s });
  }
  return out;
}

export function inlineToSpans(nodes: readonly Phrasing[], ctx: InlineContext, style: Style = {}): Span[] {
  return mergeSpans(placeCitations(all(nodes, style, ctx)));
}
