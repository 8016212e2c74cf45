// The files `annual-review new` writes: the dataset skeleton of the package, filled in for one folder. Each file's
// `$schema` comment points at the package's schema folder relative to where the file will stand, so an editor
// resolves it whether the package is this repository or an installed copy under node_modules. Pure apart from reading
// the skeleton.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { datasetSkeletonDir, schemaDir } from '../input/paths.js';

export interface SkeletonFile {
  /** Path relative to the new dataset folder, with forward slashes. */
  name: string;
  content: string;
}

/** An id from a folder name: "My Review 2026" → "my-review-2026". */
export const idFromFolder = (dir: string) =>
  basename(dir)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'review';

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

/** The skeleton's files for a dataset in `dir` reviewing `year` (compared with the year before). */
export function skeletonFiles(dir: string, year: number): SkeletonFile[] {
  const values: Record<string, string> = {
    id: idFromFolder(dir),
    year: String(year),
    baseline: String(year - 1),
    published: `${year + 1}-03-01`,
    schema: relative(dir, schemaDir).split('\\').join('/') || '.',
  };
  return filesUnder(datasetSkeletonDir).map((name) => ({
    name: name.split('\\').join('/'),
    content: readFileSync(join(datasetSkeletonDir, name), 'utf8').replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m),
  }));
}
