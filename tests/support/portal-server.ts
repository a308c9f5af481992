/**
 * A local HTTP server of old portals for the crawl tests: node:http on
 * 127.0.0.1, a free port, started and stopped by the caller. It serves the fixture portals of
 * tests/fixtures/crawl/ (NukeViet, Joomla, Liferay, WordPress, a home-made one: listing pages with
 * pagers, a sitemap index, an RSS feed, a robots.txt) and the troubles a crawl meets: a slow page,
 * a 500, a 429 that recovers, a redirect loop, a huge image, an "image" that is HTML. Images are
 * real JPEG/PNG files drawn with sharp (the benchmark's generated portal is scripts/lib/bench-portal.ts).
 * Every request is logged (path with query) so a test can count what a crawl fetched.
 *
 *   const server = await startPortalServer({ slowMs: 2000 });
 *   await crawl({ starts: [server.url('/nukeviet/tin-tuc/')], … });
 *   server.requests; server.reset(); await server.stop();
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'crawl');

export interface PortalServerOptions {
  /** How long the slow page takes to answer (longer than the crawl's timeout in the tests). */
  slowMs?: number;
  /** Bytes the huge image streams. */
  hugeBytes?: number;
}

export interface PortalServer {
  origin: string;
  url(path: string): string;
  /** "GET /path?query" of every request since start or reset. */
  requests: string[];
  /** The User-Agent of each request, in the same order. */
  agents: string[];
  reset(): void;
  stop(): Promise<void>;
}

interface FixtureArticle {
  portal: string;
  path: string;
  title: string;
  date: string;
  image: string;
  body: string[];
}

const read = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fill(template: string, a: { title: string; date: string; image: string; body: string[] }, host: string) {
  return template
    .replaceAll('{{title}}', escape(a.title))
    .replaceAll('{{date}}', escape(a.date))
    .replace('{{image}}', a.image.replaceAll('//HOST/', `//${host}/`))
    .replace('{{body}}', a.body.map((p) => `<p>${escape(p)}</p>`).join('\n'));
}

/** A real image of 960×540 (large enough to be a hero): a colour taken from the name, so each file differs. */
async function drawImage(name: string, png: boolean): Promise<Buffer> {
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const background = { r: hash & 0xff, g: (hash >> 8) & 0xff, b: (hash >> 16) & 0xff };
  const image = sharp({ create: { width: 960, height: 540, channels: 3, background } });
  return png ? image.png().toBuffer() : image.jpeg({ quality: 70 }).toBuffer();
}

