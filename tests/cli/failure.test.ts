// A defect (exit 3) is told in one short line with a log file holding its details, never a raw stack on stderr.
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exitCodeOf, formatFailure, toFailure } from '../../src/cli/failure.js';

describe('an unexpected failure', () => {
  const failure = toFailure(new TypeError('Cannot read properties of undefined (reading "x")'));

  it('prints one line and the log file, which holds the stack', () => {
    expect(exitCodeOf(failure)).toBe(3);
    const text = formatFailure(failure, 'annual-review build');
    expect(text).not.toMatch(/\n\s+at /);
    expect(text.split('\n')[0]).toBe('annual-review build: unexpected failure: Cannot read properties of undefined (reading "x")');
    const log = /the details are in (\S+)/.exec(text)?.[1];
    expect(log).toBeDefined();
    try {
      expect(readFileSync(log!, 'utf8')).toMatch(/TypeError: Cannot read properties[^]*\n\s+at /);
    } finally {
      rmSync(log!, { force: true });
    }
  });

  it('prints the stack itself with --debug', () => {
    expect(formatFailure(failure, 'annual-review build', true)).toMatch(/\n\s+at /);
  });
});
