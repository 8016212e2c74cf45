// The words a build hyphenated, kept in the cache folder per language and review: a later build splits a kept word as
// the file says, without the patterns, and a word not kept from the patterns; the file holds the last build's words.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const SOFT = '\u00ad';
const words = ['organisation', 'international', 'partnership', 'multilateral'];

/** The module as a new process loads it: nothing split in memory, no patterns loaded. */
async function fresh() {
  vi.resetModules();
  return import('../../src/text/hyphenation.js');
}
const keptFiles = (dir: string) => readdirSync(join(dir, 'hyphenation')).map((name) => join(dir, 'hyphenation', name));
const keptWords = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { words: [string, string][] }).words;

describe('kept hyphenation', () => {
  it('splits a kept word as its file says, and the others from the patterns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ar-hyphen-'));
    const first = await fresh();
    first.keepHyphenationIn(dir, 'review a');
    const split = first.hyphenator('en-gb');
    const fromPatterns = words.map((w) => split(w));
    expect(fromPatterns[0]).toEqual(['or', 'gan', 'isa', 'tion']);
    first.saveHyphenation();
    const [file] = keptFiles(dir);
    expect(keptWords(file!).map(([w]) => w)).toEqual(words);
    // A kept word marked otherwise (still spelling the word) is split as marked: the file is read, not the patterns.
    writeFileSync(file!, readFileSync(file!, 'utf8').replace(`"or${SOFT}gan${SOFT}isa${SOFT}tion"`, `"organ${SOFT}isation"`));
    const second = await fresh();
    second.keepHyphenationIn(dir, 'review a');
    const again = second.hyphenator('en-gb');
    expect(again('organisation')).toEqual(['organ', 'isation']);
    expect(words.slice(1).map((w) => again(w))).toEqual(fromPatterns.slice(1));
    const cooperation = again('cooperation');
    expect(cooperation.join('')).toBe('cooperation');
    expect(cooperation.length).toBeGreaterThan(2);
    // The file is written with the words this build asked for.
    second.saveHyphenation();
    expect(keptWords(file!).map(([w]) => w)).toEqual([...words, 'cooperation']);
    const third = await fresh();
    third.keepHyphenationIn(dir, 'review a');
    third.hyphenator('en-gb')('partnership');
    third.saveHyphenation();
    expect(keptWords(file!).map(([w]) => w)).toEqual(['partnership']);
  });

  it('ignores an entry that does not spell its word and a torn file, and keeps reviews apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ar-hyphen-'));
    const first = await fresh();
    first.keepHyphenationIn(dir, 'review a');
    first.hyphenator('en-gb')('organisation');
    first.saveHyphenation();
    const [file] = keptFiles(dir);
    writeFileSync(file!, readFileSync(file!, 'utf8').replace(`"or${SOFT}gan${SOFT}isa${SOFT}tion"`, `"orga${SOFT}nise"`));
    const second = await fresh();
    second.keepHyphenationIn(dir, 'review a');
    expect(second.hyphenator('en-gb')('organisation')).toEqual(['or', 'gan', 'isa', 'tion']);
    writeFileSync(file!, '{"key":');
    const third = await fresh();
    third.keepHyphenationIn(dir, 'review a');
    expect(third.hyphenator('en-gb')('organisation')).toEqual(['or', 'gan', 'isa', 'tion']);
    third.keepHyphenationIn(dir, 'review b');
    third.hyphenator('en-gb')('international');
    third.saveHyphenation();
    expect(keptFiles(dir)).toHaveLength(2);
  });

  it('splits from the patterns without a cache folder', async () => {
    const module = await fresh();
    module.keepHyphenationIn(undefined);
    expect(module.hyphenator('en-gb')('organisation')).toEqual(['or', 'gan', 'isa', 'tion']);
    module.saveHyphenation();
  });
});
