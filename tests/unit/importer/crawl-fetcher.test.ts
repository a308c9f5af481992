/**
 * The polite fetcher against a small node:http server on 127.0.0.1: User-Agent, robots.txt
 * answers (4xx allows all, 5xx forbids all), Retry-After, the byte cap, redirect limits, off-site
 * redirects, the concurrency limit and the delay between requests to one host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '#src/importer/crawl/fetcher.ts';

let server: Server;
let origin: string;
let robotsStatus = 404;
const seen: { path: string; agent: string; at: number }[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, agent: req.headers['user-agent'] ?? '', at: Date.now() });
    if (path === '/robots.txt') {
      res.writeHead(robotsStatus, { 'content-type': 'text/plain' });
      return res.end(robotsStatus === 200 ? 'User-agent: *\nDisallow: /cam/\n' : 'error');
    }
    if (path === '/cho-lau') {
      res.writeHead(503, { 'retry-after': '3600' });
      return res.end();
    }
    if (path === '/to') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5000) });
      return res.end('x'.repeat(5000));
    }
    if (path.startsWith('/chuyen/')) {
      const n = Number(path.slice('/chuyen/'.length));
      res.writeHead(301, { location: `/chuyen/${n + 1}` });
      return res.end();
    }
    if (path === '/ra-ngoai') {
      res.writeHead(302, { location: 'http://example.invalid/x' });
      return res.end();
    }
    if (path.startsWith('/cham/')) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      }, 150);
      return undefined;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    return res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
});

const fast = { delayMs: 0, timeoutMs: 2000, retries: 1, backoffMs: 5, userAgent: 'congdoan-news-importer/9.9 (test)' };

describe('PoliteFetcher', () => {
  it('names itself, and a robots.txt that is not there allows everything', async () => {
    robotsStatus = 404;
    seen.length = 0;
    const f = new PoliteFetcher(fast);
    const got = await f.get(`${origin}/cam/a`, { maxBytes: 1000 });
    expect(got.ok).toBe(true);
    expect(seen.map((s) => s.path)).toEqual(['/robots.txt', '/cam/a']);
    expect(new Set(seen.map((s) => s.agent))).toEqual(new Set(['congdoan-news-importer/9.9 (test)']));
    expect(f.requests).toBe(2);
  });

  it('a robots.txt that answers 500 forbids the whole site (RFC 9309), with the reason', async () => {
    robotsStatus = 500;
    const got = await new PoliteFetcher(fast).get(`${origin}/a`, { maxBytes: 1000 });
    expect(got).toMatchObject({ ok: false, kind: 'robots' });
    expect(!got.ok && got.reason).toMatch(/robots\.txt.*HTTP 500.*coi như cấm cả trang/);
    robotsStatus = 200;
    const allowed = await new PoliteFetcher(fast).get(`${origin}/cam/x`, { maxBytes: 1000 });
    expect(allowed).toMatchObject({ ok: false, kind: 'robots' });
    robotsStatus = 404;
  });

  it('a Retry-After longer than allowed is not waited for', async () => {
    const got = await new PoliteFetcher({ ...fast, retries: 3, maxRetryAfterMs: 1000 }).get(`${origin}/cho-lau`, {
      maxBytes: 1000,
    });
    expect(!got.ok && got.reason).toBe(
      'HTTP 503 (máy chủ tạm ngừng phục vụ); máy chủ yêu cầu chờ 3600 giây (Retry-After), lâu hơn mức cho phép 1 giây',
    );
  });

  it('the byte cap refuses a body over it, announced or streamed', async () => {
    const got = await new PoliteFetcher(fast).get(`${origin}/to`, { maxBytes: 1000 });
    expect(got).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('redirects: at most maxRedirects, and never off the site when told', async () => {
    const many = await new PoliteFetcher({ ...fast, maxRedirects: 3 }).get(`${origin}/chuyen/1`, { maxBytes: 1000 });
    expect(many).toMatchObject({ ok: false, kind: 'too-many-redirects' });
    const away = await new PoliteFetcher(fast).get(`${origin}/ra-ngoai`, {
      maxBytes: 1000,
      follow: (u) => u.origin === origin,
    });
    expect(away).toMatchObject({ ok: false, kind: 'off-site' });
    expect(!away.ok && away.reason).toContain('http://example.invalid/x');
  });

  it('keeps to the concurrency limit, and spaces requests to one host by the delay', async () => {
    maxInFlight = 0;
    const f = new PoliteFetcher({ ...fast, concurrency: 2 });
    const all = await Promise.all(Array.from({ length: 6 }, (_, i) => f.get(`${origin}/cham/${i}`, { maxBytes: 100 })));
    expect(all.every((r) => r.ok)).toBe(true);
    // Never more than two at once (two at once is the rule; a loaded machine may overlap less).
    expect(maxInFlight).toBeLessThanOrEqual(2);

    seen.length = 0;
    const spaced = new PoliteFetcher({ ...fast, concurrency: 4, delayMs: 40 });
    await Promise.all(Array.from({ length: 4 }, (_, i) => spaced.get(`${origin}/nhanh/${i}`, { maxBytes: 100 })));
    const starts = seen.filter((s) => s.path.startsWith('/nhanh/')).map((s) => s.at);
    // Four requests 40 ms apart at least: a lower bound (a slow machine only spreads them more).
    expect(starts).toHaveLength(4);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(100);
  });
});
