/**
 * Polite HTTP fetching for the crawler and its image source: a limit on requests in flight, a
 * delay between requests to one host (robots.txt Crawl-delay raises it), robots.txt checked for
 * every URL and every redirect hop, retries with exponential backoff on 429/5xx, timeouts and
 * network errors (Retry-After honoured), a timeout per attempt, a byte cap enforced while the body
 * streams, redirects followed by hand with a limit and loop detection, and a User-Agent naming the
 * tool. Uses Node's built-in fetch (undici). Every failure carries a Vietnamese reason.
 */
import { DISALLOW_ALL, parseRobots, type RobotsRules } from './robots.ts';

export interface FetchPolicy {
  /** Sent with every request: "congdoan-news-importer/0.1.0 (+…)". */
  userAgent: string;
  /** Product token matched against robots.txt User-agent lines. */
  robotsAgent: string;
  /** Requests in flight at once, all hosts together. */
  concurrency: number;
  /** Milliseconds between the starts of two requests to one host. */
  delayMs: number;
  /** Milliseconds one attempt may take, body included. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx, a timeout or a network error. */
  retries: number;
  /** First backoff in ms (doubled each attempt). */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the URL fails. */
  maxRetryAfterMs: number;
  maxRedirects: number;
}

export const DEFAULT_POLICY: FetchPolicy = {
  userAgent: 'congdoan-news-importer',
  robotsAgent: 'congdoan-news-importer',
  concurrency: 2,
  delayMs: 500,
  timeoutMs: 20_000,
  retries: 3,
  backoffMs: 1_000,
  maxRetryAfterMs: 120_000,
  maxRedirects: 5,
};

export type FailureKind =
  'robots' | 'http' | 'timeout' | 'network' | 'too-large' | 'redirect-loop' | 'too-many-redirects' | 'off-site';

export type FetchOutcome =
  | { ok: true; url: string; status: number; contentType: string | null; bytes: Uint8Array; redirects: string[] }
  | { ok: false; url: string; kind: FailureKind; reason: string; status?: number };

