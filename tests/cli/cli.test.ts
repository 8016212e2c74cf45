// The command line as a user meets it: exit codes, located errors, and an existing PDF never replaced by a broken one.
// Run in this process (program.test.ts runs the program itself).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, packageRoot } from '../../src/input/paths.js';
import { readPdf } from '../pdf-reader.js';
import { runCli as run, type CliRun } from '../support.js';

let work: string;
let pdfPath: string;
let goodBytes: Buffer;

/** A copy of the default dataset with one file changed. */
function brokenDataset(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(work, 'data-'));
  cpSync(defaultDataDir, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

async function expectFailureKeepsPdf(running: Promise<CliRun>, pattern: RegExp): Promise<void> {
  const result = await running;
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toMatch(pattern);
  expect(Buffer.compare(readFileSync(pdfPath), goodBytes)).toBe(0);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'annual-review-cli-'));
  pdfPath = join(work, 'review.pdf');
  // With --png: one build serves the tests of the exports, PNGs included.
  const r = await run('build', '--png', '--out', pdfPath);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  goodBytes = readFileSync(pdfPath);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('annual-review build', () => {
  it('writes the PDF and its exports', () => {
    expect(goodBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const json = JSON.parse(readFileSync(join(work, 'review', 'discrepancies.json'), 'utf8')) as { discrepancies: unknown[] };
    expect(json.discrepancies.length).toBeGreaterThan(0);
    expect(readFileSync(join(work, 'review', 'charts', 'year-on-year.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('exports each chart as SVG a browser opens, as PNG with --png, and with a record of its caption', async () => {
    const pdf = await readPdf(goodBytes);
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    const dir = join(work, 'review', 'charts');
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.replace('.svg', ''));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      // A standalone SVG document: the namespace a browser needs, and text as text.
      expect(readFileSync(join(dir, `${name}.svg`), 'utf8')).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      const record = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { number: number; caption: string; width: number; height: number; png: string; alt: string };
      // The caption is the one the PDF prints under "Figure n.".
      expect(text).toContain(`Figure ${record.number}. ${record.caption.replace(/\s+/g, ' ').slice(0, 60)}`);
      expect(record.alt.length).toBeGreaterThan(80);
      // Labelled for screen readers and file browsers with the caption and the alt text; fonts with a fallback.
      const svg = readFileSync(join(dir, `${name}.svg`), 'utf8');
      const unescape = (t: string) =>
        t
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      expect(unescape(/<svg[^>]*><title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '')).toBe(record.caption);
      expect(unescape(/<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '')).toBe(record.alt);
      expect(svg).not.toMatch(/font-family="[^",]*"/);
      const png = readFileSync(join(dir, record.png));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Twice the chart's size in points.
      expect(png.readUInt32BE(16)).toBe(Math.ceil(record.width * 2));
      expect(png.readUInt32BE(20)).toBe(Math.ceil(record.height * 2));
    }
  });

  it('reports broken YAML with file, line and column, and keeps the previous PDF', async () => {
    const data = brokenDataset('claims.yaml', (t) => t.replace(/\n {4}source: /, '\n    source: [unclosed\n'));
    await expectFailureKeepsPdf(run('build', '--data', data, '--out', pdfPath), /claims\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('reports a claim citing an unknown source, with its field path and a suggestion', async () => {
    const data = brokenDataset('claims.yaml', (t) => t.replace(/(\n {4}source: )([a-z0-9-]+)/, '$1$2x'));
    await expectFailureKeepsPdf(run('build', '--data', data, '--out', pdfPath), /claims\.yaml:\d+:\d+: claims\[0\]\.source: unknown source "[a-z0-9-]+x" \(did you mean "[a-z0-9-]+"\?\)/);
  });

  it('reports a template syntax error in the file that has it', async () => {
    const template = mkdtempSync(join(work, 'template-'));
    mkdirSync(join(template, 'partials'));
    writeFileSync(join(template, 'partials', 'cover.md.hbs'), '# {{meta.title}\n');
    await expectFailureKeepsPdf(run('build', '--template', template, '--out', pdfPath), /partials\/cover\.md\.hbs:1(:\d+)?: template syntax error/);
  });

  it('reports theme mistakes at their line: an unknown key, a bad colour, a missing logo', async () => {
    const template = mkdtempSync(join(work, 'theme-'));
    const theme = (text: string) => {
      writeFileSync(join(template, 'theme.yaml'), text);
      return run('build', '--template', template, '--out', pdfPath);
    };
    await expectFailureKeepsPdf(theme('colors:\n  accent: "#0b4f6c"\ncolours:\n  text: "#000"\n'), /theme\.yaml:3:1: colours: unknown field/);
    await expectFailureKeepsPdf(theme('colors:\n  accent: "teal"\n'), /theme\.yaml:2:11: colors\.accent: /);
    await expectFailureKeepsPdf(theme('cover:\n  logo: crest.svg\n'), /theme\.yaml:2:9: cover\.logo: no such file "crest\.svg"/);
  });

  it('refuses a theme font that lacks letters the review sets, at the template line that wrote them, naming the font and the letters', async () => {
    const template = mkdtempSync(join(work, 'font-'));
    // Liberation Sans has no Vietnamese letters with stacked marks.
    const dir = join(packageRoot, 'node_modules', 'pdfjs-dist', 'standard_fonts');
    const file = (style: string) => join(dir, `LiberationSans-${style}.ttf`);
    writeFileSync(join(template, 'theme.yaml'), `fonts:\n  sans:\n    regular: ${file('Regular')}\n    bold: ${file('Bold')}\n    italic: ${file('Italic')}\n    boldItalic: ${file('BoldItalic')}\n`);
    await expectFailureKeepsPdf(
      run('build', '--template', template, '--out', pdfPath),
      /\.md\.hbs:\d+:\d+: the font of fonts\.sans\.regular \([^)]*LiberationSans-Regular\.ttf\) has no glyph for .*"ạ" \(U\+1EA1\).*which the text written here sets \(e\.g\. in "[^"]*[ạằặịếồộ]/,
    );
  });

  it('takes one text from a template folder and the rest from the built-in locale, and locates a mistyped key', async () => {
    const template = mkdtempSync(join(work, 'locale-'));
    mkdirSync(join(template, 'locales'));
    writeFileSync(join(template, 'locales', 'en.yaml'), 'layout:\n  contents: Table of contents\n');
    const out = join(work, 'own-words.pdf');
    expect((await run('build', '--template', template, '--out', out)).status).toBe(0);
    const pdf = await readPdf(readFileSync(out));
    expect(pdf.pages[1]).toContain('Table of contents');
    expect(pdf.pages[2]).toMatch(/Page 3 of \d+/);
    writeFileSync(join(template, 'locales', 'en.yaml'), 'layout:\n  contents: Table of contents\n  contnued: x\n');
    await expectFailureKeepsPdf(run('build', '--template', template, '--out', pdfPath), /en\.yaml:3:3: layout\.contnued: not a key of the template's texts \(did you mean "layout\.continued"\?\)/);
    await expectFailureKeepsPdf(run('build', '--locale', 'vii', '--out', pdfPath), /unknown locale "vii"; the template offers en, vi \(did you mean "vi"\?\)/);
  });

  it('sets the paper size by option, over the theme', async () => {
    const out = join(work, 'letter.pdf');
    expect((await run('build', '--page-size', 'letter', '--out', out)).status).toBe(0);
    const { sizes } = await readPdf(readFileSync(out));
    expect(new Set(sizes.map((s) => `${s.width} x ${s.height}`))).toEqual(new Set(['612 x 792']));
    expect((await run('build', '--page-size', 'a5', '--out', out)).status).toBe(2);
  });

  it('rejects wrong usage with exit code 2', async () => {
    expect((await run('frobnicate')).status).toBe(2);
    expect((await run('build', '--no-such-flag')).status).toBe(2);
    expect((await run('discrepancies', '--format', 'xml')).status).toBe(2);
  });
});

describe('annual-review validate and discrepancies', () => {
  it('validates the default dataset', async () => {
    const r = await run('validate');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/valid — \d+ sources/);
  });

  it('prints the discrepancies as JSON and CSV', async () => {
    const json = await run('discrepancies', '--format', 'json');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { discrepancies: { id: string; explanation: string }[] };
    expect(report.discrepancies[0]?.id).toBe('D1');
    const csv = await run('discrepancies', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('id,rule,severity,metric,period,claims,sources,printed,gap,explanation');
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(report.discrepancies.length + 1);
  });
});

describe('the normalised dataset export', () => {
  it('is written by build and printed by validate --json, byte for byte the same', async () => {
    const printed = await run('validate', '--json');
    expect(printed.status).toBe(0);
    expect(readFileSync(join(work, 'review', 'dataset.json'), 'utf8')).toBe(printed.stdout);
    const data = JSON.parse(printed.stdout) as Record<string, unknown[]>;
    expect(Object.keys(data)).toEqual(['claims', 'events', 'meta', 'metrics', 'narrative', 'partnerships', 'people', 'sources']);
    expect(Object.keys(data.claims![0] as object)).toEqual(Object.keys(data.claims![0] as object).sort());
    expect(printed.stdout).not.toContain('"positions"');
  });

  it('prints text in NFC whatever the files hold', async () => {
    const nfd = 'Vi\u0065\u0323\u0302t Nam';
    const data = brokenDataset('review.yaml', (t) => t.replace(/^title: .*$/m, `title: "${nfd}"`));
    const printed = await run('validate', '--json', '--data', data);
    expect(printed.status).toBe(0);
    const meta = (JSON.parse(printed.stdout) as { meta: { title: string } }).meta;
    expect(meta.title).toBe(nfd.normalize('NFC'));
    expect(meta.title).not.toBe(nfd);
  });
});
