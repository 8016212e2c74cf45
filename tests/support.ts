// Small helpers the tests share: folders of template files, removed after the test file, the diagnostics a call
// throws, and the default review built once per test process and read back once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ReviewError, type Diagnostic } from '../src/errors.js';
import { defaultDataDir } from '../src/paths.js';
import { buildReport, type BuildResult } from '../src/pipeline.js';
import { readPdf, type ReadPdf } from './pdf-reader.js';

/** A function making folders from { "path/in/folder": text }; every folder goes when the test file ends. */
export function folderMaker(prefix: string): (files: Record<string, string>) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
}

/** The diagnostics of the ReviewError `f` throws; fails when it throws none. */
export function diagnosticsOf(f: () => unknown): readonly Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ReviewError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a ReviewError');
}

const builds = new Map<string, Promise<BuildResult>>();
const reads = new Map<string, Promise<ReadPdf>>();

/**
 * The default review built in memory, in `locale` (the template's default when not given): built once per test
 * process and shared by every test file in it (vitest runs them without isolation), since a build is the slowest
 * step of most tests. Read it, never change it.
 */
export function defaultBuild(locale?: string): Promise<BuildResult> {
  const key = locale ?? '';
  if (!builds.has(key)) builds.set(key, buildReport({ data: defaultDataDir, ...(locale ? { locale } : {}) }));
  return builds.get(key)!;
}

/** The default review's PDF read back (see defaultBuild). */
export function defaultPdf(locale?: string): Promise<ReadPdf> {
  const key = locale ?? '';
  if (!reads.has(key)) reads.set(key, defaultBuild(locale).then((r) => readPdf(r.pdf)));
  return reads.get(key)!;
}
