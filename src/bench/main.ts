// `npm run bench`: the default review built cold (fresh processes) and warm (in-process, repeated), with a
// per-stage breakdown, plus the discrepancy engine on a large synthetic dataset.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../input/paths.js';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const out = mkdtempSync(join(tmpdir(), 'annual-review-bench-'));
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  try {
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'build', '--out', join(out, 'cold.pdf')], { encoding: 'utf8' });
      cold.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`cold build failed: ${r.stderr}`);
    }
    const { buildReport } = await import('../pipeline.js');
    const warm: number[] = [];
    const stages: Record<string, number[]> = {};
    let pages = 0;
    let bytes = 0;
    await buildReport({ data: defaultDataDir });
    for (let i = 0; i < runs * 2; i++) {
      const t0 = performance.now();
      const result = await buildReport({ data: defaultDataDir });
      warm.push(performance.now() - t0);
      for (const [stage, t] of Object.entries(result.timings)) (stages[stage] ??= []).push(t);
      pages = result.layout.pages;
      bytes = result.pdf.length;
    }
    const rss = process.memoryUsage().rss;

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

    const lines = [
      `default review: ${pages} pages, ${Math.round(bytes / 1024)} KB`,
      `cold build (fresh process, ${runs} runs): median ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`,
      `warm build (in-process, ${warm.length} runs): median ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`,
      ...Object.entries(stages).map(([stage, t]) => `  ${stage.padEnd(16)} median ${ms(median(t))}`),
      `peak resident memory after warm runs: ${Math.round(rss / 1024 / 1024)} MB`,
      `discrepancy engine, ${big.claims.length} synthetic claims: median ${ms(median(engine))}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await main();
