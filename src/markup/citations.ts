// Citation markers placed as a careful editor places them, over the spans of one paragraph (or cell, or caption):
// a marker never splits a compound adjective ("a 6-million [5] diaspora" becomes "a 6-million diaspora [5]"), the
// same source cited again and again in one sentence with no other source between is cited once, after the last
// figure it gives ("[4]" five times becomes one), markers side by side become one ("[1] [3]" → "[1, 3]"), and three
// or more consecutive numbers become a range ("[1, 2, 3]" → "[1–3]").
import type { Span } from '../document.js';

/** A marker as `citationSpans` writes it: "[", then the numbers (linked, each naming its source) between ", ". */
interface Marker {
  kind: 'marker';
  style: Omit<Span, 'text'>;
  /** The number spans, in ascending order. */
  numbers: Span[];
}
interface Text {
  kind: 'text';
  span: Span;
}
type Item = Marker | Text;

const styleOf = ({ text: _text, ...style }: Span): Omit<Span, 'text'> => style;

/** The spans read as text and markers. */
function itemsOf(spans: readonly Span[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < spans.length; i += 1) {
    const s = spans[i]!;
    if (s.text === '[' && !s.citation && spans[i + 1]?.citation) {
      const numbers: Span[] = [];
      let j = i + 1;
      while (spans[j]?.citation && (spans[j + 1]?.text === ', ' || spans[j + 1]?.text === ']')) {
        numbers.push(spans[j]!);
        if (spans[j + 1]!.text === ']') break;
        j += 2;
      }
      if (spans[j + 1]?.text === ']' && numbers.length) {
        items.push({ kind: 'marker', style: styleOf(s), numbers });
        i = j + 1;
        continue;
      }
    }
    items.push({ kind: 'text', span: s });
  }
  return items;
}

