// Writes a review's output set (the PDF and its exports folder) as one transaction: every file is written into a
// staging folder beside the target and flushed to disk; only when all of them are there does the set replace the
// previous one, under a lock, by two renames. A failed or killed build leaves the previous set as it was; the
// staging folder of a killed build is cleaned (or its half-made move undone) by the next build to the same target.
import { closeSync, existsSync, fsync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import writeFileAtomicModule from 'write-file-atomic';
import { displayPath } from '../input/paths.js';
import { error, ReviewError } from '../errors.js';

/** What a build writes: the PDF's bytes and, optionally, the files of its exports folder by relative path. */
export interface OutputSet {
  /** The PDF's bytes, whole or in parts written one after another (`pdfParts`), or written already (`stagePdf`). */
  pdf: Uint8Array | readonly Uint8Array[] | StagedPdf;
  /** "charts/x.svg" → content. */
  exports?: ReadonlyMap<string, Uint8Array | string>;
}

export interface WriteOptions {
  /** How long to wait for another build writing the same target (default one minute). */
  lockTimeoutMs?: number;
  /**
   * Names an earlier set's exports folder may hold at its top besides this set's (a `charts` folder when this
   * build draws none). A folder holding anything else is not an exports folder and is never replaced.
   */
  exportNames?: readonly string[];
}

/**
 * The exports folder of a PDF: beside it, named after it without `.pdf` (`report.pdf` → `report/`); a target
 * not ending in `.pdf` keeps its whole name and gets `.exports` (`report` → `report.exports/`), so the two never
 * share a path.
 */
export function exportsDirFor(target: string): string {
  const name = basename(target);
  return join(dirname(target), /\.pdf$/i.test(name) && name.length > 4 ? name.slice(0, -4) : `${name}.exports`);
}

/** The names of the staging folders and lock file beside a target. */
const stagingPrefix = (target: string) => `.${basename(target)}.staging-`;
const lockPath = (target: string) => join(dirname(target), `.${basename(target)}.lock`);

let stagings = 0;

/** A new staging folder beside the target. */
function newStaging(target: string): string {
  const staging = join(dirname(target), `${stagingPrefix(target)}${process.pid}-${++stagings}`);
  mkdirSync(staging);
  return staging;
}

const messages = {
  isFolder: () => 'is a folder: give a file name for the PDF (or --out-dir for a folder)',
  collision: (path: string) => `the exports folder "${path}" would replace a file that is not a folder`,
  foreign: (path: string, names: readonly string[]) =>
    `the exports folder "${path}" holds ${names.map((n) => `"${n}"`).join(', ')}, which no review exports: it is not replaced`,
  locked: (pid: string, seconds: number) => `another build (process ${pid}) has been writing this file for ${seconds} s; nothing was written`,
  write: (detail: string) => `cannot write the output: ${detail}`,
};

/** An operating system's refusal as a sentence a user can act on. */
function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const where = err.path ? ` (${displayPath(err.path)})` : '';
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied${where}`;
    case 'EROFS':
      return `the file system is read-only${where}`;
    case 'ENOSPC':
      return `no space left on the device${where}`;
    case 'EDQUOT':
      return `the disk quota is exhausted${where}`;
    case 'EFBIG':
      return `a file is larger than the file system or the process's file size limit allows${where}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `a part of the path is a file, not a folder${where}`;
    case 'ENAMETOOLONG':
      return `the file name is too long${where}`;
    case 'EISDIR':
      return `a folder stands where a file should go${where}`;
    default:
      return err.code ? `${err.code}: ${err.message}` : String(e);
  }
}

const outputError = (target: string, e: unknown) =>
  e instanceof ReviewError ? e : new ReviewError([error('output/write', messages.write(describeFsError(e)), { file: displayPath(target) }, 'the previous output, if any, is unchanged')]);

/** Writes all of `data` to the file, at `at` (else where the file's last write ended): `writeSync` may write less. */
function writeAll(fd: number, data: Uint8Array, at?: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, at === undefined ? null : at + done);
}

