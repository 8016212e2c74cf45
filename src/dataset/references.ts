// Checks what a schema cannot: unique ids, references between files, printed figures inside their quotes (units: units.ts).
import { citationPattern, parseCitationIds } from '../citations.js';
import { isAllowedLink, linkMessages, linkTargets } from '../links.js';
import { agreesWithPrinted } from '../analysis/discrepancies/precision.js';
import { error, type Diagnostic, type Location } from '../errors.js';
import { closest } from '../suggest.js';
import { messages } from './messages.js';
import { foldForComparison } from './verify.js';
import type { Dataset } from './types.js';

export type Locate = (path: string) => Location;
/** Locates an offset inside a narrative section's Markdown body. */
export type LocateInBody = (section: number, offset: number) => Location;

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
  ladder('partnership level', 'partnershipLevels', ds.partnerships.map((p, i) => ({ id: p.level, path: `partnerships[${i}].level` })));
  ladder('event category', 'eventCategories', ds.events.map((e, i) => ({ id: e.category, path: `events[${i}].category` })));

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
    }
  });
  return out;
}
