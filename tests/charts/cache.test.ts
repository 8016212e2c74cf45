// The chart cache on disk: a chart is kept under a hash of its inputs, read back by a later run instead of drawn,
// drawn again when any input changes or the entry is unreadable, and a folder that cannot be written costs nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chartKey, describeChart } from '../../src/charts/cache.js';
import { forgetDrawnCharts, renderChart } from '../../src/charts/index.js';
import { barChart, theme } from './helpers.js';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ar-chart-cache-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entries = (dir: string) => readdirSync(join(dir, 'charts'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
const entryOf = (dir: string, key: string) => join(dir, 'charts', key.slice(0, 2), `${key}.json`);

/** A chart drawn by a new process would: nothing served from this process's memory. */
const drawnAfresh = (input: ReturnType<typeof barChart>, dir?: string) => {
  forgetDrawnCharts();
  return renderChart(input, theme, undefined, dir);
};

describe('the chart cache', () => {
  it('keeps a drawn chart and serves it to a later run instead of drawing it', async () => {
    const dir = folder();
    const input = barChart([{ label: 'kept', value: 7 }]);
    const drawn = await drawnAfresh(input, dir);
    expect(entries(dir)).toHaveLength(1);
    // A later run reads what the entry holds: change the kept drawing and the change comes back.
    const path = entryOf(dir, chartKey(input, theme));
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { svg: string };
    writeFileSync(path, JSON.stringify({ ...entry, svg: entry.svg.replace('<svg', '<svg data-kept="yes"') }));
    expect((await drawnAfresh(input, dir)).svg).toContain('data-kept="yes"');
    // Without the folder the chart is drawn, and it is the drawing that was kept.
    expect((await drawnAfresh(input)).svg).toBe(drawn.svg);
  });

  it('draws again when the data, the spec or the theme change', async () => {
    const dir = folder();
    const input = barChart([{ label: 'a', value: 1 }]);
    const key = chartKey(input, theme);
    expect(chartKey(barChart([{ label: 'a', value: 2 }]), theme)).not.toBe(key);
    expect(chartKey(barChart([{ label: 'a', value: 1 }], { mark: { type: 'bar', clip: true } }), theme)).not.toBe(key);
    expect(chartKey(input, { ...theme, fontSize: theme.fontSize + 1 })).not.toBe(key);
    expect(chartKey(input, { ...theme, fonts: { ...theme.fonts, bold: theme.fonts.regular } })).not.toBe(key);
    expect(chartKey(barChart([{ label: 'a', value: 1 }]), theme)).toBe(key);
    await drawnAfresh(input, dir);
    await drawnAfresh(barChart([{ label: 'a', value: 2 }]), dir);
    expect(entries(dir)).toHaveLength(2);
  });

  it('draws over an entry it cannot read and writes it anew', async () => {
    const dir = folder();
    const input = barChart([{ label: 'torn', value: 4 }]);
    const drawn = await drawnAfresh(input, dir);
    const path = entryOf(dir, chartKey(input, theme));
    for (const broken of ['', '{"svg": "<svg', JSON.stringify({ svg: 1 }), JSON.stringify({ ...drawn, key: 'another' })]) {
      writeFileSync(path, broken);
      expect((await drawnAfresh(input, dir)).svg).toBe(drawn.svg);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ svg: drawn.svg });
    }
  });

  it('draws and keeps nothing when the folder cannot be written', async () => {
    // A file where the folder should be: not writable as a folder by anyone, root included.
    const file = join(folder(), 'not-a-folder');
    writeFileSync(file, 'x');
    const input = barChart([{ label: 'unwritable', value: 5 }]);
    expect((await drawnAfresh(input, file)).svg).toContain('<svg');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('what decides a chart', () => {
  it('is the data the spec names, not the other datasets given beside it', () => {
    const input = barChart([{ label: 'a', value: 1 }]);
    const beside = { ...input, data: { ...input.data, unread: [{ x: 1 }] } };
    const changed = { ...input, data: { ...input.data, unread: [{ x: 2 }] } };
    // The names given count (a message about an unknown dataset lists them); the values of one not read do not.
    expect(describeChart(beside, theme)).not.toBe(describeChart(input, theme));
    expect(describeChart(changed, theme)).toBe(describeChart(beside, theme));
    expect(describeChart(barChart([{ label: 'a', value: 2 }]), theme)).not.toBe(describeChart(input, theme));
  });
});
