// Rebuilds whenever a watched file changes: one warm process, so a rebuild costs the pipeline and not the start-up.
//
// Why node:fs watch and no watcher library: recursive fs.watch works on Linux from Node 19.1 (on macOS and Windows it
// always has), checked on Node 20.20 including folders created while watching, so a watcher library would only add
// a dependency (and polling fallbacks a local editing session does not need). Events are only hints: a burst of them (an editor's
// save is often write + rename + chmod) is gathered and followed by one rebuild once the folder has been quiet for
// DEBOUNCE_MS, and changes arriving during a rebuild queue exactly one more.
import { watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

export const DEBOUNCE_MS = 120;

export interface WatchLoop {
  /** Resolves after the last rebuild has finished, once the watchers are closed. */
  close(): Promise<void>;
}

/**
 * Watches `dirs` recursively and calls `rebuild` with the changed paths after each quiet spell, never two at once.
 * `ignore` drops paths the rebuild itself writes (the PDF, its exports, temporary files), or it would wake itself.
 */
export function watchAndRebuild(dirs: readonly string[], rebuild: (changed: string[]) => Promise<void>, ignore: (path: string) => boolean): WatchLoop {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    if (running || closed || !pending.size) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = rebuild(changed).finally(() => {
      running = undefined;
      if (pending.size && !closed) schedule();
    });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  const watchers: FSWatcher[] = [...new Set(dirs)].map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      const path = name ? join(dir, name.toString()) : dir;
      if (ignore(path)) return;
      pending.add(path);
      schedule();
    }),
  );
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
    },
  };
}

/** True for a path at or inside `dir`. */
export const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