/** Writes bytes to a new file, and leaves it open for `flushAll` to flush to the disk. */
function writeOpen(path: string, bytes: Uint8Array | string | readonly Uint8Array[]): number {
  const fd = openSync(path, 'wx');
  try {
    for (const data of typeof bytes === 'string' ? [Buffer.from(bytes)] : bytes instanceof Uint8Array ? [bytes] : bytes) writeAll(fd, data);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/**
 * Flushes the files written to the disk and closes them. All at once, on Node's threads: a set's files (the PDF and
 * a dozen exports) are flushed together instead of one after another (about 10 ms of each build).
 */
async function flushAll(fds: readonly number[]): Promise<void> {
  // Every flush ends before any file is closed (a file closed while flushed could be another by then).
  const flushed = await Promise.allSettled(fds.map((fd) => new Promise<void>((done, fail) => fsync(fd, (e) => (e ? fail(e) : done())))));
  for (const fd of fds) closeSync(fd);
  const failed = flushed.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Flushes a folder's entries (new names, renames) to the disk; not every system lets a folder be opened for this. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the renames are still made.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const alive = (pid: number) => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The staging folder's layout: `pdf`, `exports/`, and while the set is being moved, the previous exports in `previous/` (or the marker `previous.none`). */
const PDF = 'pdf';
/** Bytes a staged PDF sets aside while it is made (`StagedPdf.setAside`). */
const ASIDE = 'aside';
const EXPORTS = 'exports';
const PREVIOUS = 'previous';
const NO_PREVIOUS = 'previous.none';

/**
 * Leaves no trace of builds that died: a staging folder of a process that is gone is removed, after undoing a move
 * it had started (its exports in place but not its PDF: the previous exports come back). The PDF's temporary
 * of the older one-file writer (`.<name>.<pid>.tmp`) goes too; its temporaries inside the exports folder leave
 * with the folder it replaces. Called under the lock.
 */
function cleanStale(target: string): void {
  const dir = dirname(target);
  const exportsDir = exportsDirFor(target);
  const prefix = stagingPrefix(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const legacy = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(\\d+)\\.tmp$`).exec(name);
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split('-')[0]) : legacy ? Number(legacy[1]) : undefined;
    if (pid === undefined || pid === process.pid || alive(pid)) continue;
    const stale = join(dir, name);
    if (!legacy) undoHalfMove(stale, exportsDir);
    rmSync(stale, { recursive: true, force: true });
  }
}

/** A move interrupted after the exports went in but before the PDF did: put the previous exports back. */
function undoHalfMove(stale: string, exportsDir: string): void {
  const moving = existsSync(join(stale, PREVIOUS)) || existsSync(join(stale, NO_PREVIOUS));
  if (!moving || !existsSync(join(stale, PDF))) return; // not started, or the PDF is in place: the set is whole
  if (!existsSync(join(stale, EXPORTS))) rmSync(exportsDir, { recursive: true, force: true });
  if (existsSync(join(stale, PREVIOUS)) && !existsSync(exportsDir)) renameSync(join(stale, PREVIOUS), exportsDir);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Takes the target's lock (a file created exclusively, holding the owner's pid); a dead owner's lock is broken. */
async function lock(target: string, timeoutMs: number): Promise<() => void> {
  const path = lockPath(target);
  const started = Date.now();
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = '';
    try {
      owner = readFileSync(path, 'utf8').trim();
    } catch {
      continue; // released meanwhile
    }
    if (owner !== '' && !alive(Number(owner))) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() - started >= timeoutMs) {
      throw new ReviewError([error('output/locked', messages.locked(owner, Math.round((Date.now() - started) / 1000)), { file: displayPath(target) }, `if no build is running, delete ${displayPath(path)}`)]);
    }
    await sleep(25);
  }
}

/**
 * A PDF written as it is made: into a staging folder of its own beside the target, as `writeOutputSet` stages a set,
 * which then takes it up with the exports, so that a large review's bytes need not be kept until the end. `write`
 * puts bytes at their place in the file (a disk that refuses them throws the error `writeOutputSet` gives); `abandon`
 * removes the folder, for a build that fails before its set is written. A killed build's folder is cleaned by the
 * next build to the same target, as any staging folder is.
 */
export interface StagedPdf {
  readonly target: string;
  /** The file's size: the end of the last bytes written. */
  readonly size: number;
  write(bytes: Uint8Array, position: number): void;
  /** Keeps bytes in a file of the staging folder until the function returned reads them back (see `PdfSink`). */
  setAside(bytes: Uint8Array): () => Buffer;
  abandon(): void;
}

/** What `writeOutputSet` takes up from a staged PDF: its folder and the file, still open. */
const stagedFiles = new WeakMap<StagedPdf, { staging: string; take(): number | undefined }>();

/** A staged PDF for `target` (see StagedPdf). Throws the error `writeOutputSet` gives when the folder cannot be made. */
export function stagePdf(target: string): StagedPdf {
  const out = resolve(target);
  let staging: string | undefined;
  let fd: number | undefined;
  try {
    mkdirSync(dirname(out), { recursive: true });
    staging = newStaging(out);
    fd = openSync(join(staging, PDF), 'wx');
  } catch (e) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    throw outputError(out, e);
  }
  const folder = staging;
  let size = 0;
  // The file of bytes set aside, opened when the first are, and its size.
  let aside: number | undefined;
  let asideSize = 0;
  const closeAside = () => {
    if (aside !== undefined) closeSync(aside);
    aside = undefined;
  };
  const staged: StagedPdf = {
    target: out,
    get size() {
      return size;
    },
    write(bytes, position) {
      if (fd === undefined) throw new Error('the staged PDF was taken up or abandoned');
      try {
        writeAll(fd, bytes, position);
      } catch (e) {
        throw outputError(out, e);
      }
      size = Math.max(size, position + bytes.length);
    },
    setAside(bytes) {
      if (fd === undefined) throw new Error('the staged PDF was taken up or abandoned');
      const at = asideSize;
      try {
        aside ??= openSync(join(folder, ASIDE), 'wx+');
        writeAll(aside, bytes, at);
      } catch (e) {
        throw outputError(out, e);
      }
      asideSize += bytes.length;
      const length = bytes.length;
      return () => {
        if (aside === undefined) throw new Error('bytes set aside read after the staged PDF was taken up or abandoned');
        const back = Buffer.allocUnsafe(length);
        let done = 0;
        try {
          while (done < length) {
            const read = readSync(aside, back, done, length - done, at + done);
            if (read === 0) throw new Error(`${ASIDE} ended at ${at + done} bytes`);
            done += read;
          }
        } catch (e) {
          throw outputError(out, e);
        }
        return back;
      };
    },
    abandon() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      closeAside();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  stagedFiles.set(staged, {
    staging: folder,
    take: () => {
      const taken = fd;
      fd = undefined;
      // Read back, all of it, as the PDF ended: the file goes with the folder.
      closeAside();
      return taken;
    },
  });
  return staged;
}

const isStaged = (pdf: OutputSet['pdf']): pdf is StagedPdf => stagedFiles.has(pdf as StagedPdf);

/** A staged PDF's folder and open file, taken up for `target`, once: its `write` refuses bytes from then on. */
function takeUp(pdf: StagedPdf, target: string): { staging: string; fd: number } {
  const files = stagedFiles.get(pdf)!;
  if (pdf.target !== target) throw new Error(`a PDF staged for ${pdf.target} given for ${target}`);
  const fd = files.take();
  if (fd === undefined) throw new Error('the staged PDF was taken up or abandoned');
  return { staging: files.staging, fd };
}

/** Writes every file of the set into a new staging folder beside the target (or the staged PDF's), flushed to the disk. */
async function stage(target: string, set: OutputSet): Promise<string> {
  const staged = isStaged(set.pdf) ? takeUp(set.pdf, target) : undefined;
  const staging = staged?.staging ?? newStaging(target);
  const open: number[] = staged ? [staged.fd] : [];
  try {
    if (!isStaged(set.pdf)) open.push(writeOpen(join(staging, PDF), set.pdf));
    const folders = new Set<string>();
    if (set.exports) {
      const root = join(staging, EXPORTS);
      mkdirSync(root);
      folders.add(root);
      for (const [relative, bytes] of set.exports) {
        const path = resolve(root, relative);
        if (!path.startsWith(root + '/') && !path.startsWith(root + '\\')) throw new Error(`export path outside its folder: ${relative}`);
        mkdirSync(dirname(path), { recursive: true });
        folders.add(dirname(path));
        open.push(writeOpen(path, bytes));
      }
    }
    await flushAll(open.splice(0));
    for (const folder of folders) syncFolder(folder);
    syncFolder(staging);
    return staging;
  } catch (e) {
    for (const fd of open) closeSync(fd);
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Moves a staged set into place: the previous exports aside, the new exports in, the PDF over the old one. */
function commit(target: string, staging: string, withExports: boolean): void {
  const exportsDir = exportsDirFor(target);
  if (withExports) {
    if (existsSync(exportsDir)) renameSync(exportsDir, join(staging, PREVIOUS));
    else writeFileSync(join(staging, NO_PREVIOUS), '');
    try {
      renameSync(join(staging, EXPORTS), exportsDir);
      renameSync(join(staging, PDF), target);
    } catch (e) {
      undoHalfMove(staging, exportsDir);
      throw e;
    }
  } else {
    renameSync(join(staging, PDF), target);
  }
  syncFolder(dirname(target));
}

/**
 * Writes the PDF to `target` and its exports into `exportsDirFor(target)`, all or nothing. Throws a ReviewError
 * (code output/…) when the disk refuses; the previous PDF and exports are then unchanged and no stray file remains.
 */
export async function writeOutputSet(target: string, set: OutputSet, options: WriteOptions = {}): Promise<{ out: string; exportsDir?: string }> {
  const out = resolve(target);
  const exportsDir = exportsDirFor(out);
  checkOutputTarget(out, set.exports && [...set.exports.keys(), ...(options.exportNames ?? [])]);
  let staging: string | undefined;
  let release: (() => void) | undefined;
  try {
    mkdirSync(dirname(out), { recursive: true });
    staging = await stage(out, set);
    release = await lock(out, options.lockTimeoutMs ?? 60_000);
    cleanStale(out);
    commit(out, staging, set.exports !== undefined);
    return { out, ...(set.exports ? { exportsDir } : {}) };
  } catch (e) {
    throw outputError(out, e);
  } finally {
    release?.();
    if (staging) rmSync(staging, { recursive: true, force: true, maxRetries: 2 });
  }
}

/**
 * Throws the error `writeOutputSet` gives for a target no set can be written to: a folder where the PDF goes, or,
 * with exports (the paths they may have inside their folder), a file where their folder goes or a folder of someone's
 * own there. A command that knows its target before building checks it first, with every name a review's exports may
 * have, so that a mistyped `--out` is said at once, not after a build of minutes.
 */
export function checkOutputTarget(target: string, exports?: readonly string[]): void {
  const out = resolve(target);
  if (isFolder(out)) throw new ReviewError([error('output/is-folder', messages.isFolder(), { file: displayPath(out) })]);
  if (!exports) return;
  const exportsDir = exportsDirFor(out);
  if (existsSync(exportsDir) && !isFolder(exportsDir)) {
    throw new ReviewError([error('output/collision', messages.collision(displayPath(exportsDir)), { file: displayPath(out) }, 'rename the file or give another --out')]);
  }
  const foreign = foreignEntries(exportsDir, exports);
  if (foreign.length) {
    throw new ReviewError([error('output/collision', messages.foreign(displayPath(exportsDir), foreign), { file: displayPath(out) }, 'give --out another name, or move those files')]);
  }
}

/**
 * What an existing exports folder holds that a review's exports never do (at the top: names other than the new
 * set's; a temporary of the older writer is fine). Such a folder is someone's own (`--out data.pdf` beside the
 * dataset folder `data/`) and is never moved away.
 */
function foreignEntries(dir: string, paths: readonly string[]): string[] {
  if (!isFolder(dir)) return [];
  const ours = new Set(paths.map((k) => k.split(/[\\/]/)[0]));
  return readdirSync(dir).filter((name) => !ours.has(name) && !/^\..*\.tmp$/.test(name)).sort().slice(0, 3);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A file of the cache folder (drawn charts, shaped text, compiled code), written as `writeFileAtomic` writes but not
 * flushed to the disk before its rename: a cache is an optimisation, and a read-only or full disk costs time, never the
 * build. Other processes see the file whole or not at all, as flushed; a system that stops before it wrote the file
 * out may leave it empty or damaged, and every reader takes such a file for none (a first build writes some thirty,
 * each flush waiting on the disk).
 */
export function keepInCache(path: string, bytes: Uint8Array | string): void {
  try {
    writeFileAtomic(path, bytes, { flush: false });
  } catch {
    // Read again next time, and drawn, shaped or compiled afresh.
  }
}

/** Puts `value` in a process's memory of results under `key`; past `limit` entries, the oldest goes. */
export function remember<K, V>(memory: Map<K, V>, key: K, value: V, limit: number): void {
  memory.set(key, value);
  if (memory.size > limit) memory.delete(memory.keys().next().value!);
}

/** A SHA-256 in hex: what names and keys the cache folder's files. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The cache file at `path` when it holds the entry written under `key` (a JSON object whose `key` is it), else
 * undefined: no file yet, one that cannot be read whole, or another input's entry in the same place.
 */
export function readCacheEntry(path: string, key: string): Record<string, unknown> | undefined {
  const bytes = readCacheFile(path);
  return bytes && cacheEntryIn(bytes.toString('utf8'), key);
}

/** A cache file's bytes; undefined when there is none or it cannot be read. */
export function readCacheFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The entry a cache file's text holds under `key` (a JSON object whose `key` is it), else undefined. */
export function cacheEntryIn(text: string, key: string): Record<string, unknown> | undefined {
  try {
    const entry = JSON.parse(text) as unknown;
    return entry !== null && typeof entry === 'object' && (entry as { key?: unknown }).key === key ? (entry as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One small file written whole or not at all (`init` and `new`, `extract-data`): a temporary beside it, flushed (but
 * with `flush: false`, for the cache folder's), then a rename.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string, { flush = true }: { flush?: boolean } = {}): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // write-file-atomic writes a temporary file beside it, flushes it to the disk and renames it over the file.
    writeFileAtomicModule.sync(path, typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fsync: flush });
  } catch (e) {
    throw outputError(path, e);
  }
}

// What a build keeps per review in a folder of the cache (shaped strings, hyphenated words): a file per part (a font,
// a language) and review, holding the entries the review's last build used, so that a file stays the size of one
// review however many are built, and a build reads no other review's entries.

/** One part's entries: those read from its file and those added since; the file is written with the used ones alone. */
export class KeptPart<V> {
  readonly entries = new Map<string, V>();
  /** The entries the current build has used. */
  readonly used = new Set<string>();
  /** Entries added since the file was read. */
  added = 0;
  constructor(
    readonly file: string,
    readonly key: string,
    private readonly limit: number,
  ) {}

  /** The entry under `key`, noted as used; undefined when there is none. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /** An entry the build took from memory, made or read earlier in the process: kept for the next. */
  touch(key: string): void {
    if (this.entries.has(key)) this.used.add(key);
  }

  /** Notes an entry the build used, taken from memory or made: touched when the part holds it, kept otherwise. */
  use(key: string, make: () => V): void {
    if (this.entries.has(key)) this.touch(key);
    else this.keep(key, make);
  }

  /**
   * Keeps an entry made in this process, to be written by `save`: the one `make` gives, called only when the part has
   * room for it. Beyond the limit none is added, and none is made (a very large review's copies or texts of entries).
   */
  keep(key: string, make: () => V): void {
    if (this.entries.size >= this.limit) return;
    this.entries.set(key, make());
    this.used.add(key);
    this.added++;
  }
}

/** How a store's files are read and written: undefined for a file that is not one under `key` (torn, another key). */
export interface KeptFormat<V> {
  folder: string;
  extension: string;
  /** Entries a part keeps at most: a very large review keeps its first ones, and makes the rest each time. */
  limit: number;
  decode(file: Buffer, key: string): Iterable<readonly [string, V]> | undefined;
  encode(key: string, entries: ReadonlyMap<string, V>): Uint8Array | string;
}

/** The parts of one store, for the review of the current build. */
export class ReviewStore<V> {
  private folder: string | undefined;
  private scope = '';
  /** Each part read, by its identity. */
  private readonly parts = new Map<string, KeptPart<V>>();
  constructor(private readonly format: KeptFormat<V>) {}

  /**
   * Starts a build that keeps its entries in `dir` (the build's cache folder), or with undefined in memory only; `review`
   * tells reviews apart (its dataset, template and locale). True when the folder or the review changed, and the parts
   * read for another were forgotten.
   */
  use(dir: string | undefined, review = ''): boolean {
    const next = dir && join(dir, this.format.folder);
    const changed = next !== this.folder || review !== this.scope;
    if (changed) {
      this.folder = next;
      this.scope = review;
      this.parts.clear();
    }
    for (const part of this.parts.values()) part.used.clear();
    return changed;
  }

  /**
   * The part `identity` names (what decides its entries: a font's bytes and the shaping library's version, say), read
   * from its file the first time; undefined without a folder. Without a file yet, or one that cannot be read, the part
   * starts empty and its file is written anew.
   */
  part(identity: string): KeptPart<V> | undefined {
    if (this.folder === undefined) return undefined;
    let part = this.parts.get(identity);
    if (!part) {
      const key = sha256(`${identity}\n${this.scope}`);
      part = new KeptPart<V>(join(this.folder, `${key}.${this.format.extension}`), key, this.format.limit);
      let file: Buffer | undefined;
      try {
        file = readFileSync(part.file);
      } catch {
        file = undefined;
      }
      for (const [name, value] of (file && this.format.decode(file, key)) ?? []) part.entries.set(name, value);
      this.parts.set(identity, part);
    }
    return part;
  }

  /** Writes each part whose entries the build changed (a temporary file, renamed); a folder that cannot be written costs only time. */
  save(): void {
    for (const part of this.parts.values()) {
      if (part.added === 0 && part.used.size === part.entries.size) continue;
      // The build's entries alone: those of earlier versions of the review are forgotten.
      for (const name of part.entries.keys()) if (!part.used.has(name)) part.entries.delete(name);
      keepInCache(part.file, this.format.encode(part.key, part.entries));
      part.added = 0;
    }
  }
}
