// `annual-review preview`: the review in the browser, rebuilt on every change. Builds in memory (nothing is written
// to the disk) and serves the last good PDF with the errors of a failed build (preview/server.ts).
import { formatDiagnostic } from '../../errors.js';
import { buildReport } from '../../index.js';
import { importEsm } from '../../esm.js';
import { displayPath } from '../../input/paths.js';
import { UsageError, type Command } from '../command.js';
import { EXIT, formatFailure, toFailure } from '../failure.js';
import { startPreviewServer, type PreviewState } from '../preview/server.js';
import { watchUntilStopped } from '../watch.js';
import { jobsOf } from './build.js';
import { sizeForDatasets, sizedStages } from '../sizing.js';

/** --port: a whole number from 0 (any free port) to 65535. */
function portOption(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port takes a port number (0–65535), not "${value}"`);
  return port;
}

export const preview: Command = {
  options: {
    data: { type: 'string' },
    template: { type: 'string' },
    locale: { type: 'string' },
    'page-size': { type: 'string' },
    'pdf-standard': { type: 'string' },
    limit: { type: 'string', multiple: true },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
  },
  async run(values, positionals) {
    const port = portOption(values.port === undefined ? undefined : String(values.port));
    const [job, ...more] = jobsOf(values, positionals);
    if (!job || more.length) throw new UsageError('preview shows one report: give one dataset folder and at most one locale');
    sizeForDatasets(job.data);
    let server;
    try {
      server = await startPreviewServer(port);
    } catch (e) {
      if ((e as { code?: string }).code === 'EADDRINUSE') throw new UsageError(`--port ${port}: the port is in use; give another or none (any free port)`);
      throw e;
    }
    process.stdout.write(`preview at ${server.url}\n`);
    let good: Pick<PreviewState, 'title' | 'pages' | 'places'> = { title: '', pages: 0, places: { discrepancies: [], figures: [] } };
    const attempt = async () => {
      try {
        const result = await buildReport({ ...job, ...sizedStages() });
        for (const w of result.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
        good = { title: result.document.info.title, pages: result.layout.pages, places: result.places };
        server.publish({ ok: true, errors: [], ...good }, result.pdf);
        process.stdout.write(`built ${displayPath(job.data)} (${result.layout.pages} pages)\n`);
      } catch (e) {
        const failure = toFailure(e);
        if (failure.kind === 'internal') throw e;
        const text = formatFailure(failure, 'annual-review preview');
        process.stderr.write(text);
        server.publish({ ok: false, errors: text.trimEnd().split('\n'), ...good });
      }
    };
    try {
      if (!values['no-open']) {
        const { default: open } = await importEsm<typeof import('open')>('open');
        // The browser opens while the first build runs; the page shows it when it is ready.
        open(server.url).catch((e: unknown) => process.stderr.write(`annual-review preview: could not open a browser (${e instanceof Error ? e.message : String(e)}); open ${server.url}\n`));
      }
      await attempt();
      await watchUntilStopped(job, attempt);
    } finally {
      await server.close();
    }
    return EXIT.ok;
  },
};
