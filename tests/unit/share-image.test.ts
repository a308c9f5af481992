import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewsEntry } from '#src/model/content-model.ts';
import { articlesWithShareImage, shareImageLimit } from '#src/site/share-images.ts';
import {
  escapeXml,
  prewarmShareImages,
  renderShareImage,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  shareImageKey,
  shareImageSvg,
  wrapText,
} from '#src/publishing/share-image.ts';

describe('wrapText', () => {
  it.each([
    ['fits on one line', 'Công đoàn cơ sở', 20, 3, ['Công đoàn cơ sở']],
    [
      'breaks on spaces',
      'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh',
      20,
      3,
      ['Công đoàn VKSND tỉnh', 'Quảng Ngãi được vinh', 'danh'],
    ],
    ['ellipsis when text is left over', 'một hai ba bốn năm sáu bảy tám chín mười', 10, 2, ['một hai ba', 'bốn năm…']],
    ['cuts a word longer than a line', 'Côngđoànviênchức', 8, 2, ['Côngđoà…']],
    ['empty', '', 10, 2, []],
  ])('%s', (_n, text, chars, lines, out) => {
    const got = wrapText(text, chars, lines);
    expect(got).toEqual(out);
    for (const l of got) expect([...l].length).toBeLessThanOrEqual(chars);
  });
});

describe('shareImageSvg', () => {
  it('escapes text so a title cannot break the SVG', () => {
    const svg = shareImageSvg({ title: 'A <b> & "C"', kicker: "Tin's", footer: 'x' });
    expect(svg).toContain(escapeXml('A <b> & "C"'));
    expect(svg).not.toContain('<b>');
  });
  it('keys depend on the text drawn, not on anything else', () => {
    const a = { title: 'Công đoàn', kicker: 'Tin tức', footer: '02/02/2023' };
    expect(shareImageKey(a)).toBe(shareImageKey({ ...a }));
    expect(shareImageKey(a)).toBe(shareImageKey({ ...a, title: 'Co\u0302ng đoàn' })); // NFD title, same text
    expect(shareImageKey(a)).not.toBe(shareImageKey({ ...a, footer: '03/02/2023' }));
  });
});

describe('renderShareImage', () => {
  const cache = mkdtempSync(join(tmpdir(), 'share-images-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const input = {
    title: 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh',
    kicker: 'Thi đua, khen thưởng',
    footer: 'Tin Công đoàn · 02/02/2023',
  };

  it('has a font covering Vietnamese for librsvg (fontconfig)', () => {
    const families = execFileSync('fc-list', [':lang=vi', 'family'], { encoding: 'utf8' });
    expect(families).toMatch(/DejaVu Sans|Noto Sans|Liberation Sans/);
  });

  it('renders a 1200×630 PNG quickly, then reuses it from the cache', async () => {
    const started = performance.now();
    const first = await renderShareImage(input, cache);
    const took = performance.now() - started;
    expect(first.cached).toBe(false);
    const meta = await sharp(first.png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
    expect(took).toBeLessThan(1000); // the first render includes loading fonts; later ones take ~10 ms
    const second = await renderShareImage(input, cache);
    expect(second.cached).toBe(true);
    expect(second.png.equals(first.png)).toBe(true);
    expect(readdirSync(cache)).toEqual([shareImageKey(input)]);
  });

  it('draws the Vietnamese marks (accented and folded titles differ where the marks are)', async () => {
    const raw = async (title: string) =>
      await sharp((await renderShareImage({ ...input, title }, cache)).png)
        .raw()
        .toBuffer();
    const accented = await raw('Ệ Ữ Đ Ặ Ở');
    const plain = await raw('E U D A O');
    let differing = 0;
    for (let i = 0; i < accented.length; i++) if (accented[i] !== plain[i]) differing++;
    expect(differing).toBeGreaterThan(1000);
  });
});

describe('prewarmShareImages', () => {
  const cache = mkdtempSync(join(tmpdir(), 'share-prewarm-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const inputs = Array.from({ length: 6 }, (_, i) => ({
    title: `Bài số ${i} của Công đoàn`,
    kicker: 'Tin tức',
    footer: 'Tin Công đoàn',
  }));

  it('draws the missing images in the background; pages then get exactly those images', async () => {
    expect(await prewarmShareImages(inputs.slice(0, 2), cache)).toBe(2);
    // Already drawing or drawn: not queued twice.
    expect(await prewarmShareImages(inputs, cache)).toBe(4);
    const results = await Promise.all(inputs.map((input) => renderShareImage(input, cache)));
    for (const r of results) expect((await sharp(r.png).metadata()).width).toBe(SHARE_IMAGE_WIDTH);
    expect(readdirSync(cache).sort()).toEqual(inputs.map(shareImageKey).sort());
    // A second build finds them all cached.
    expect(await prewarmShareImages(inputs, cache)).toBe(0);
    expect((await renderShareImage(inputs[0]!, cache)).cached).toBe(true);
  });
});

describe('which articles get their own card', () => {
  const article = (id: string, hero = false) => ({ id, data: { hero: hero ? {} : undefined } }) as unknown as NewsEntry;
  const news = [article('a'), article('b', true), article('c'), article('d')];
  it.each([
    [0, []],
    [2, ['a', 'c']],
    [10, ['a', 'c', 'd']],
  ])('the newest %i without a hero image', (limit, ids) => {
    expect([...articlesWithShareImage([...news], limit)]).toEqual(ids);
  });
  it.each([
    [undefined, 1000],
    ['', 1000],
    ['0', 0],
    ['250', 250],
  ])('SHARE_IMAGE_LIMIT=%j → %i', (raw, n) => expect(shareImageLimit({ SHARE_IMAGE_LIMIT: raw })).toBe(n));
  it.each(['-1', 'many', '2.5'])('SHARE_IMAGE_LIMIT=%j is refused with a clear message', (raw) => {
    expect(() => shareImageLimit({ SHARE_IMAGE_LIMIT: raw })).toThrow(/SHARE_IMAGE_LIMIT.*whole number/);
  });
});
