// Renders representative pages of the default review to PNG for the docs (needs pdftoppm, from poppler-utils).
// Which page shows what is read from the build's own layout, so the pictures follow the review as it changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../dist/pipeline.js';
import { defaultDataDir, packageRoot } from '../dist/input/paths.js';

const result = await buildReport({ data: defaultDataDir });
const pdf = join(mkdtempSync(join(tmpdir(), 'annual-review-pictures-')), 'review.pdf');
writeFileSync(pdf, result.pdf);

const firstPage = (text) => result.layout.headings.find((h) => h.text === text)?.page;
const pages = {
  cover: 0,
  contents: 1,
  text: firstPage('The year in review'),
  figures: firstPage('The year in figures'),
  discrepancies: firstPage('Where the sources disagree'),
  continued: result.layout.continuedTables[0] === undefined ? undefined : result.layout.continuedTables[0] - 1,
  sources: firstPage('Sources'),
};
for (const [name, index] of Object.entries(pages)) {
  if (index === undefined) continue;
  const page = String(index + 1);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', page, '-l', page, '-singlefile', pdf, join(packageRoot, 'docs', 'images', name)]);
  process.stdout.write(`docs/images/${name}.png ← page ${page}\n`);
}
