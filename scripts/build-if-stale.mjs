#!/usr/bin/env node
// Compiles src/ into dist/ and bundles the command line (what npm run build does) only when dist/ is missing a file or
// is older than a source, a tsconfig or the bundle script, so that `npm test` and `npm run report` do not compile
// again what is already compiled, and run the program as `npm run build` makes it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Why dist/ is out of date, or undefined when it is current. */
export function staleness() {
  const src = join(root, 'src');
  const sources = files(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const outputs = [...sources.map((f) => join(root, 'dist', relative(src, f)).replace(/\.ts$/, '.js')), join(root, 'dist', 'cli', 'app.cjs'), join(root, 'dist', 'cli', 'vega.cjs')];
  const missing = outputs.find((f) => !existsSync(f));
  if (missing) return `${relative(root, missing)} is missing`;
  const oldest = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const newer = [...sources, join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), join(root, 'scripts', 'bundle.mjs'), join(root, 'scripts', 'code-cache.mjs')].find(
    (f) => statSync(f).mtimeMs > oldest,
  );
  return newer ? `${relative(root, newer)} is newer than dist/` : undefined;
}

export function buildIfStale() {
  const why = staleness();
  if (!why) return;
  process.stderr.write(`building dist/: ${why}\n`);
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfStale();