/** Where a sentence ends in a text: after ".", "!", "?" or "…" (and any closing quotes) before a space or the end. */
const SENTENCE_END = /[.!?\u2026]["\u201D\u2019)\]]*(?=\s|$)/g;
const endsSentence = (text: string) => new RegExp(SENTENCE_END.source).test(text);

/** A figure written as the first part of a compound adjective: "6-million", "7.7-magnitude", "212-km". */
const COMPOUND = /\d[\d.,]*-\p{L}+\s*$/u;
/** Where a clause ends: a punctuation mark before a space, a closing quote or the end (not the point of "2.5"). */
const CLAUSE_END = /\s*[,;:.!?\u2026)](?=[\s"\u201D\u2019)]|$)/u;

const numberOf = (s: Span) => Number(s.text);

/** Removes one space at the end of the text before item `at` (the space written before a marker). */
function trimBefore(items: Item[], at: number): void {
  const prev = items[at - 1];
  if (prev?.kind === 'text') prev.span = { ...prev.span, text: prev.span.text.replace(/\s$/, '') };
}

/** The text between item `at` and the marker before it. */
function textBefore(items: readonly Item[], at: number): string {
  let text = '';
  for (let i = at - 1; i >= 0; i -= 1) {
    const item = items[i]!;
    if (item.kind === 'marker') break;
    text = item.span.text + text;
  }
  return text;
}

/**
 * Moves each marker that splits a compound adjective to the end of the phrase it stands in: before the next
 * punctuation mark that closes a clause ("a 6-million diaspora [5].", "212-km of track by the port's count [3], and"),
 * or into the next marker if one comes first.
 */
function afterCompounds(items: Item[]): Item[] {
  const out = [...items];
  for (let i = 0; i < out.length - 1; i += 1) {
    const marker = out[i]!;
    if (marker.kind !== 'marker' || out[i + 1]!.kind !== 'text' || !COMPOUND.test(textBefore(out, i))) continue;
    for (let j = i + 1; j < out.length; j += 1) {
      const item = out[j]!;
      if (item.kind === 'marker') {
        item.numbers = [...marker.numbers.filter((n) => !item.numbers.some((m) => m.citation === n.citation)), ...item.numbers].sort((a, b) => numberOf(a) - numberOf(b));
        trimBefore(out, i);
        out.splice(i, 1);
        break;
      }
      const end = CLAUSE_END.exec(item.span.text);
      if (!end && j < out.length - 1) continue;
      // "6-million ", marker, " diaspora. In…" → "6-million", " diaspora", " ", marker, ". In…"
      const at = end ? end.index : item.span.text.length;
      const [phrase, rest] = [item.span.text.slice(0, at), item.span.text.slice(at)];
      // Already at the end of its phrase: "… 212-km [3]."
      if (j === i + 1 && !phrase.trim()) break;
      out.splice(
        j,
        1,
        { kind: 'text', span: { ...item.span, text: phrase } },
        { kind: 'text', span: { ...marker.style, text: ' ' } },
        marker,
        ...(rest ? [{ kind: 'text' as const, span: { ...item.span, text: rest } }] : []),
      );
      trimBefore(out, i);
      out.splice(i, 1);
      // On past the marker where it now stands.
      i = j + 1;
      break;
    }
  }
  return out;
}

/**
 * In each sentence, a source cited again before any other source is cited keeps only its last marker: a marker
 * emptied by that goes, with the space before it.
 */
function oncePerSentence(items: Item[]): Item[] {
  const out = [...items];
  // The index of each source's last kept marker in the sentence, and whether another source was cited since.
  let open = new Map<string, { at: number; since: boolean }>();
  for (let i = 0; i < out.length; i += 1) {
    const item = out[i]!;
    if (item.kind === 'text') {
      if (endsSentence(item.span.text)) open = new Map();
      continue;
    }
    for (const n of item.numbers) {
      const source = n.citation!;
      const earlier = open.get(source);
      if (earlier && !earlier.since) {
        const marker = out[earlier.at] as Marker;
        marker.numbers = marker.numbers.filter((x) => x.citation !== source);
      }
    }
    const cited = new Set(item.numbers.map((n) => n.citation!));
    for (const [source, entry] of open) if (!cited.has(source)) entry.since = true;
    for (const source of cited) open.set(source, { at: i, since: false });
  }
  // Emptied markers go, with the space written before them.
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const item = out[i]!;
    if (item.kind === 'marker' && !item.numbers.length) {
      trimBefore(out, i);
      out.splice(i, 1);
    }
  }
  return out;
}

/** Markers with nothing but spaces between them become one. */
function joinNeighbours(items: Item[]): Item[] {
  const out: Item[] = [];
  const merge = (into: Marker, from: Marker) => {
    const seen = new Set(into.numbers.map((n) => n.citation));
    into.numbers = [...into.numbers, ...from.numbers.filter((n) => !seen.has(n.citation))].sort((a, b) => numberOf(a) - numberOf(b));
  };
  for (const item of items) {
    const last = out[out.length - 1];
    const beforeLast = out[out.length - 2];
    if (item.kind === 'marker' && last?.kind === 'marker') {
      merge(last, item);
      continue;
    }
    if (item.kind === 'marker' && last?.kind === 'text' && !last.span.text.trim() && beforeLast?.kind === 'marker') {
      out.pop();
      merge(beforeLast, item);
      continue;
    }
    out.push(item);
  }
  return out;
}

/**
 * A marker's spans: runs of three or more consecutive numbers as a range ("1–3"), its ends linked. A source the range
 * hides is still cited where it stands (the "cited on pages" of the appendix): the dash carries it, and the brackets
 * carry a second and a third; a marker that would hide more than its dashes and brackets can carry is written in full.
 */
function markerSpans({ style, numbers }: Marker): Span[] {
  const runs: Span[][] = [];
  for (const n of numbers) {
    const run = runs[runs.length - 1];
    if (run && numberOf(run[run.length - 1]!) + 1 === numberOf(n)) run.push(n);
    else runs.push([n]);
  }
  const hidden = runs.filter((r) => r.length >= 3).reduce((sum, r) => sum + r.length - 2, 0);
  const ranges = runs.filter((r) => r.length >= 3).length;
  const compress = hidden <= ranges + 2;
  const carried: string[] = [];
  const body: Span[] = [];
  for (const run of compress ? runs : numbers.map((n) => [n])) {
    if (body.length) body.push({ ...style, text: ', ' });
    if (run.length < 3) {
      run.forEach((n, i) => body.push(...(i ? [{ ...style, text: ', ' }] : []), n));
      continue;
    }
    const [first, ...middle] = run.slice(0, -1);
    const [dash, ...extra] = middle.map((n) => n.citation!);
    body.push(first!, { ...style, text: '–', citation: dash! }, run[run.length - 1]!);
    carried.push(...extra);
  }
  return [{ ...style, text: '[', ...(carried[0] ? { citation: carried[0] } : {}) }, ...body, { ...style, text: ']', ...(carried[1] ? { citation: carried[1] } : {}) }];
}

/** The spans of one paragraph (or cell, or caption) with their citation markers placed, joined and compressed. */
export function placeCitations(spans: readonly Span[]): Span[] {
  if (!spans.some((s) => s.citation)) return [...spans];
  const items = joinNeighbours(oncePerSentence(afterCompounds(itemsOf(spans))));
  return items.flatMap((item) => (item.kind === 'text' ? (item.span.text ? [item.span] : []) : markerSpans(item)));
}
