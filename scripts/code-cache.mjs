#!/usr/bin/env node
// The program's own code cache (run by scripts/bundle.mjs, after bundling): builds the sample review of the fictional
// Marenna with the program just bundled, in a cache folder of its own, and keeps the code cache that run wrote
// (V8's compiled functions of dist/cli/app.cjs, of the chart libraries and of the packages the program compiles with a
// cache) in dist/cli/code/, where dist/cli/main.js reads it when the user's cache folder has none (src/cli/start.ts).
// A first build then compiles nothing a build runs. The data is V8's, for this Node and these files: another Node
// refuses it, and the program then keeps its own in the cache folder.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const shipped = join(root, 'dist', 'cli', 'code');

export function makeCodeCache() {
  rmSync(shipped, { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'annual-review-code-'));
  try {
    const program = join(root, 'dist', 'cli', 'main.js');
    const args = [program, 'build', join(root, 'data', 'marenna-2025'), '--cache-dir', join(work, 'cache'), '--out-dir', join(work, 'out'), '--quiet'];
    execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const made = join(work, 'cache', 'code');
    const files = readdirSync(made).filter((f) => f.endsWith('.bin'));
    if (files.length === 0) throw new Error(`the sample build wrote no code cache into ${made}`);
    mkdirSync(shipped, { recursive: true });
    for (const f of files) cpSync(join(made, f), join(shipped, f));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) makeCodeCache();
