// The preview's web server: the page, the last good PDF, the state of the last build as JSON, a stream of
// Server-Sent Events telling the page of every build, and pdf.js's own build files from the installed package (nothing
// from the network). Bound to 127.0.0.1; a request naming another host is refused, so a web page elsewhere cannot
// reach the server through a name that resolves to this machine.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Places } from '../../layout/types.js';
import { pdfjsBrowserFiles } from '../../pdf/index.js';
import { previewPage } from './page.js';

/** What the page is told after every build: the last good PDF's version and places, and the errors of a failed build. */
export interface PreviewState {
  /** Counts every build, good or failed. */
  build: number;
  /** Counts the good builds: the version of the PDF served (0 before the first). */
  pdf: number;
  ok: boolean;
  /** The failed build's messages, one a line (`file:line:column: path: message`); empty after a good build. */
  errors: string[];
  title: string;
  pages: number;
  places: Places;
}

export interface PreviewServer {
  url: string;
  /** Serves `pdf` (when the build succeeded) and tells every open page. */
  publish(state: Omit<PreviewState, 'build' | 'pdf'>, pdf?: Uint8Array): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts the server on `port` (0: any free port) and resolves once it listens. */
export async function startPreviewServer(port: number): Promise<PreviewServer> {
  let state: PreviewState = { build: 0, pdf: 0, ok: true, errors: [], title: '', pages: 0, places: { discrepancies: [], figures: [] } };
  let pdf: Uint8Array | undefined;
  const listeners = new Set<ServerResponse>();
  const pdfjs = pdfjsBrowserFiles();
  let allowedHosts = new Set<string>();

  const TEXT = 'text/plain; charset=utf-8';
  /** The answer to a request that is not a stream: status, type and body. */
  const answer = (req: IncomingMessage, path: string): [number, string, string | Uint8Array] => {
    if (!allowedHosts.has(req.headers.host ?? '')) return [403, TEXT, 'this server answers only at its own address\n'];
    if (req.method !== 'GET' && req.method !== 'HEAD') return [405, TEXT, 'GET only\n'];
    if (path === '/') return [200, 'text/html; charset=utf-8', previewPage()];
    if (path === '/state') return [200, 'application/json', JSON.stringify(state)];
    if (path === '/review.pdf') return pdf ? [200, 'application/pdf', pdf] : [404, TEXT, 'no PDF built yet\n'];
    return [404, TEXT, 'not found\n'];
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = pdfjs.get(/^\/pdfjs\/([\w.]+)$/.exec(path)?.[1] ?? '');
    const allowed = allowedHosts.has(req.headers.host ?? '') && req.method === 'GET';
    if (allowed && path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify(state)}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
    } else if (allowed && file) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      createReadStream(file).pipe(res);
    } else {
      const [status, type, body] = answer(req, path);
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(body);
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      done();
    });
  });
  const bound = (server.address() as { port: number }).port;
  allowedHosts = new Set([`${HOST}:${bound}`, `localhost:${bound}`]);
  return {
    url: `http://${HOST}:${bound}/`,
    publish(next, bytes) {
      if (bytes) pdf = bytes;
      state = { ...next, build: state.build + 1, pdf: state.pdf + (bytes ? 1 : 0) };
      for (const res of listeners) res.write(`data: ${JSON.stringify(state)}\n\n`);
    },
    async close() {
      for (const res of listeners) res.end();
      listeners.clear();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
    },
  };
}
