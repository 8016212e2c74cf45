// `annual-review build`: the PDF plus its exports, written only once everything has succeeded.
import { join, resolve, dirname, basename, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { displayPath } from '../../dataset/load.js';
import { formatDiagnostic } from '../../errors.js';
import { discrepanciesCsv, discrepanciesJson } from '../../exports.js';
import { defaultDataDir } from '../../paths.js';
import { buildReport } from '../../pipeline.js';
import { writeFileAtomic } from '../../write.js';
import type { Command } from '../main.js';

export const build: Command = {
  options: {
    data: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    locale: { type: 'string' },
  },
  async run(values) {
    const started = performance.now();
    const result = await buildReport({
      data: resolve(String(values.data ?? defaultDataDir)),
      ...(values.template ? { template: resolve(String(values.template)) } : {}),
      ...(values.locale ? { locale: String(values.locale) } : {}),
    });
    const out = resolve(String(values.out ?? join('output', `${result.review.dataset.meta.id}.pdf`)));
    const exportsDir = join(dirname(out), basename(out, extname(out)));
    writeFileAtomic(out, result.pdf);
    writeFileAtomic(join(exportsDir, 'discrepancies.json'), discrepanciesJson(result.review.discrepancies));
    writeFileAtomic(join(exportsDir, 'discrepancies.csv'), discrepanciesCsv(result.review.discrepancies));
    for (const chart of result.charts) writeFileAtomic(join(exportsDir, 'charts', `${chart.name}.svg`), chart.svg);
    for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `wrote ${displayPath(out)} (${result.layout.pages} pages, ${Math.round(result.pdf.length / 1024)} KB) and exports in ${displayPath(exportsDir)}/ in ${seconds} s\n`,
    );
    return 0;
  },
};
