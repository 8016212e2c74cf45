// Checks what a schema cannot: unique ids, references between files, printed figures inside their quotes (units: units.ts).
import { citationPattern, parseCitationIds } from '../text/citations.js';
import { isAllowedLink, linkMessages, linkTargets } from '../text/links.js';
import { agreesWithPrinted } from '../analysis/index.js';
import { error, type Diagnostic, type Location } from '../errors.js';
import { closest } from '../text/suggest.js';
import { BUILTIN_HEDGES, hedgeKey, hedgeMeaning, hedgeVocabulary, NO_HEDGE } from '../text/hedges.js';
import { messages } from './messages.js';
import { foldForComparison } from './verify.js';
import type { Dataset } from './types.js';

export type Locate = (path: string) => Location;
/** Locates an offset inside a narrative section's Markdown body. */
export type LocateInBody = (section: number, offset: number) => Location;

/**
 * The noun a `:fig` prints twice: the figure's own last word ("38 embassies and consulates") begins the text that
 * follows it (" consulates abroad"), in the same or the other number (partner, partners).
 */
function doubledNoun(printed: string | undefined, after: string): { printed: string; word: string } | undefined {
  const last = printed && /(\p{L}+)\s*$/u.exec(printed)?.[1];
  const next = /^\s+(\p{L}+)/u.exec(after)?.[1];
  // A figure of one word ("seven", "twice") carries no noun of its own.
  if (!printed || !last || !next || last === printed.trim()) return undefined;
  const stem = (w: string) => w.toLowerCase().replace(/s$/, '');
  return stem(last) === stem(next) ? { printed, word: next } : undefined;
}

