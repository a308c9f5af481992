/**
 * A generated portal for the crawl benchmark (npm run bench:crawl): node:http on 127.0.0.1, a free
 * port, `articles` articles under /bench/ in the NukeViet style — listing pages of 20
 * (/bench/tin-tuc/?page=N, a numbered pager of seven and "Trang sau"), article pages with a
 * day-first date and one JPEG each, drawn by sharp. Every request is logged. The test portals with
 * their troubles are tests/support/portal-server.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface BenchPortal {
  url(path: string): string;
  /** "GET /path?query" of every request since start or reset. */
  requests: string[];
  reset(): void;
  stop(): Promise<void>;
}

const PER_PAGE = 20;
const PARAGRAPHS = [
  'Sáng nay, Công đoàn cơ sở đã tổ chức hội nghị người lao động với sự tham dự của đông đảo đoàn viên. Hội nghị đã thảo luận và thông qua nhiều nội dung quan trọng liên quan đến quyền lợi của người lao động.',
  'Phát biểu tại hội nghị, đồng chí Chủ tịch Công đoàn đề nghị các tổ công đoàn tiếp tục đổi mới nội dung, phương thức hoạt động, chăm lo tốt hơn đời sống vật chất và tinh thần cho đoàn viên.',
  'Dịp này, Ban Chấp hành Công đoàn đã khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua lao động giỏi.',
];
const pad = (n: number) => String(n).padStart(2, '0');
const title = (n: number) => `Tin hoạt động công đoàn số ${n}: hội nghị người lao động`;

function listing(page: number, articles: number): string {
  const pages = Math.ceil(articles / PER_PAGE);
  const items: string[] = [];
  for (let n = (page - 1) * PER_PAGE + 1; n <= Math.min(articles, page * PER_PAGE); n++)
    items.push(
      `<div class="item"><h3><a href="/bench/bai-viet/${n}.html">${title(n)}</a></h3><p>Tóm tắt bài ${n}.</p></div>`,
    );
  const pager: string[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++)
    pager.push(p === page ? `<strong>${p}</strong>` : `<a href="/bench/tin-tuc/?page=${p}">${p}</a>`);
  if (page < pages) pager.push(`<a href="/bench/tin-tuc/?page=${page + 1}">Trang sau</a>`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head><body><div id="menu-site"><a href="/bench/">Trang chủ</a></div><div class="list">${items.join('\n')}</div><div class="generate_page">${pager.join(' ')}</div></body></html>`;
}

function article(n: number): string {
  const date = `Thứ hai - ${pad(1 + (n % 28))}/${pad(1 + (n % 12))}/${2010 + (n % 14)} 09:${pad(n % 60)}`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title(n)} - Công đoàn tỉnh</title></head><body>
<div id="header"><div class="today">Hôm nay: Thứ Hai, 23/11/2026</div></div>
<div class="news_column"><div class="panel-body">
<h1 class="title">${title(n)}</h1><span class="h-date">${date}</span>
<div id="news-bodyhtml" class="bodytext"><p><img src="/bench/anh/${n}.jpg" alt="Ảnh hội nghị số ${n}" /></p>
${PARAGRAPHS.map((p) => `<p>${p} (Bài số ${n}.)</p>`).join('\n')}</div>
</div></div><div id="footer"><p>© Liên đoàn Lao động tỉnh.</p></div></body></html>`;
}

/** A 960×540 JPEG whose colour depends on n (each file differs). */
const picture = (n: number) =>
  sharp({ create: { width: 960, height: 540, channels: 3, background: { r: n & 0xff, g: (n >> 8) & 0xff, b: 128 } } })
    .jpeg({ quality: 70 })
    .toBuffer();

export async function startBenchPortal(articles: number): Promise<BenchPortal> {
  const requests: string[] = [];
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /admin/\n');
    if (url.pathname === '/bench/tin-tuc/') {
      const page = Number(url.searchParams.get('page') ?? 1);
      if (page >= 1 && page <= Math.ceil(articles / PER_PAGE))
        return send(res, 200, 'text/html; charset=utf-8', listing(page, articles));
    }
    const m = /^\/bench\/(bai-viet|anh)\/(\d+)\.(html|jpg)$/.exec(url.pathname);
    const n = Number(m?.[2]);
    if (m && n >= 1 && n <= articles)
      return m[1] === 'anh'
        ? send(res, 200, 'image/jpeg', await picture(n))
        : send(res, 200, 'text/html; charset=utf-8', article(n));
    return send(res, 404, 'text/html; charset=utf-8', '<h1>404</h1>');
  };
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${origin}${path}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