export async function startPortalServer(options: PortalServerOptions = {}): Promise<PortalServer> {
  const slowMs = options.slowMs ?? 3000;
  const hugeBytes = options.hugeBytes ?? 20 * 1024 * 1024;
  const articles = JSON.parse(read('articles.json')) as FixtureArticle[];
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const templates = new Map<string, string>();
  const template = (portal: string) => {
    if (!templates.has(portal)) templates.set(portal, read(`${portal}/article.html`));
    return templates.get(portal)!;
  };
  const images = new Map<string, Promise<Buffer>>();
  const image = (name: string, png: boolean) => {
    if (!images.has(name)) images.set(name, drawImage(name, png));
    return images.get(name)!;
  };
  const requests: string[] = [];
  const agents: string[] = [];
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const FILES: Record<string, [string, string]> = {
    '/robots.txt': ['robots.txt', 'text/plain; charset=utf-8'],
    '/nukeviet/tin-tuc/': ['nukeviet/listing-1.html', 'text/html; charset=utf-8'],
    '/nukeviet/tin-tuc/page-2/': ['nukeviet/listing-2.html', 'text/html; charset=utf-8'],
    '/nukeviet/tin-tuc/benh-vien-nhan-bang-khen-123.html': [
      'nukeviet/benh-vien-nhan-bang-khen-123.html',
      'text/html; charset=utf-8',
    ],
    '/joomla/index.php/tin-tuc/tap-huan-can-bo': ['joomla/tap-huan-can-bo.html', 'text/html; charset=utf-8'],
    '/liferay/web/guest/tin-tuc/-/asset_publisher/Xk8Pq2/content/trao-ky-niem-chuong': [
      'liferay/trao-ky-niem-chuong.html',
      'text/html;charset=UTF-8',
    ],
    '/liferay/rss': ['liferay/rss.xml', 'application/rss+xml; charset=utf-8'],
    '/wordpress/sitemap_index.xml': ['wordpress/sitemap_index.xml', 'application/xml; charset=utf-8'],
    '/wordpress/post-sitemap.xml': ['wordpress/post-sitemap.xml', 'application/xml; charset=utf-8'],
    '/wordpress/category-sitemap.xml': ['wordpress/category-sitemap.xml', 'application/xml; charset=utf-8'],
    '/wordpress/category/tin-tuc/': ['wordpress/category.html', 'text/html; charset=UTF-8'],
    '/homemade/tin-tuc.html': ['homemade/tin-tuc.html', 'text/html'],
    '/homemade/tin-tuc-2.html': ['homemade/tin-tuc-2.html', 'text/html'],
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, host: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const file = FILES[path];
    if (path === '/joomla/index.php/tin-tuc')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        read(url.searchParams.get('start') === '3' ? 'joomla/blog-2.html' : 'joomla/blog-1.html'),
      );
    if (file) return send(res, 200, file[1], read(file[0]));
    if (path === '/joomla/index.php/tin-tuc/loi-may-chu')
      return send(res, 500, 'text/html; charset=utf-8', '<h1>500 Internal Server Error</h1>');
    if (path === '/joomla/index.php/tin-tuc/hoi-nghi-nguoi-lao-dong' && count === 1)
      return send(res, 429, 'text/plain', 'Too Many Requests', { 'retry-after': '0' });
    if (path === '/homemade/loop-a.html') return send(res, 302, 'text/html', '', { location: '/homemade/loop-b.html' });
    if (path === '/homemade/loop-b.html') return send(res, 302, 'text/html', '', { location: 'loop-a.html' });
    if (path === '/homemade/images/khong-phai-anh.jpg')
      return send(
        res,
        200,
        'image/jpeg',
        '<!doctype html><html><body><script>alert(1)</script>Không phải ảnh</body></html>',
      );
    if (path === '/homemade/images/anh-rat-lon.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(64 * 1024, 0xab);
      let sent = 0;
      const pump = () => {
        while (sent < hugeBytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    const article = byPath.get(path);
    if (article) {
      const html = fill(template(article.portal), article, host);
      if (path === '/homemade/cham.html') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(res, 200, 'text/html', html);
        }, slowMs);
        timers.add(timer);
        req.once('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      return send(res, 200, article.portal === 'homemade' ? 'text/html' : 'text/html; charset=utf-8', html);
    }
    if (/\.(jpe?g|png)$/i.test(path))
      return send(
        res,
        200,
        path.endsWith('.png') ? 'image/png' : 'image/jpeg',
        await image(path, path.endsWith('.png')),
      );
    return send(res, 404, 'text/html; charset=utf-8', '<h1>404 Không tìm thấy</h1>');
  };

  // The fixture pages' pictures are drawn before the first request: a test's short timeout
  // measures the crawler, not sharp.
  const pictures = [
    ...articles.map((a) => a.image),
    ...[
      'nukeviet/benh-vien-nhan-bang-khen-123.html',
      'joomla/tap-huan-can-bo.html',
      'liferay/trao-ky-niem-chuong.html',
    ].map(read),
  ].flatMap((html) => [...html.matchAll(/<img src="([^"]+\.(?:jpe?g|png))"/g)].map((m) => m[1]!));
  await Promise.all(
    pictures.map((src) => {
      const path = new URL(src.replace('//HOST/', '/'), 'http://x/homemade/').pathname;
      return image(path, path.endsWith('.png'));
    }),
  );

  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    agents.push(req.headers['user-agent'] ?? '');
    handle(req, res, req.headers.host ?? '').catch((e: Error) => {
      if (!res.headersSent) send(res, 500, 'text/plain', e.message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    agents,
    reset: () => {
      requests.length = 0;
      agents.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