/** Whether `words` stand in `text` as whole words, whatever their case and spacing ("over" is not in "moreover"). */
function containsWords(text: string, words: string): boolean {
  const [t, w] = [text, words].map((x) => hedgeKey(foldForComparison(x)));
  return new RegExp(`(?<!\\p{L})${w!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(t!);
}

export function checkReferences(ds: Dataset, locate: Locate, locateInBody: LocateInBody): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ref = (kind: string, id: string, known: ReadonlySet<string>, path: string) => {
    if (known.has(id)) return;
    const guess = closest(id, known);
    out.push(error('dataset/unknown-ref', messages.unknownRef(kind, id), { ...locate(path), path }, guess && messages.didYouMean(guess)));
  };
  const ids = (kind: string, list: readonly { id: string }[], field: string): Set<string> => {
    const first = new Map<string, string>();
    list.forEach((item, i) => {
      // review.yaml's fields are shown by their own names ("partnershipLevels[1].id"), as the schema's errors are.
      const path = `${field}[${i}].id`.replace(/^meta\./, '');
      const prior = first.get(item.id);
      if (prior) out.push(error('dataset/duplicate-id', messages.duplicateId(kind, item.id, prior), { ...locate(`${field}[${i}].id`), path }));
      else first.set(item.id, path);
    });
    return new Set(first.keys());
  };

  const sources = ids('source', ds.sources, 'sources');
  const metrics = ids('metric', ds.metrics, 'metrics');
  const claims = ids('claim', ds.claims, 'claims');
  ids('event', ds.events, 'events');
  ids('person', ds.people, 'people');
  ids('section', ds.narrative, 'narrative');
  // The dataset's own ladders: what partnerships and events may name, checked like any other reference.
  const ladder = (kind: string, field: 'partnershipLevels' | 'eventCategories', items: readonly { path: string; id: string }[]) => {
    const declared = ds.meta[field];
    if (!declared) {
      if (items.length) out.push(error('dataset/no-ladder', messages.noLadder(field, kind, items.length), { ...locate('meta'), path: field }));
      return;
    }
    const known = ids(kind, declared, `meta.${field}`);
    for (const item of items) ref(kind, item.id, known, item.path);
  };
  ladder(
    'partnership level',
    'partnershipLevels',
    ds.partnerships.map((p, i) => ({ id: p.level, path: `partnerships[${i}].level` })),
  );
  ladder(
    'event category',
    'eventCategories',
    ds.events.map((e, i) => ({ id: e.category, path: `events[${i}].category` })),
  );
  const declared = ds.meta.hedges ?? [];
  const firstDeclared = new Map<string, string>();
  declared.forEach((d, i) => {
    const path = `hedges[${i}].word`;
    const key = hedgeKey(d.word);
    const prior = key === NO_HEDGE || key in BUILTIN_HEDGES ? 'the built-in vocabulary' : firstDeclared.get(key);
    if (prior) out.push(error('dataset/hedge', messages.hedgeDeclaredTwice(d.word, prior), { ...locate(`meta.${path}`), path }));
    else firstDeclared.set(key, path);
  });
  const vocabulary = hedgeVocabulary(declared);

  ds.claims.forEach((c, i) => {
    const at = (f: string) => `claims[${i}].${f}`;
    ref('source', c.source, sources, at('source'));
    ref('metric', c.metric, metrics, at('metric'));
    if (!foldForComparison(c.quote).includes(foldForComparison(c.printed))) {
      out.push(error('dataset/printed-not-in-quote', messages.printedNotInQuote(c.printed), { ...locate(at('printed')), path: at('printed') }));
    }
    if (!agreesWithPrinted(c)) {
      out.push(error('dataset/value-not-printed', messages.valueNotPrinted(c.value, c.scale, c.printed), { ...locate(at('value')), path: at('value') }));
    }
    const meaning = hedgeMeaning(c.hedge, vocabulary);
    if (meaning === undefined) {
      const guess = closest(hedgeKey(c.hedge), [NO_HEDGE, ...vocabulary.keys()]);
      out.push(error('dataset/unknown-hedge', messages.unknownHedge(c.hedge), { ...locate(at('hedge')), path: at('hedge') }, guess ? messages.didYouMean(guess) : messages.declareHedge()));
    } else if (meaning && !containsWords(c.printed, c.hedge)) {
      // The hedge is the word the source prints with the figure, so `printed` holds it.
      out.push(error('dataset/hedge-not-printed', messages.hedgeNotPrinted(c.hedge, c.printed), { ...locate(at('hedge')), path: at('hedge') }));
    }
    const rel = c.relation;
    if (rel) {
      if (rel.base === c.period) out.push(error('dataset/relation', messages.basePeriod(rel.base, c.period), { ...locate(at('relation.base')), path: at('relation.base') }));
      if (rel.type === 'increment') ref('metric', rel.total, metrics, at('relation.total'));
    }
  });
  ds.events.forEach((e, i) => {
    e.sources.forEach((s, j) => ref('source', s, sources, `events[${i}].sources[${j}]`));
    (e.claims ?? []).forEach((c, j) => ref('claim', c, claims, `events[${i}].claims[${j}]`));
  });
  ds.partnerships.forEach((p, i) => p.sources.forEach((s, j) => ref('source', s, sources, `partnerships[${i}].sources[${j}]`)));
  ds.people.forEach((p, i) => p.sources.forEach((s, j) => ref('source', s, sources, `people[${i}].sources[${j}]`)));

  const citable = new Set([...claims, ...sources]);
  const printedOf = new Map(ds.claims.map((c) => [c.id, c.printed]));
  ds.narrative.forEach((section, i) => {
    const path = `narrative[${i}].body`;
    for (const { url, index } of linkTargets(section.body)) {
      if (!isAllowedLink(url)) out.push(error('dataset/link-scheme', linkMessages.refused(url), { ...locateInBody(i, index), path }, linkMessages.hint()));
    }
    for (const m of section.body.matchAll(citationPattern)) {
      const [, kind, label = ''] = m;
      if (kind === 'cite' && !parseCitationIds(label).length) out.push(error('dataset/empty-citation', linkMessages.emptyCitation(), { ...locateInBody(i, m.index), path }));
      for (const id of parseCitationIds(label)) {
        const known = kind === 'fig' ? claims : citable;
        if (known.has(id)) continue;
        const guess = closest(id, known);
        out.push(error('dataset/unknown-ref', messages.unknownRef(kind === 'fig' ? 'claim' : 'claim or source', id), { ...locateInBody(i, m.index), path }, guess && messages.didYouMean(guess)));
      }
      const doubled = kind === 'fig' ? doubledNoun(printedOf.get(parseCitationIds(label).at(-1) ?? ''), section.body.slice(m.index + m[0].length)) : undefined;
      if (doubled) out.push(error('dataset/doubled-noun', messages.doubledNoun(doubled.printed, doubled.word), { ...locateInBody(i, m.index), path: `narrative[${i}].body` }));
    }
  });
  return out;
}
