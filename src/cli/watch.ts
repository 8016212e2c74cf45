// Rebuilds whenever a watched file changes: one warm process, so a rebuild costs the pipeline and not the start-up.
//
// Why chokidar and not recursive fs.watch: Node 20's recursive fs.watch on Linux stops seeing a file once an editor
// saves it by renaming a new copy over it (vim, Emacs, JetBrains safe-write, `sed -i`), and then misses even in-place
// writes of it. chokidar watches each file anew after such a save. Events are only hints: a burst of them (an editor's
// save is often write + rename + chmod) is gathered and followed by one rebuild once the folder has been quiet for
// DEBOUNCE_MS, and changes arriving during a rebuild queue exactly one more.
import { watch } from 'chokidar';
import { sep } from 'node:path';
import { builtinTemplateDir, displayPath } from '../input/paths.js';

export const DEBOUNCE_MS = 120;

export interface WatchLoop {
  /** Resolves once every folder is being watched. */
  ready: Promise<void>;
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
  const watcher = watch([...new Set(dirs)], { ignoreInitial: true, ignored: (path) => ignore(path) });
  watcher.on('all', (_event, path) => {
    pending.add(path);
    schedule();
  });
  return {
    ready: new Promise((done) => watcher.once('ready', () => done())),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
    },
  };
}

/** True for a path at or inside `dir`. */
export const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Never a reason to rebuild: the temporary files of atomic writes (ours and editors' alike), and a version control
 * system's own folder, where a commit or `git gc` writes many files and no input of the review.
 */
const isScratch = (path: string) => /(^|[\\/])\.[^\\/]*(\.tmp|\.lock|\.staging-\d+-\d+)([\\/]|$)/.test(path) || /(^|[\\/])\.(git|hg|svn)([\\/]|$)/.test(path);

/**
 * Rebuilds a report on every change to its dataset, its template folder or the built-in template, printing what
 * changed, until SIGINT or SIGTERM; `written` names what the rebuild itself writes, which must not wake it.
 * Shared by `build --watch` and `preview`.
 */
export async function watchUntilStopped(job: { data: string; template?: string }, rebuild: () => Promise<void>, written: (path: string) => boolean = () => false): Promise<void> {
  const dirs = [job.data, ...(job.template ? [job.template] : []), builtinTemplateDir];
  const loop = watchAndRebuild(
    dirs,
    async (changed) => {
      process.stdout.write(`changed: ${changed.map(displayPath).join(', ')}\n`);
      await rebuild();
    },
    (path) => written(path) || isScratch(path),
  );
  await loop.ready;
  // The handlers first, then the line that invites the signal: a pipe is written synchronously, so a program reading
  // it can send SIGINT before the next statement runs, and without a handler SIGINT kills the process.
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(`watching ${dirs.map(displayPath).join(', ')}; press Ctrl+C to stop\n`);
  await stopped;
  await loop.close();
  process.stdout.write('stopped watching\n');
}
