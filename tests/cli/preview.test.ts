// The preview's server without a browser: what it serves, to whom, and the events it sends (tests/system/ drives the
// page in Chromium, from .ci/run).
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/cli/preview/server.js';
import { runCli } from '../support.js';

let server: PreviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const places = { discrepancies: [{ id: 'D1', page: 3 }], figures: [{ number: 1, caption: 'A caption', page: 2 }] };

/** The first `n` events of the server's stream, parsed. */
async function events(url: string, n: number, after: () => void): Promise<unknown[]> {
  const res = await fetch(`${url}events`);
  const reader = res.body!.getReader();
  const got: unknown[] = [];
  let text = '';
  after();
  while (got.length < n) {
    const { value } = await reader.read();
    text += new TextDecoder().decode(value);
    const blocks = text.split('\n\n');
    text = blocks.pop()!;
    got.push(...blocks.map((b) => JSON.parse(b.replace(/^data: /, ''))));
  }
  await reader.cancel();
  return got;
}

describe('the preview server', () => {
  it('listens on 127.0.0.1 only, serves the page, the last good PDF, the state and pdf.js from the installed package', async () => {
    server = await startPreviewServer(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(`${server.url}review.pdf`)).status).toBe(404);
    server.publish({ ok: true, errors: [], title: 'T', pages: 3, places }, Buffer.from('%PDF-first'));
    server.publish({ ok: false, errors: ['data/x.yaml:4:2: title: wrong'], title: 'T', pages: 3, places });
    expect(await (await fetch(`${server.url}review.pdf`)).text()).toBe('%PDF-first');
    expect(await (await fetch(`${server.url}state`)).json()).toEqual({ build: 2, pdf: 1, ok: false, errors: ['data/x.yaml:4:2: title: wrong'], title: 'T', pages: 3, places });
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain("import * as pdfjs from '/pdfjs/pdf.mjs'");
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of ['pdf.mjs', 'pdf.worker.mjs']) expect((await fetch(`${server.url}pdfjs/${file}`)).status).toBe(200);
    expect((await fetch(`${server.url}pdfjs/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}pdfjs/pdf.sandbox.mjs`)).status).toBe(404);
  });

  it('refuses a request that names another host', async () => {
    server = await startPreviewServer(0);
    const { port } = new URL(server.url);
    const { request } = await import('node:http');
    const status = await new Promise<number>((done) => request({ host: '127.0.0.1', port, path: '/state', headers: { host: `attacker.example:${port}` } }, (res) => done(res.statusCode!)).end());
    expect(status).toBe(403);
    expect((await fetch(`http://localhost:${port}/state`).catch(() => undefined))?.status ?? 200).toBe(200);
  });

  it('tells every open page of each build, starting with the current state', async () => {
    server = await startPreviewServer(0);
    const s = server;
    const got = await events(s.url, 2, () => setTimeout(() => s.publish({ ok: true, errors: [], title: 'T', pages: 1, places }, Buffer.from('%PDF')), 50));
    expect(got).toMatchObject([
      { build: 0, pdf: 0 },
      { build: 1, pdf: 1, ok: true, places },
    ]);
  });
  it('closes while pages are connected: an open event stream and an idle kept-alive connection', async () => {
    const s = await startPreviewServer(0);
    const stream = await fetch(`${s.url}events`);
    await (await fetch(`${s.url}state`)).json();
    let closed = false;
    const closing = s.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 1000));
    expect(closed, 'the server is still waiting for its connections').toBe(true);
    await closing;
    await stream.body?.cancel().catch(() => undefined);
  });
});

describe('annual-review preview', () => {
  it('says when the port asked for is in use, and refuses a port that is no number', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    try {
      const busy = await runCli('preview', '--no-open', '--port', String(port));
      expect(busy.status).toBe(2);
      expect(busy.stderr).toContain(`--port ${port}: the port is in use`);
    } finally {
      blocker.close();
    }
    const wrong = await runCli('preview', '--no-open', '--port', 'eighty');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--port takes a port number');
  });

  it('shows one report', async () => {
    const r = await runCli('preview', '--no-open', '--locale', 'en,vi');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('preview shows one report');
  });
});
