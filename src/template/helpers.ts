// The helpers templates may call. Helpers that emit Markdown return SafeStrings; everything else is escaped.
import type Handlebars from 'handlebars';
import { formatDate, formatNumber, formatPercent } from '../text/format.js';
import { formatMoney } from '../units/index.js';
import { label, type Locale } from '../locale/index.js';
import { isCalendar } from '../input/formats.js';
import { SCALES } from '../dataset/types.js';
import { escapeMarkdown, textOf } from './escape.js';

type HelperOptions = Handlebars.HelperOptions;
type SafeStringCtor = new (s: string) => Handlebars.SafeString;

/** A helper given an argument it cannot use ("{{number meta.title}}"): told with where the call stands. */
export class HelperArgumentError extends Error {
  constructor(
    readonly helper: string,
    readonly detail: string,
    readonly at: { line?: number; column?: number },
  ) {
    super(`helper "${helper}": ${detail}`);
  }
}

/** A HelperArgumentError at the call the options describe. */
function badArgument(helper: string, wanted: string, value: unknown, options: HelperOptions | undefined): HelperArgumentError {
  const loc = (options as { loc?: { start: { line: number; column: number } } } | undefined)?.loc;
  const shown = value === undefined ? 'nothing (a missing field?)' : ((JSON.stringify(value) as string | undefined) ?? textOf(value));
  return new HelperArgumentError(helper, `expects ${wanted}, got ${shown}`, loc ? { line: loc.start.line, column: loc.start.column + 1 } : {});
}

/** The helper's argument as a finite number, or a HelperArgumentError (never "NaN" printed in the review). */
function numeric(helper: string, value: unknown, options: HelperOptions | undefined): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isFinite(n)) return n;
  throw badArgument(helper, 'a number', value, options);
}

/** Drops the trailing Handlebars options argument. */
const args = (all: unknown[]): unknown[] => all.slice(0, -1);
const ids = (all: unknown[]): string[] =>
  args(all)
    .flatMap((a) => (Array.isArray(a) ? (a as unknown[]) : [a]))
    .filter((a) => a !== undefined && a !== null && a !== '')
    .map(String);

/** A text that ends a sentence: a full stop, question or exclamation mark or ellipsis, before any closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?\u2026]["'\u201D\u2019\u00BB)\]]*$/u;

export function createHelpers(SafeString: SafeStringCtor, locale: Locale): Record<string, Handlebars.HelperDelegate> {
  const { intl, labels, dates, money } = locale;
  return {
    /**
     * {{t "sources.title"}} → the template's text in the review's locale; {{t "cover.tagline" claims=(number 61)}}
     * fills {claims}. Values go in as they are (a year stays 2025): format numbers with the number helper.
     */
    t: (key: unknown, options: HelperOptions) => {
      const params = Object.fromEntries(Object.entries(options.hash as Record<string, unknown>).map(([k, v]) => [k, textOf(v)]));
      return label(labels, String(key), params);
    },
    /** {{number 1234.5}} → 1,234.5 (1.234,5 in vi) */
    number: (value: unknown, options: HelperOptions) => formatNumber(numeric('number', value, options), intl),
    /** {{money 27.62 "USD" "billion"}} → US$27.62 billion (27,62 tỷ USD in vi); any ISO 4217 code: {{money 7.9 "EUR" "billion"}} → €7.9 billion */
    money: (value: unknown, currency: unknown, scale: unknown, options?: HelperOptions) => {
      const call = options ?? (scale as HelperOptions);
      const amount = numeric('money', value, call);
      if (typeof scale === 'string' && !(scale in SCALES)) throw badArgument('money', `a scale (${Object.keys(SCALES).join(', ')})`, scale, call);
      return formatMoney(amount, String(currency), typeof scale === 'string' ? scale : 'one', money);
    },
    /** {{percent 8.2}} → 8.2% (8,2% in vi) */
    percent: (value: unknown, options: HelperOptions) => formatPercent(numeric('percent', value, options), intl),
    /** {{date "2026-01-08"}} → 8 January 2026 (ngày 8 tháng 1 năm 2026 in vi) */
    date: (value: unknown, options: HelperOptions) => {
      if (!value) return '';
      if (typeof value !== 'string' || !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value) || !isCalendar(value)) {
        throw badArgument('date', 'a date (yyyy, yyyy-mm or yyyy-mm-dd)', value, options);
      }
      return formatDate(value, dates);
    },
    /** {{cite "claim-or-source-id" …}} → [n] linked to the sources appendix */
    cite: (...all: unknown[]) => {
      // An empty list (a chart whose data cites nothing) cites nothing; a literal :cite[] in the Markdown is an error.
      const cited = ids(all);
      return new SafeString(cited.length ? `:cite[${cited.join(',')}]` : '');
    },
    /** {{fig "claim-id"}} → the figure as printed, with its citation */
    fig: (id: unknown) => new SafeString(`:fig[${String(id)}]`),
    /**
     * {{explain explanation citations}} → an explanation of the engine, escaped, with each of its [n] markers a
     * citation linked like the narrative's (`citations` maps n to the source id, as the context gives it)
     */
    explain: (text: unknown, citations: unknown) => {
      const ids = (citations && typeof citations === 'object' ? citations : {}) as Record<string, unknown>;
      const linked = escapeMarkdown(textOf(text)).replace(/\\\[(\d+)\\\]/g, (marker, n: string) => (typeof ids[n] === 'string' ? `:cite[${ids[n]}]` : marker));
      return new SafeString(linked);
    },
    /** {{markdown text}} → trusted Markdown (our own narrative), not escaped */
    markdown: (text: unknown) => new SafeString(textOf(text)),
    /** {{anchor "source-x"}} → a named destination links can point at */
    anchor: (id: unknown) => new SafeString(`::anchor{#${String(id)}}`),
    /** {{inc @index}} → @index + 1 */
    inc: (value: unknown, options: HelperOptions) => numeric('inc', value, options) + 1,
    /** {{#if (eq a b)}} */
    eq: (a: unknown, b: unknown) => a === b,
    /** {{join list ", "}} */
    join: (list: unknown, separator: unknown, options?: HelperOptions) => (Array.isArray(list) ? list.join(options === undefined ? ', ' : String(separator)) : ''),
    /** {{note}}{{stop note}} → a full stop after a text that does not already end a sentence ("…2026”." stays as it is) */
    stop: (value: unknown) => (ENDS_SENTENCE.test(textOf(value).trim()) ? '' : '.'),
    /** {{upper "text"}} */
    upper: (value: unknown) => textOf(value).toLocaleUpperCase(locale.language),
  };
}
