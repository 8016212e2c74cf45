// Per-command help, --version and "did you mean" for mistyped commands and options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/input/paths.js';
import { runCli } from '../support.js';

describe('help and suggestions', () => {
  it('shows a command its own options', async () => {
    const build = await runCli('build', '--help');
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('Usage: annual-review build');
    expect(build.stdout).toContain('--no-exports');
    expect(build.stdout).not.toContain('--sources');
    const verify = await runCli('verify', '-h');
    expect(verify.stdout).toContain('--sources');
    expect(verify.stdout).not.toContain('--page-size');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli('--version');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`annual-review ${version}\n`);
  });

  it('suggests the closest command and option', async () => {
    const command = await runCli('biuld');
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('did you mean "build"?');
    const option = await runCli('validate', '--dta', 'x');
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('did you mean "--data"?');
    const far = await runCli('validate', '--zzzzzzzz');
    expect(far.status).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
  });
});
