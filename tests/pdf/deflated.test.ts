// Compressed streams kept in the cache folder (src/pdf/deflated.ts): read back by a later process, and the PDF byte
// for byte the one a build without them makes; a file that is not what its first line says is not read. Each build is
// its own process, since a process keeps what it compressed in memory as well.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseBuilds } from '../support.js';

const { cache, build } = baseBuilds('annual-review-deflated-');
const folder = () => join(cache, 'deflated');
const files = () => readdirSync(folder()).filter((f) => f.endsWith('.bin'));

/** A review's file: its first line (JSON) and its entries, each a name (44 bytes), a length (4 bytes) and the bytes. */
function readKept(path: string): { head: { key: string; body: string }; entries: [string, Buffer][] } {
  const file = readFileSync(path);
  const at = file.indexOf(0x0a);
  const body = file.subarray(at + 1);
  const entries: [string, Buffer][] = [];
  for (let i = 0; i < body.length;) {
    const end = i + 48 + body.readUInt32BE(i + 44);
    entries.push([body.toString('latin1', i, i + 44), body.subarray(i + 48, end)]);
    i = end;
  }
  return { head: JSON.parse(file.toString('utf8', 0, at)) as { key: string; body: string }, entries };
}

/** Writes a review's file with these entries; its first line says the body's SHA-256, or `says` when given. */
function writeKept(path: string, key: string, entries: readonly [string, Buffer][], says?: string): void {
  const length = (bytes: Buffer) => {
    const four = Buffer.alloc(4);
    four.writeUInt32BE(bytes.length);
    return four;
  };
  const body = Buffer.concat(entries.flatMap(([name, bytes]) => [Buffer.from(name, 'latin1'), length(bytes), bytes]));
  const digest = says ?? createHash('sha256').update(body).digest('hex');
  writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify({ key, body: digest })}\n`), body]));
}

describe('compressed streams kept between runs', () => {
  let first: Buffer;
  beforeAll(() => {
    first = build('--cache-dir', cache);
  });

  it('are kept per review, each the compression of the bytes it is named by, and a build from them is byte for byte a build without them', () => {
    expect(files()).toHaveLength(1);
    const { entries } = readKept(join(folder(), files()[0]!));
    // The page texts, fonts and attached files of the review.
    expect(entries.length).toBeGreaterThan(5);
    for (const [name, bytes] of entries) expect(createHash('sha256').update(inflateSync(bytes)).digest('base64')).toBe(name);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    expect(build('--no-cache').equals(first)).toBe(true);
  });

  it('are read back, not compressed again; a file that is not what its first line says is not read', () => {
    const path = join(folder(), files()[0]!);
    const kept = readFileSync(path);
    const { head, entries } = readKept(path);
    // Every entry replaced with the compression of other bytes: the PDF shows them, so they were read back.
    const forged = entries.map(([name]) => [name, deflateSync(Buffer.from('0 0 m S\n'))] as [string, Buffer]);
    writeKept(path, head.key, forged);
    expect(build('--cache-dir', cache).equals(first)).toBe(false);
    // The same file, its first line saying another body: not read, every stream compressed afresh.
    writeKept(path, head.key, forged, head.body);
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
    // And written anew, the review's own.
    expect(readKept(path).entries.every(([name, bytes]) => !bytes.equals(forged.find(([n]) => n === name)![1]))).toBe(true);
    // A file cut short: not read either.
    writeFileSync(path, kept.subarray(0, kept.length - 10));
    expect(build('--cache-dir', cache).equals(first)).toBe(true);
  });
});
