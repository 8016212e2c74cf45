// Parts of packages the command line almost never uses wait for their first use (src/cli/deferred.ts): a stand-in is
// required in their place, and the first call or property read loads the real module and passes on to it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { ANSWERED, defer, DEFERRED, inflateInto } from '../../src/cli/deferred.js';
import { packageRoot } from '../../src/input/paths.js';

const work = mkdtempSync(join(tmpdir(), 'annual-review-deferred-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const require = createRequire(join(packageRoot, 'package.json'));
const loads = globalThis as { deferredLoads?: number };

describe('a deferred module', () => {
  it('is loaded at its first use, once, and then used as itself', () => {
    const path = join(work, 'part.cjs');
    writeFileSync(path, 'globalThis.deferredLoads = (globalThis.deferredLoads ?? 0) + 1;\nmodule.exports = Object.assign((a, b) => a + b, { name2: "part", twice: (x) => 2 * x });\n');
    expect(defer(require, path)).toBe(true);
    const part = require(path) as ((a: number, b: number) => number) & { name2: string; twice: (x: number) => number };
    expect(loads.deferredLoads).toBeUndefined();
    expect(part(2, 3)).toBe(5);
    expect(loads.deferredLoads).toBe(1);
    expect(part.name2).toBe('part');
    expect(part.twice(21)).toBe(42);
    expect('twice' in part).toBe(true);
    // Required again, it is the real module.
    expect((require(path) as { twice: unknown }).twice).toBe(part.twice);
    expect(loads.deferredLoads).toBe(1);
  });

  it('is left alone when it is loaded already', () => {
    const path = join(work, 'loaded.cjs');
    writeFileSync(path, 'module.exports = { value: 7 };\n');
    const loaded = require(path) as { value: number };
    expect(defer(require, path)).toBe(false);
    expect(require(path)).toBe(loaded);
  });

  it('stands in for the real parts, found from their packages, which work through it', () => {
    for (const [owner, part] of DEFERRED) expect(() => createRequire(require.resolve(owner)).resolve(part), part).not.toThrow();
    // A process of its own: in this one the packages may be loaded already.
    const script = `
      import { deferRarelyUsed } from ${JSON.stringify(join(packageRoot, 'dist', 'cli', 'deferred.js'))};
      import { createRequire } from 'node:module';
      import { brotliCompressSync, constants } from 'node:zlib';
      import { createCipheriv } from 'node:crypto';
      const app = ${JSON.stringify(join(packageRoot, 'dist', 'cli', 'app.cjs'))};
      deferRarelyUsed(app);
      const require = createRequire(app);
      const brotliPath = createRequire(require.resolve('fontkit')).resolve('brotli/decompress.js');
      const aesPath = createRequire(require.resolve('pdfkit')).resolve('@noble/ciphers/aes');
      require('fontkit');
      require('pdfkit');
      // Loading both loaded neither part: Brotli's decoder is not in the cache, AES is still the stand-in (a function).
      const before = !Object.keys(require.cache).some((k) => k.endsWith('/brotli/dec/decode.js')) && typeof require.cache[aesPath].exports === 'function';
      const decompress = createRequire(require.resolve('fontkit'))('brotli/decompress.js');
      const text = 'Phạm Thu Hằng '.repeat(50);
      const packed = brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      const unpacked = Buffer.from(decompress(packed, Buffer.byteLength(text))).toString();
      const aes = createRequire(require.resolve('pdfkit'))('@noble/ciphers/aes');
      const key = new Uint8Array(16).fill(7), iv = new Uint8Array(16).fill(3), data = new TextEncoder().encode('sixteen bytes!!!');
      const ours = Buffer.from(aes.cbc(key, iv).encrypt(data)).toString('hex');
      const c = createCipheriv('aes-128-cbc', key, iv); const node = Buffer.concat([c.update(data), c.final()]).toString('hex');
      console.log(JSON.stringify({ before, same: unpacked === text, aes: ours === node }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ before: true, same: true, aes: true });
  });
});

describe('a part answered by Node', () => {
  const tinyInflate = createRequire(require.resolve('fontkit'))('tiny-inflate') as (source: Uint8Array, dest: Uint8Array) => Uint8Array;

  it("gives tiny-inflate's bytes: stored, fixed and dynamic blocks, into a destination of the size, larger or smaller", () => {
    const text = Buffer.from('Phạm Thu Hằng, 2.2 million, nearly 3% '.repeat(400) + Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251).join(','));
    for (const level of [0, 1, 6, 9]) {
      const packed = deflateRawSync(text, { level });
      for (const size of [text.length, text.length + 100, text.length - 100]) {
        const ours = inflateInto(packed, new Uint8Array(size));
        const theirs = tinyInflate(packed, new Uint8Array(size));
        expect(Buffer.from(ours).equals(Buffer.from(theirs)), `level ${level}, size ${size}`).toBe(true);
        expect(ours.length, `level ${level}, size ${size}`).toBe(theirs.length);
      }
    }
  });

  it('answers the packages that unpack Unicode tables with it, which read the same tables through it', () => {
    for (const [names] of ANSWERED)
      expect(() => names.reduce<string | undefined>((from, name) => (from === undefined ? require : createRequire(from)).resolve(name), undefined), names.join(' > ')).not.toThrow();
    // Unicode categories and line breaks as the packages read them: here (tiny-inflate itself, loaded normally) and in
    // a process of its own with the command line's stand-ins.
    const probe = `
      const require = createRequire(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'app.cjs'))});
      const fontkitRequire = createRequire(require.resolve('fontkit'));
      const properties = fontkitRequire('unicode-properties');
      let categories = '';
      for (let cp = 0; cp < 0x30000; cp += 7) categories += properties.getCategory(cp) + properties.getScript(cp);
      const LineBreaker = require('linebreak');
      const breaker = new LineBreaker('Phạm Thu Hằng — 2,2 triệu USD; “nearly” 3% of 1–3 parts, 東京 and عربي.');
      const breaks = [];
      for (let b; (b = breaker.nextBreak()); ) breaks.push(b.position + (b.required ? '!' : ''));
      const answered = Object.values(require.cache).filter((m) => m.filename.endsWith('/tiny-inflate/index.js')).map((m) => m.exports.name);
      const digest = createHash('sha256').update(categories).digest('hex');`;
    const child = `
      import { deferRarelyUsed } from ${JSON.stringify(join(packageRoot, 'dist', 'cli', 'deferred.js'))};
      import { createRequire } from 'node:module';
      import { createHash } from 'node:crypto';
      deferRarelyUsed(${JSON.stringify(join(packageRoot, 'dist', 'cli', 'app.cjs'))});
      ${probe}
      console.log(JSON.stringify({ digest, breaks, answered }));`;
    const here = `
      import { createRequire } from 'node:module';
      import { createHash } from 'node:crypto';
      ${probe}
      console.log(JSON.stringify({ digest, breaks, answered }));`;
    const run = (script: string) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { digest: string; breaks: string[]; answered: string[] };
    const ours = run(child);
    const theirs = run(here);
    expect(ours.answered.length).toBeGreaterThan(0);
    expect(ours.answered.every((name) => name === 'inflateInto')).toBe(true);
    expect(theirs.answered).not.toContain('inflateInto');
    expect(ours.breaks.length).toBeGreaterThan(5);
    expect(ours).toEqual({ ...theirs, answered: ours.answered });
  });
});
