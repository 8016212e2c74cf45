// The README's examples run as written: the library example, the worked template example (cover, colour and a
// section of one's own) whose PDF is compared page by page with the default review, and every helper's example in
// both locales.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/document.js';
import { loadLocale } from '../../src/locale/index.js';
import { parseMarkup } from '../../src/markup/index.js';
import { builtinTemplateDir, defaultDataDir, packageRoot } from '../../src/input/paths.js';
import { buildReport, loadReview } from '../../src/pipeline.js';
import { templateContext } from '../../src/template/context.js';
import { compileTemplate, MAIN_TEMPLATE } from '../../src/template/environment.js';
import { createHelpers } from '../../src/template/helpers.js';
import { readPageColours, readPdf } from '../pdf-reader.js';
import { defaultBuild, defaultPdf, folderMaker } from '../support.js';

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'annual-review-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const folder = folderMaker('annual-review-helper-');

const section = (title: string) => readme.split(`\n## ${title}\n`)[1]?.split('\n## ')[0] ?? '';

/** The rows of the Helpers table: helper (blank on a helper's further examples), example, and what it writes in en and vi. */
function helperRows() {
  const row = /^\|\s*(?:`(\w+)`)?\s*\|[^|]*\|\s*`([^`]+)`\s*\|\s*`([^`]*)`\s*\|\s*`([^`]*)`\s*\|$/;
  return section('Helpers')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| helper '))
    .map((line) => {
      const m = row.exec(line);
      if (!m) throw new Error(`not a row of the helpers table: ${line}`);
      return { helper: m[1], example: m[2]!, en: m[3]!, vi: m[4]! };
    });
}

/** The code block after each `<!-- example: NAME -->` marker. */
function examples(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) out.set(m[1]!, m[2]!);
  return out;
}

describe('the README', () => {
  it('keeps the quick start to the two command lines', () => {
    const quick = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quick?.trim().split('\n')).toEqual(['npm ci && npm run report', 'npm test']);
  });

  it('has a library example that runs as written, against the package name', async () => {
    const code = examples().get('library');
    expect(code).toContain("from 'annual-review'");
    // Inside the package, `annual-review` resolves to itself through its exports.
    const file = join(packageRoot, `.readme-example-${process.pid}.mjs`);
    writeFileSync(file, code!);
    try {
      const printed = execFileSync(process.execPath, [file], { cwd: packageRoot, encoding: 'utf8' });
      const said = /^(\d+) pages, (\d+) discrepancies, (\d+) bytes\nwrote (.*letter\.pdf) and .*letter\/\n$/.exec(printed);
      expect(said, printed).not.toBeNull();
      // What it printed is the Vietnamese review: the same build here (the output is deterministic) has those bytes.
      const vi = await defaultBuild('vi');
      const [pages, discrepancies, bytes, out] = said!.slice(1) as [string, string, string, string];
      expect(Number(bytes)).toBe(vi.pdf.length);
      expect(Number(pages)).toBe((await defaultPdf('vi')).pages.length);
      expect(Number(discrepancies)).toBe(vi.review.discrepancies.discrepancies.length);
      // The file it wrote is a PDF on US Letter paper (612 × 792 points).
      const letter = await readPdf(readFileSync(out));
      expect(letter.sizes[0]).toEqual({ width: 612, height: 792 });
      expect(letter.pages.length).toBeGreaterThan(0);
    } finally {
      rmSync(file, { force: true });
    }
  }, 180_000);

  it('has a worked template example that changes the cover, the colour and adds a section, and nothing else', async () => {
    const files = [...examples()].filter(([name]) => name.startsWith('my-template/'));
    expect(files.map(([name]) => name).sort()).toEqual(['my-template/partials/cover.md.hbs', 'my-template/partials/method.md.hbs', 'my-template/report.md.hbs', 'my-template/theme.yaml']);
    for (const [name, text] of files) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), text);
    }
    const [mine, theirs] = await Promise.all([buildReport({ data: defaultDataDir, template: join(work, 'my-template') }), defaultBuild()]);
    const [a, b] = await Promise.all([readPdf(mine.pdf), defaultPdf()]);
    // The cover says the Institute's words, in its colour.
    expect(a.pages[0]).toContain('A briefing of the Institute for Regional Studies');
    expect((await readPageColours(mine.pdf))[0]).toContain('#7a1f3d');
    expect((await readPageColours(theirs.pdf))[0]).not.toContain('#7a1f3d');
    // The new section has a page of its own, listed in the contents; every page after it is the default's page.
    const method = mine.layout.headings.find((h) => h.text === 'How we read the sources');
    expect(method).toBeDefined();
    expect(a.pages[1]).toMatch(/How we read the sources[ .]*\d/);
    expect(a.pages.length).toBe(b.pages.length + 1);
    // Page numbers move on by one: the footer and the appendix's "Cited on pages" say so, and nothing else differs.
    const body = (pages: string[], from: number) => pages.slice(from).map((p) => p.replace(/Page \d+ of \d+/, '').replace(/Cited on pages? [\d, ]+\./g, ''));
    expect(body(a.pages, method!.page + 1)).toEqual(body(b.pages, method!.page));
  });

  it('shows every helper, and each example writes what the table says in both locales', () => {
    const rows = helperRows();
    const en = loadLocale([builtinTemplateDir], 'en');
    const named = rows.map((r) => r.helper).filter((h): h is string => h !== undefined);
    expect(named.sort()).toEqual(Object.keys(createHelpers(Handlebars.SafeString, en)).sort());
    for (const name of ['en', 'vi'] as const) {
      const locale = loadLocale([builtinTemplateDir], name);
      const context = templateContext(loadReview(defaultDataDir, locale), locale.labels, locale.name);
      for (const r of rows) {
        const dir = folder({ [MAIN_TEMPLATE]: r.example });
        expect(compileTemplate([dir], MAIN_TEMPLATE, locale).render(context).text.trim(), `${r.example} in ${name}`).toBe(r[name]);
      }
    }
  });

  it('says how the citation and figure Markdown of its examples print', () => {
    const review = loadReview(defaultDataDir);
    const rows = helperRows();
    const said = /`:cite\[…\]` prints as `([^`]+)` and `:fig\[…\]` as `([^`]+)`/.exec(section('Helpers'));
    expect(said).not.toBeNull();
    const text = (blocks: Block[]) => blocks.map((b) => ('spans' in b ? b.spans.map((x) => x.text).join('') : '')).join('');
    const printed = (helper: string) => {
      const { blocks, diagnostics } = parseMarkup(rows.find((r) => r.helper === helper)!.en, review.cite, 'README.md');
      expect(diagnostics).toEqual([]);
      return text(blocks);
    };
    expect(printed('cite')).toBe(said![1]);
    expect(printed('fig')).toBe(said![2]);
  });
});
