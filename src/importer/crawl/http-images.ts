/**
 * The ImageSource of a crawled page: its images fetched over HTTP with the crawl's polite
 * fetcher (same robots.txt, delay, retries), the byte cap enforced while downloading. Images may
 * live on another host (a CDN); that host's robots.txt is read too. What the bytes are is checked
 * by the image pipeline, not here.
 */
import type { ImageFetchResult, ImageSource } from '../image-source.ts';
import type { PoliteFetcher } from './fetcher.ts';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/** Results by URL shared by the pages of one crawl (a logo on every page is fetched once). */
export class ImageCache {
  private readonly entries = new Map<string, Promise<ImageFetchResult>>();
  private readonly max: number;
  constructor(max = 64) {
    this.max = max;
  }
  get(url: string, load: () => Promise<ImageFetchResult>): Promise<ImageFetchResult> {
    let found = this.entries.get(url);
    if (found) {
      this.entries.delete(url); // most recently used last
      this.entries.set(url, found);
      return found;
    }
    found = load();
    this.entries.set(url, found);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return found;
  }
}

function fromDataUrl(src: string, maxBytes: number): ImageFetchResult {
  const m = /^data:([\w.+/-]*)((?:;[\w-]+=[^;,]*)*)(;base64)?,(.*)$/is.exec(src);
  if (!m) return { ok: false, reason: 'ảnh nhúng (data:) không đọc được' };
  const bytes = m[3] ? Buffer.from(m[4]!, 'base64') : Buffer.from(decodeURIComponent(m[4]!), 'utf8');
  if (bytes.length > maxBytes) return { ok: false, reason: `quá lớn (ảnh nhúng ${bytes.length} byte)` };
  return { ok: true, bytes: new Uint8Array(bytes), contentType: m[1] || null, url: 'data:' };
}

export class HttpImageSource implements ImageSource {
  private readonly fetcher: PoliteFetcher;
  private readonly pageUrl: string;
  private readonly maxBytes: number;
  private readonly cache: ImageCache;
  constructor(fetcher: PoliteFetcher, pageUrl: string, cache: ImageCache, maxBytes = MAX_IMAGE_BYTES) {
    this.fetcher = fetcher;
    this.pageUrl = pageUrl;
    this.cache = cache;
    this.maxBytes = maxBytes;
  }

  fetch(src: string): Promise<ImageFetchResult> {
    const trimmed = src.trim();
    if (/^data:/i.test(trimmed)) return Promise.resolve(fromDataUrl(trimmed, this.maxBytes));
    let url: URL;
    try {
      url = new URL(trimmed, this.pageUrl);
    } catch {
      return Promise.resolve({ ok: false, reason: `địa chỉ ảnh không hợp lệ: ${src}` });
    }
    url.hash = '';
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return Promise.resolve({ ok: false, reason: `không tải được ảnh qua ${url.protocol}` });
    return this.cache.get(url.href, async () => {
      const got = await this.fetcher.get(url.href, {
        maxBytes: this.maxBytes,
        accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8,*/*;q=0.5',
      });
      return got.ok
        ? { ok: true, bytes: got.bytes, contentType: got.contentType, url: got.url }
        : { ok: false, reason: got.reason };
    });
  }
}
