// `annual-review build`: the PDF plus its exports, written only once everything has succeeded.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { displayPath } from '../../dataset/load.js';
import { formatDiagnostic } from '../../errors.js';
import { buildReportToFile } from '../../index.js';
import { defaultDataDir } from '../../paths.js';
import { PAGE_SIZES, type PageSize } from '../../theme.js';
import { UsageError, type Command } from '../command.js';

/** "a4" / "letter" in any case → the theme's page size name. */
function pageSizeOption(value: string): PageSize {
  const size = value.toUpperCase();
  if (size in PAGE_SIZES) return size as PageSize;
  throw new UsageError(`--page-size must be one of ${Object.keys(PAGE_SIZES).map((k) => k.toLowerCase()).join(', ')}, not "${value}"`);
}

export const build: Command = {
  options: {
    data: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    locale: { type: 'string' },
    'page-size': { type: 'string' },
  },
  async run(values) {
    const started = performance.now();
    const result = await buildReportToFile({
      data: resolve(String(values.data ?? defaultDataDir)),
      ...(values.out ? { out: resolve(String(values.out)) } : {}),
      ...(values.template ? { template: resolve(String(values.template)) } : {}),
      ...(values.locale ? { locale: String(values.locale) } : {}),
      ...(values['page-size'] ? { pageSize: pageSizeOption(String(values['page-size'])) } : {}),
    });
    for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    process.stdout.write(
      `wrote ${displayPath(result.out)} (${result.layout.pages} pages, ${Math.round(result.pdf.length / 1024)} KB) and exports in ${displayPath(result.exportsDir)}/ in ${seconds} s\n`,
    );
    return 0;
  },
};
