// Small helpers the tests share: folders of template files, removed after the test file, and the diagnostics a
// call throws.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ReviewError, type Diagnostic } from '../src/errors.js';

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
