// Every dataset of data/ built in English and Vietnamese: each review speaks only of its own subject. No country,
// subject, currency or name from another dataset, and no country name at all that its own files do not give,
// appears in its text or in its charts' alt text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { readPdf } from '../pdf-reader.js';
import { exampleBuild } from '../support.js';

const dataDir = join(packageRoot, 'data');
const datasets = readdirSync(dataDir)
  .filter((name) => existsSync(join(dataDir, name, 'review.yaml')))
  .sort();

/** Everything a dataset's files say, as one text: a name it prints must stand in it. */
const ownWords = (name: string) =>
  readdirSync(join(dataDir, name))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(dataDir, name, f), 'utf8'))
    .join('\n')
    .normalize('NFC');

/** Every country and territory name Intl knows, in a language (names of three letters or fewer are too ambiguous). */
function countryNames(language: string): string[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const out = new Set<string>();
  for (const a of letters)
    for (const b of letters) {
      const name = names.of(a + b);
      if (name && name.length > 3) out.add(name.normalize('NFC'));
    }
  return [...out];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const standsIn = (text: string, name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** What a reader and a screen reader get of a built review: the pages' text, then each chart's alt text. */
async function readerText(name: string, locale: string): Promise<string> {
  const result = await exampleBuild(name, locale);
  const pdf = await readPdf(result.pdf);
  return [...pdf.pages, ...result.charts.map((c) => c.alt)].join('\n').normalize('NFC');
}

describe('every dataset speaks of itself only', () => {
  it('has more than one dataset to compare', () => {
    expect(datasets.length).toBeGreaterThan(1);
  });

  for (const name of datasets) {
    for (const locale of ['en', 'vi']) {
      it(`${name} (${locale}) names no country its own files do not give`, async () => {
        const text = await readerText(name, locale);
        const own = ownWords(name);
        const strangers = [...new Set([...countryNames('en'), ...countryNames('vi')])].filter((n) => standsIn(text, n) && !own.includes(n));
        expect(strangers).toEqual([]);
      });

      it(`${name} (${locale}) names nothing of another dataset: its subject, partners, places, people, units`, async () => {
        const text = await readerText(name, locale);
        const own = ownWords(name);
        for (const other of datasets.filter((d) => d !== name)) {
          const result = await exampleBuild(other, locale);
          const { meta, partnerships, events, people } = result.review.dataset;
          const subject = meta.subject === undefined ? [] : typeof meta.subject === 'string' ? [meta.subject] : Object.values(meta.subject);
          const names = [...subject, ...partnerships.map((p) => p.partner), ...events.flatMap((e) => (e.place ? [e.place] : [])), ...people.map((p) => p.name)];
          const foreign = [...new Set(names)].filter((n) => !own.includes(n) && standsIn(text, n));
          expect(foreign, `${other} in ${name}`).toEqual([]);
        }
        // Money only in the currencies the dataset's own claims use.
        const currencies = new Set(
          Object.values((await exampleBuild(name, locale)).review.dataset.claims)
            .map((c) => c.unit)
            .filter((u) => /^[A-Z]{3}$/.test(u)),
        );
        for (const [code, marks] of [
          ['USD', ['US$', 'USD']],
          ['EUR', ['€', 'EUR']],
          ['VND', ['VND']],
        ] as const) {
          if (!currencies.has(code)) for (const mark of marks) expect(text.includes(mark), `${mark} in ${name}`).toBe(false);
        }
      });
    }
  }
});