export interface GetOptions {
  /** Byte cap; the download stops as soon as it is passed. */
  maxBytes: number;
  accept?: string;
  /** A redirect to a URL this refuses is not followed (pages stay on the site). */
  follow?: (url: URL) => boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MB`;

const STATUS_TEXT: Record<number, string> = {
  400: 'yêu cầu không hợp lệ',
  401: 'cần đăng nhập',
  403: 'bị từ chối truy cập',
  404: 'không tìm thấy trang',
  410: 'trang đã bị gỡ',
  429: 'máy chủ báo gửi yêu cầu quá nhanh',
  500: 'lỗi máy chủ',
  502: 'lỗi cổng máy chủ',
  503: 'máy chủ tạm ngừng phục vụ',
  504: 'máy chủ phản hồi quá chậm',
};
export const httpReason = (status: number) => `HTTP ${status}${STATUS_TEXT[status] ? ` (${STATUS_TEXT[status]})` : ''}`;

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const retryable = (status: number) => status === 429 || status === 408 || (status >= 500 && status <= 599);

class Semaphore {
  private active = 0;
  private waiting: (() => void)[] = [];
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

type Attempt =
  | {
      kind: 'response';
      status: number;
      headers: Headers;
      bytes: Uint8Array | null;
      tooLarge?: number;
      streamed?: boolean;
    }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

export class PoliteFetcher {
  readonly policy: FetchPolicy;
  /** HTTP requests sent (robots.txt and retries included). */
  requests = 0;
  private readonly slots = new Semaphore(1);
  private readonly gate: Semaphore;
  private readonly nextStart = new Map<string, number>();
  private readonly robots = new Map<string, Promise<{ rules: RobotsRules; note: string | null }>>();

  constructor(policy: Partial<FetchPolicy> = {}) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
    // Header values are bytes: a letter outside Latin-1 would make every request fail.
    this.policy.userAgent = this.policy.userAgent.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
    this.gate = new Semaphore(Math.max(1, this.policy.concurrency));
  }

  /** Wait for this host's turn: requests to one host start at least delay apart. */
  private async turn(host: string, delayMs: number): Promise<void> {
    let wait = 0;
    await this.slots.run(async () => {
      const now = Date.now();
      const at = Math.max(now, this.nextStart.get(host) ?? 0);
      this.nextStart.set(host, at + delayMs);
      wait = at - now;
    });
    if (wait > 0) await sleep(wait);
  }

  /** One request, no redirects followed, body read up to maxBytes. */
  private async attempt(url: URL, options: GetOptions, delayMs: number): Promise<Attempt> {
    await this.turn(url.host, delayMs);
    return this.gate.run(async () => {
      this.requests++;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.policy.timeoutMs);
      try {
        const response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'user-agent': this.policy.userAgent,
            accept: options.accept ?? '*/*',
            'accept-language': 'vi,en;q=0.5',
          },
        });
        const status = response.status;
        if (status < 200 || status >= 300 || !response.body) {
          await response.body?.cancel().catch(() => {});
          return { kind: 'response', status, headers: response.headers, bytes: null };
        }
        const declared = Number(response.headers.get('content-length') ?? NaN);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          await response.body.cancel().catch(() => {});
          return { kind: 'response', status, headers: response.headers, bytes: null, tooLarge: declared };
        }
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        let total = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > options.maxBytes) {
            await reader.cancel().catch(() => {});
            return {
              kind: 'response',
              status,
              headers: response.headers,
              bytes: null,
              tooLarge: total,
              streamed: true,
            };
          }
          chunks.push(value);
        }
        const bytes = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        return { kind: 'response', status, headers: response.headers, bytes };
      } catch (error) {
        if (controller.signal.aborted) return { kind: 'timeout' };
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return { kind: 'network', message: cause?.code ?? cause?.message ?? (error as Error).message };
      } finally {
        clearTimeout(timer);
      }
    });
  }

  /** Attempts with retries and backoff; the last attempt's result. */
  private async withRetries(
    url: URL,
    options: GetOptions,
    delayMs: number,
  ): Promise<{ attempt: Attempt; gaveUp?: string }> {
    let attempt: Attempt = { kind: 'network', message: 'chưa gửi' };
    for (let n = 0; n <= this.policy.retries; n++) {
      attempt = await this.attempt(url, options, delayMs);
      const again = attempt.kind !== 'response' || retryable(attempt.status);
      if (!again || n === this.policy.retries) break;
      let wait = this.policy.backoffMs * 2 ** n * (0.75 + Math.random() * 0.5);
      if (attempt.kind === 'response') {
        const asked = retryAfterMs(attempt.headers.get('retry-after'));
        if (asked !== null && asked > this.policy.maxRetryAfterMs)
          return {
            attempt,
            gaveUp: `máy chủ yêu cầu chờ ${Math.ceil(asked / 1000)} giây (Retry-After), lâu hơn mức cho phép ${Math.ceil(this.policy.maxRetryAfterMs / 1000)} giây`,
          };
        if (asked !== null) wait = Math.max(wait, asked);
      }
      await sleep(wait);
    }
    return { attempt };
  }

  /** The robots.txt rules of an origin, fetched once (RFC 9309: 4xx allows all, 5xx or no answer forbids all). */
  rulesFor(origin: string): Promise<{ rules: RobotsRules; note: string | null }> {
    let found = this.robots.get(origin);
    if (!found) {
      found = (async () => {
        let url = new URL('/robots.txt', origin);
        for (let hop = 0; hop <= this.policy.maxRedirects; hop++) {
          const { attempt } = await this.withRetries(
            url,
            { maxBytes: 512 * 1024, accept: 'text/plain' },
            this.policy.delayMs,
          );
          if (attempt.kind !== 'response')
            return {
              rules: DISALLOW_ALL,
              note: `không đọc được ${url.href} (${attempt.kind === 'timeout' ? 'quá thời gian chờ' : attempt.kind === 'network' ? attempt.message : ''}): theo chuẩn robots.txt, coi như cấm cả trang`,
            };
          const location = attempt.headers.get('location');
          if (attempt.status >= 300 && attempt.status < 400 && location) {
            url = new URL(location, url);
            continue;
          }
          if (attempt.status >= 400 && attempt.status < 500)
            return { rules: parseRobots('', this.policy.robotsAgent), note: null };
          if (attempt.status >= 200 && attempt.status < 300 && attempt.bytes)
            return { rules: parseRobots(new TextDecoder().decode(attempt.bytes), this.policy.robotsAgent), note: null };
          return {
            rules: DISALLOW_ALL,
            note: `không đọc được ${url.href} (${httpReason(attempt.status)}): theo chuẩn robots.txt, coi như cấm cả trang`,
          };
        }
        return { rules: DISALLOW_ALL, note: `${origin}/robots.txt chuyển hướng quá nhiều lần: coi như cấm cả trang` };
      })();
      this.robots.set(origin, found);
    }
    return found;
  }

  /** GET a URL politely: robots.txt, delay, retries, byte cap, redirects checked hop by hop. */
  async get(href: string, options: GetOptions): Promise<FetchOutcome> {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return { ok: false, url: href, kind: 'network', reason: `địa chỉ không hợp lệ: ${href}` };
    }
    const chain: string[] = [];
    for (;;) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return {
          ok: false,
          url: href,
          kind: 'network',
          reason: `không tải được địa chỉ ${url.protocol} (chỉ http và https)`,
        };
      const { rules, note } = await this.rulesFor(url.origin);
      if (!rules.allows(url.pathname + url.search))
        return {
          ok: false,
          url: href,
          kind: 'robots',
          reason:
            note ??
            `robots.txt của ${url.host} cấm tải ${url.pathname}${url.search}${chain.length ? ` (sau chuyển hướng từ ${chain[0]})` : ''}`,
        };
      const delayMs = Math.max(this.policy.delayMs, (rules.crawlDelay ?? 0) * 1000);
      chain.push(url.href);
      const { attempt, gaveUp } = await this.withRetries(url, options, delayMs);
      const tries = this.policy.retries + 1;
      if (attempt.kind === 'timeout')
        return {
          ok: false,
          url: href,
          kind: 'timeout',
          reason: `quá thời gian chờ (${Number((this.policy.timeoutMs / 1000).toFixed(1))} giây, thử ${tries} lần)`,
        };
      if (attempt.kind === 'network')
        return { ok: false, url: href, kind: 'network', reason: `lỗi mạng: ${attempt.message} (thử ${tries} lần)` };
      const { status, headers } = attempt;
      const location = headers.get('location');
      if (status >= 300 && status < 400 && location) {
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return {
            ok: false,
            url: href,
            kind: 'network',
            reason: `chuyển hướng tới địa chỉ không hợp lệ: ${location}`,
          };
        }
        next.hash = '';
        if (chain.includes(next.href))
          return {
            ok: false,
            url: href,
            kind: 'redirect-loop',
            reason: `vòng chuyển hướng: ${[...chain, next.href].join(' → ')}`,
          };
        if (chain.length > this.policy.maxRedirects)
          return {
            ok: false,
            url: href,
            kind: 'too-many-redirects',
            reason: `chuyển hướng quá ${this.policy.maxRedirects} lần (${chain[0]} → … → ${next.href})`,
          };
        if (options.follow && !options.follow(next))
          return {
            ok: false,
            url: href,
            kind: 'off-site',
            reason: `chuyển hướng ra ngoài trang đang thu thập: ${next.href} (thêm --allow-host ${next.host} nếu đó vẫn là cổng thông tin này)`,
          };
        url = next;
        continue;
      }
      if (status < 200 || status >= 300 || (!attempt.bytes && !attempt.tooLarge))
        return {
          ok: false,
          url: href,
          kind: 'http',
          status,
          reason: gaveUp
            ? `${httpReason(status)}; ${gaveUp}`
            : `${httpReason(status)}${retryable(status) ? ` (thử ${tries} lần)` : ''}`,
        };
      if (attempt.tooLarge)
        return {
          ok: false,
          url: href,
          kind: 'too-large',
          reason: attempt.streamed
            ? `quá lớn (hơn ${mb(options.maxBytes)}: đã dừng tải khi vượt giới hạn)`
            : `quá lớn (${mb(attempt.tooLarge)} > ${mb(options.maxBytes)})`,
        };
      return {
        ok: true,
        url: url.href,
        status,
        contentType: headers.get('content-type'),
        bytes: attempt.bytes!,
        redirects: chain.slice(0, -1),
      };
    }
  }
}
