import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { foldForComparison, verifyQuotes } from '../../src/dataset/verify.js';
import { defaultDataDir, packageRoot } from '../../src/paths.js';

const seeds = join(packageRoot, '..', 'shared', 'seeds');

describe('quote verification', () => {
  it('finds every quote of the default dataset in its source text', () => {
    expect(verifyQuotes(loadDataset(defaultDataDir), seeds)).toEqual([]);
  });

  it('tolerates white space, typographic quotes and dashes, and NFD', () => {
    expect(foldForComparison('the country\u2019s  top\nleaders \u2013 Ha\u0300 No\u0323\u0302i')).toBe(foldForComparison("the country's top leaders - Hà Nội"));
  });

  it('reports an altered quote with the file, line and field of the quote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'annual-review-verify-'));
    cpSync(defaultDataDir, dir, { recursive: true });
    const file = join(dir, 'claims.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('signed nearly 350 cooperation agreements in 2025', 'signed nearly 350 cooperation deals in 2025'));
    const [d, ...rest] = verifyQuotes(loadDataset(dir), seeds);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'verify/quote-not-found', path: expect.stringMatching(/^claims\[\d+\]\.quote$/) });
    expect(d?.file).toContain('claims.yaml');
    const line = readFileSync(file, 'utf8').split('\n')[d!.line! - 1];
    expect(line).toContain('cooperation deals');
    rmSync(dir, { recursive: true, force: true });
  });
});
