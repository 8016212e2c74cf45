// `npm run bench`: for the default review and for larger datasets, the build's cold time (a fresh process of the
// CLI: the first with an empty cache folder, reported apart, then with the cache as later builds find it: charts
// drawn, text shaped and the program compiled), its warm
// time (in one process: charts from memory, and drawn afresh), peak memory, and the time of each stage; then the
// discrepancy engine on a large synthetic dataset. With a peer benchmark folder (BENCH_PEERS, or ../shared/bench
// beside the package when it is there) the ×10 and ×100 datasets are made by its scale/gen.mjs and Typst's cold time
// on the same machine gives the ratios. Times are medians; the machine's load is printed with them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, packageRoot } from '../input/paths.js';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
/** Prints the process's peak resident memory on standard error as it exits. */
const peakProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss '+process.resourceUsage().maxRSS*1024+'\\n'))`;

interface Run {
  ms: number;
  rss: number;
}

/** One build of `data` in a fresh process of the CLI, with the cache folder `cache`. */
function coldRun(data: string, out: string, cache: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', peakProbe, cli, 'build', data, '--out', out, '--cache-dir', cache, '--quiet', '--limit', 'claims=1000000'], { encoding: 'utf8' });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`the build of ${data} failed: ${r.stderr}`);
  return { ms: elapsed, rss: Number(/peak-rss (\d+)/.exec(r.stderr)?.[1] ?? 0) };
}

/** A peer's cold time: `peers/run-peer.sh NAME OUT` of the peer benchmark folder, in a fresh process each run. */
function peerCold(peers: string, name: string, out: string, runs: number): number | undefined {
  const script = join(peers, 'peers', 'run-peer.sh');
  if (!existsSync(script)) return undefined;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(script, [name, join(out, `${name}.pdf`)], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The datasets measured: the default review, and ×10 and ×100 copies of it when the scale generator is there. */
function datasets(peers: string | undefined, out: string, runs: number): { name: string; dir: string; runs: number }[] {
  const list = [{ name: 'default', dir: defaultDataDir, runs }];
  const gen = peers && join(peers, 'scale', 'gen.mjs');
  if (!gen || !existsSync(gen)) return list;
  for (const factor of [10, 100]) {
    const dir = join(out, `x${factor}`);
    const r = spawnSync(process.execPath, [gen, '--repo', packageRoot, '--factor', String(factor), '--out', dir], { encoding: 'utf8' });
    if (r.status === 0) list.push({ name: `×${factor}`, dir, runs: factor >= 100 ? 1 : Math.min(runs, 3) });
    else process.stderr.write(`bench: could not make the ×${factor} dataset: ${r.stderr}\n`);
  }
  return list;
}

async function warmRuns(data: string, runs: number, fresh: boolean) {
  const { buildReport } = await import('../pipeline.js');
  const { forgetDrawnCharts } = await import('../charts/index.js');
  await buildReport({ data, limits: { claims: 1_000_000 } });
  const times: number[] = [];
  const stages: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    if (fresh) forgetDrawnCharts();
    const t0 = performance.now();
    const result = await buildReport({ data, limits: { claims: 1_000_000 } });
    times.push(performance.now() - t0);
    for (const [stage, t] of Object.entries(result.timings)) (stages[stage] ??= []).push(t);
  }
  return { median: median(times), stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])) };
}

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'annual-review-bench-'));
  const beside = resolve(packageRoot, '..', 'shared', 'bench');
  const peers = process.env.BENCH_PEERS ? resolve(process.env.BENCH_PEERS) : existsSync(beside) ? beside : undefined;
  const lines: string[] = [
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; node ${process.version}`,
  ];
  try {
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const typst = peers ? peerCold(peers, 'typst', out, runs) : undefined;
    if (peers && typst === undefined) lines.push(`peer benchmark at ${peers}: Typst did not run (set it up with its peers/setup.sh); no ratios`);
    // Typst is timed cold here (a fresh process per run): only cold builds are put beside it.
    const ratio = (x: number) => (typst ? ` (${(x / typst).toFixed(2)}× Typst cold)` : '');
    for (const { name, dir, runs: times } of datasets(peers, out, runs)) {
      const cache = join(out, `cache-${name}`);
      const pdf = join(out, `${name}.pdf`);
      const first = coldRun(dir, pdf, cache);
      const cold = Array.from({ length: times }, () => coldRun(dir, pdf, cache));
      const coldMs = median(cold.map((r) => r.ms));
      const pages = /\/Type\s*\/Page\b/g[Symbol.match](readFileSync(pdf, 'latin1'))?.length ?? 0;
      lines.push(
        `${name} (${pages} pages, ${Math.round(readFileSync(pdf).length / 1024)} KB)`,
        `  cold, first build (empty cache folder): ${ms(first.ms)}${ratio(first.ms)}, peak RSS ${mb(first.rss)}`,
        `  cold (${times} runs, from the cache folder): median ${ms(coldMs)}${ratio(coldMs)}, peak RSS median ${mb(median(cold.map((r) => r.rss)))}`,
      );
      for (const line of lines.splice(0)) process.stdout.write(`${line}\n`);
      // A hundred copies are measured cold only: a process that keeps building them is not how they are built.
      if (name === '×100') continue;
      const warmN = name === 'default' ? times * 2 : 1;
      const memo = await warmRuns(dir, warmN, false);
      const fresh = await warmRuns(dir, warmN, true);
      lines.push(
        `  warm (${warmN} runs in one process): charts from memory ${ms(memo.median)}, charts redrawn ${ms(fresh.median)}`,
        `  stages (warm, charts redrawn): ${Object.entries(fresh.stages)
          .map(([k, v]) => `${k} ${ms(v)}`)
          .join(', ')}`,
      );
    }
    if (typst) lines.push(`Typst cold (peers/run-peer.sh typst, same machine): median ${ms(typst)}`);

    const { syntheticDataset } = await import('./synthetic.js');
    const { findDiscrepancies } = await import('../analysis/discrepancies/index.js');
    const { loadLocale } = await import('../locale/index.js');
    const { templateDirs, wordingOf } = await import('../pipeline.js');
    const wording = wordingOf(loadLocale(templateDirs()));
    const big = syntheticDataset(10_000);
    const engine: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      findDiscrepancies(big, wording);
      engine.push(performance.now() - t0);
    }
    lines.push(`discrepancy engine, ${big.claims.length} synthetic claims: median ${ms(median(engine))}`);
    for (const line of lines) process.stdout.write(`${line}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
