// The program itself, as a shell starts it: the exit code it leaves and where it prints. The other CLI tests call the
// same code in-process (tests/support.ts runCli).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/input/paths.js';
import { runProgram, runTool } from '../support.js';

const work = mkdtempSync(join(tmpdir(), 'annual-review-program-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the annual-review program', () => {
  it('exits 0 and prints to stdout when the input is good', () => {
    const r = runProgram('validate');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid — \d+ sources/);
  });

  it('exits 1 with located errors on stderr when the input is bad', () => {
    const data = join(work, 'broken');
    cpSync(defaultDataDir, data, { recursive: true });
    const claims = join(data, 'claims.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace(/\n {4}source: /, '\n    source: [unclosed\n'));
    const r = runProgram('validate', '--data', data);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/claims\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('exits 2 on wrong usage, with the help on stderr', () => {
    const r = runProgram('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('running a program for a test', () => {
  it('says why a program could not start instead of failing later on missing output', () => {
    expect(() => runTool(join(work, 'no-such-program'), ['--version'])).toThrow(/could not run .*no-such-program --version: .*ENOENT/);
  });

  it('says which signal ended a program, with what it printed', () => {
    expect(() => runTool(process.execPath, ['-e', 'console.log("started"); process.kill(process.pid, "SIGKILL")'])).toThrow(/was ended by SIGKILL\nstdout:\nstarted/);
  });
});
