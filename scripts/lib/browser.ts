/**
 * Real-browser helpers for tests and benchmarks: Debian's Chromium driven by playwright-core,
 * and a loopback static server for a built `dist` folder (directory URLs → index.html, 404.html
 * for missing paths, correct MIME types including application/wasm for Pagefind).
 *
 *   const site = await serveStatic(testDist);
 *   const browser = await launchChromium();
 *   const page = await browser.newPage();
 *   await page.goto(site.url('/tim-kiem/?q=cong+doan'));
 *   ...
 *   await browser.close(); await site.close();
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { COMPRESSIBLE_TYPES } from '#src/publishing/deploy/responses.ts';

const isCompressible = (type: string) => (COMPRESSIBLE_TYPES as readonly string[]).includes(type.split(';')[0]!.trim());

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch Debian's Chromium (fails loudly, never skips, when it is missing). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium".`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind's compressed index chunks and metadata.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL for a site path ("/tim-kiem/" → "http://127.0.0.1:41234/tim-kiem/"). */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Extra response headers on every response (e.g. a Content-Security-Policy to test). */
  headers?: Record<string, string>;
  /**
   * Called for every response with the request path, status and body size in bytes. Counts what
   * the page and its workers download (Pagefind searches in a web worker, which page-level
   * network events do not see).
   */
  onResponse?: (info: { path: string; status: number; bytes: number }) => void;
  /**
   * Gzip the text types the deployment recipes compress (COMPRESSIBLE_TYPES) when the browser
   * accepts it, as nginx, Apache and IIS do with the site's configuration; `bytes` is then the
   * compressed size. Off by default.
   */
  compress?: boolean;
}

/** Serve a built site folder on 127.0.0.1 with a random port. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(root);
  if (!existsSync(rootDir)) throw new Error(`Cannot serve ${rootDir}: folder does not exist (build the site first).`);

  const send = (res: ServerResponse, status: number, file: string, path: string, req: IncomingMessage) => {
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (options.compress && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && isCompressible(type)) {
      const body = gzipSync(readFileSync(file));
      options.onResponse?.({ path, status, bytes: body.length });
      res.writeHead(status, {
        'content-type': type,
        'content-encoding': 'gzip',
        vary: 'Accept-Encoding',
        'content-length': String(body.length),
        'cache-control': 'no-store',
        ...options.headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const size = statSync(file).size;
    options.onResponse?.({ path, status, bytes: size });
    res.writeHead(status, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'no-store',
      ...options.headers,
    });
    createReadStream(file).pipe(res);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(rootDir, pathname));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      target = join(target, 'index.html');
    }
    if (existsSync(target) && statSync(target).isFile()) {
      send(res, 200, target, pathname, req);
      return;
    }
    const notFound = join(rootDir, '404.html');
    if (existsSync(notFound)) send(res, 404, notFound, pathname, req);
    else {
      options.onResponse?.({ path: pathname, status: 404, bytes: 0 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

  const server = createServer(handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path = '/') => new URL(path, `${origin}/`).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
