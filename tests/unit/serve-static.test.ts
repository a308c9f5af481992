/**
 * The benchmarks' static server (scripts/lib/browser.ts) compresses as the deployment recipes do
 * when asked (`compress: true`): text types gzip, already-compressed files as they are, and the
 * byte count it reports is what went over the wire.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'serve-static-'));
const json = JSON.stringify({ a: Array.from({ length: 500 }, (_, i) => `bản ghi ${i}`) });
let plain: StaticServer;
let compressed: StaticServer;
const counted: { path: string; bytes: number }[] = [];

function get(server: StaticServer, path: string, gzip = true) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    const req = request(server.url(path), { headers: gzip ? { 'accept-encoding': 'gzip, br' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(dir, 'pagefind'));
  writeFileSync(join(dir, 'data.json'), json);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'pagefind', 'x.pf_meta'), Buffer.from([1, 2, 3, 4]));
  plain = await serveStatic(dir);
  compressed = await serveStatic(dir, {
    compress: true,
    onResponse: ({ path, bytes }) => counted.push({ path, bytes }),
  });
});
afterAll(async () => {
  await plain?.close();
  await compressed?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveStatic({ compress: true })', () => {
  it('gzips JSON for a browser that accepts it, and counts the compressed bytes', async () => {
    const { headers, body } = await get(compressed, '/data.json');
    expect(headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body).toString('utf8')).toBe(json);
    expect(body.length).toBeLessThan(Buffer.byteLength(json) / 3);
    expect(counted.find((c) => c.path === '/data.json')?.bytes).toBe(body.length);
  });

  it('leaves Pagefind files, and clients that do not accept gzip, uncompressed', async () => {
    expect((await get(compressed, '/pagefind/x.pf_meta')).headers['content-encoding']).toBeUndefined();
    const { headers, body } = await get(compressed, '/data.json', false);
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe(json);
  });

  it('compresses nothing by default', async () => {
    const { headers, body } = await get(plain, '/data.json');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe(json);
  });
});
