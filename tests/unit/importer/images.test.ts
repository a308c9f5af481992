/**
 * Pictures of imported pages: which caption and alt text a picture gets, which files are refused
 * and why (checked by content with sharp), one file for the same bytes, and the saved page's
 * _files folder as the source.
 */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importArticle } from '#src/importer/article.ts';
import { UnitMatcher } from '#src/importer/units.ts';
import type { ImageSource } from '#src/importer/image-source.ts';
import { resolveImages } from '#src/importer/images.ts';
import { activeSvgContent, checkImage, IMAGE_LIMITS } from '#src/importer/images/check.ts';
import { chooseAlt, isJunkAlt, placeholderNode, type ImageRef } from '#src/importer/images/refs.ts';
import { savedPageImageSource } from '#src/importer/images/saved-page.ts';
import { ImageStore, yearFolder } from '#src/importer/images/store.ts';
import { ALT_PLACEHOLDER } from '#src/model/image-alt.ts';
import type { Root } from 'mdast';
import { bodyToMarkdown } from '#src/importer/serialize.ts';
import { projectRoot } from '../../../scripts/lib/paths.ts';
import { FIXTURES } from './support.ts';

const SAVED = join(FIXTURES, 'saved-page');
const FILES = join(SAVED, 'tong-ket-2023_files');
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#b22222' } })
    .jpeg()
    .toBuffer();

describe('alt text: the source’s alt, else its title, else its caption, else the marker', () => {
  it.each<[string, Partial<ImageRef>, string, string]>([
    ['a real alt', { alt: 'Quang cảnh Hội nghị' }, 'Quang cảnh Hội nghị', 'alt'],
    ['alt beats title and caption', { alt: 'Đại biểu', title: 'Tiêu đề', caption: 'Chú thích.' }, 'Đại biểu', 'alt'],
    ['empty alt: the title', { alt: '', title: 'Cán bộ chụp ảnh lưu niệm' }, 'Cán bộ chụp ảnh lưu niệm', 'title'],
    ['a camera name is no alt', { alt: 'DSC_0123', title: 'Lễ ký kết' }, 'Lễ ký kết', 'title'],
    [
      'the file name is no alt',
      { src: 'x/hoi-nghi.jpg', alt: 'hoi nghi', caption: 'Quang cảnh.' },
      'Quang cảnh',
      'caption',
    ],
    ['a file name with extension', { alt: 'anh1.JPG', caption: 'Toàn cảnh buổi lễ.' }, 'Toàn cảnh buổi lễ', 'caption'],
    ['"ảnh" says nothing', { alt: 'Ảnh', title: 'image' }, ALT_PLACEHOLDER, 'placeholder'],
    ['"Ảnh minh họa" says nothing', { alt: 'Ảnh minh họa' }, ALT_PLACEHOLDER, 'placeholder'],
    [
      'the credit goes from a caption',
      { caption: 'Đồng chí Chủ tịch phát biểu. (Ảnh: Minh Anh)' },
      'Đồng chí Chủ tịch phát biểu',
      'caption',
    ],
    ['nothing at all: the marker, never an empty alt', {}, ALT_PLACEHOLDER, 'placeholder'],
    ['spaces are squeezed, NFC', { alt: '  Hội\u0301  nghị ' }, 'Hội\u0301 nghị'.normalize('NFC'), 'alt'],
  ])('%s', (_name, ref, alt, from) => {
    expect(chooseAlt({ src: 'anh/xyz.jpg', alt: '', title: '', caption: '', ...ref })).toEqual({ alt, from });
  });

  it.each([
    ['', true],
    ['IMG_2041', true],
    ['12345', true],
    ['hinh-anh', true],
    ['Đại hội Công đoàn', false],
  ])('isJunkAlt(%j) is %s', (text, junk) => expect(isJunkAlt(text, 'a/b.jpg')).toBe(junk));
});

/** The captions and alt texts the importer gives the pictures of a page. */
async function pictures(html: string) {
  const article = importArticle(
    `<html><body><h1>Tin ảnh</h1><div class="bodytext">${html}<p>${'Nội dung bài viết. '.repeat(20)}</p></div></body></html>`,
    'html',
    { units: new UnitMatcher([]), today: null },
  );
  const bytes = await jpeg(400, 300);
  // Only the real picture's address answers (not a lazy-loading placeholder).
  const source: ImageSource = {
    fetch: (src) =>
      Promise.resolve(
        src.startsWith('data:')
          ? { ok: false, reason: 'placeholder' }
          : { ok: true, bytes, contentType: null, url: src },
      ),
  };
  const store = new ImageStore(mkdtempSync(join(tmpdir(), 'img-cap-')), {}, (p) => p);
  const r = await resolveImages(article.body, { source, store, year: '2024', sourceName: 'a.html' });
  return r.images.map((i) => [i.caption ?? null, i.alt]);
}

describe('captions: kept as captions, wherever the portal wrote them', () => {
  it.each<[string, string, (string | null)[]]>([
    [
      'figure and figcaption',
      '<figure><img src="a.jpg"><figcaption>Lễ trao giải.</figcaption></figure>',
      ['Lễ trao giải.', 'Lễ trao giải'],
    ],
    [
      'an image table (NukeViet)',
      '<table class="image"><tr><td><img src="a.jpg"></td></tr><tr><td>Quang cảnh.</td></tr></table>',
      ['Quang cảnh.', 'Quang cảnh'],
    ],
    [
      'a caption class (Joomla)',
      '<div class="img_caption"><img src="a.jpg" alt="Đại biểu"><p class="img_caption">Đại biểu dự họp.</p></div>',
      ['Đại biểu dự họp.', 'Đại biểu'],
    ],
    [
      'an italic line under it',
      '<p style="text-align:center"><img src="a.jpg"></p><p><em>Toàn cảnh.</em></p>',
      ['Toàn cảnh.', 'Toàn cảnh'],
    ],
    [
      'a centred line under it',
      '<p align="center"><img src="a.jpg" alt="Ảnh lễ"></p><p align="center">Lễ kỷ niệm 95 năm.</p>',
      ['Lễ kỷ niệm 95 năm.', 'Ảnh lễ'],
    ],
    [
      'italics in the same paragraph',
      '<p><img src="a.jpg" alt="Buổi lễ"><br><em>Buổi lễ kết nạp.</em></p>',
      ['Buổi lễ kết nạp.', 'Buổi lễ'],
    ],
    [
      'a plain paragraph is no caption',
      '<p><img src="a.jpg" alt="Hội trường"></p><p>Sáng nay, hội nghị khai mạc.</p>',
      [null, 'Hội trường'],
    ],
    [
      'a long italic paragraph is no caption',
      `<p><img src="a.jpg" alt="Hội trường"></p><p><em>${'Chữ nghiêng rất dài. '.repeat(20)}</em></p>`,
      [null, 'Hội trường'],
    ],
    [
      'lazy loading: data-src over a placeholder src',
      '<p><img src="data:image/gif;base64,R0lGOD" data-src="that.jpg" alt="Lễ hội"></p>',
      [null, 'Lễ hội'],
    ],
    ['only a srcset', '<p><img srcset="a-480.jpg 480w, a-800.jpg 800w" alt="Lễ kết nạp"></p>', [null, 'Lễ kết nạp']],
  ])('%s', async (_name, html, expected) => {
    expect(await pictures(html)).toEqual([expected]);
  });
});

describe('checked by content: refused with a reason', () => {
  const file = (name: string) => new Uint8Array(readFileSync(join(FILES, name)));
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, RegExp]>([
    ['an HTML page under an image name', () => file('loi.jpg'), /trang HTML/],
    [
      'HTML starting with whitespace and a BOM',
      () => new TextEncoder().encode('\uFEFF  \n<html><body>x</body></html>'),
      /trang HTML/,
    ],
    ['an SVG with script', () => file('ma-doc.svg'), /SVG có thẻ <script>/],
    [
      'an SVG with an event handler',
      () =>
        new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="90" onload="alert(1)"/>'),
      /on…=/,
    ],
    [
      'an SVG linking another file',
      () =>
        new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="90"><image href="file:///etc/passwd"/></svg>',
        ),
      /tham chiếu tệp khác/,
    ],
    ['a truncated JPEG', () => file('hong.jpg'), /hỏng hoặc bị cắt cụt/],
    ['a tracking pixel', () => file('spacer.gif'), /quá nhỏ \(1×1 px\)/],
    ['an empty file', () => new Uint8Array(), /tệp rỗng/],
    ['text', () => new TextEncoder().encode('not an image at all'), /không phải ảnh/],
    [
      'a TIFF (not a web format)',
      () =>
        sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
          .tiff()
          .toBuffer(),
      /TIFF không dùng được/,
    ],
  ])('%s', async (_name, make, reason) => {
    const r = await checkImage(await make());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('too many bytes, too many pixels (limits lowered for the test)', async () => {
    const big = await jpeg(300, 200);
    expect(await checkImage(big, { ...IMAGE_LIMITS, maxBytes: 100 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^quá lớn \(/),
    });
    expect(await checkImage(big, { ...IMAGE_LIMITS, maxPixels: 10_000 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/quá nhiều điểm ảnh \(300×200/),
    });
  });

  it.each([
    ['anh-dai-dien.jpg', 'jpeg', 'jpg', 900, 600],
    ['trao-thuong.webp', 'webp', 'webp', 640, 427],
    ['ảnh tập thể.png', 'png', 'png', 480, 320],
    ['khong-mo-ta.gif', 'gif', 'gif', 200, 150],
  ])('accepts %s as %s, %i×%i', async (name, format, ext, width, height) => {
    expect(await checkImage(file(name))).toMatchObject({ ok: true, format, ext, width, height });
  });

  it('a plain SVG drawing is accepted as a PNG of it (nothing of it can run)', async () => {
    const r = await checkImage(file('bieu-do.svg'));
    expect(r).toMatchObject({ ok: true, format: 'png', width: 400, height: 240, fromSvg: true });
    expect(activeSvgContent(readFileSync(join(FILES, 'bieu-do.svg'), 'utf8'))).toBeNull();
  });

  it('an AVIF is kept as AVIF', async () => {
    const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#123456' } })
      .avif()
      .toBuffer();
    expect(await checkImage(avif)).toMatchObject({ ok: true, format: 'avif', ext: 'avif' });
  });
});

describe('one file for the same bytes, in one run and across runs', () => {
  it('stores a picture once, under its year, and finds it again by content', async () => {
    const news = mkdtempSync(join(tmpdir(), 'img-store-'));
    const manifest = {};
    const key = (p: string) => p.slice(news.length + 1);
    const checked = await checkImage(await jpeg(700, 400));
    if (!checked.ok) throw new Error(checked.reason);
    const first = new ImageStore(news, manifest, key);
    const a = first.place(checked, '2022', 'a.html');
    expect(a).toMatchObject({ outcome: 'created', markdownPath: `./images/2022/${checked.hash.slice(0, 12)}.jpg` });
    // Another article of the same run, another year: the same file.
    const b = first.place(checked, '2024', 'b.html');
    expect(b).toMatchObject({ outcome: 'reused', abs: a.abs });
    expect(first.write(a, 'a.html', 'now')).toBe(true);
    expect(first.write(b, 'b.html', 'now')).toBe(false);
    // The next run: the same source finds it unchanged, another source reuses it.
    const second = new ImageStore(news, manifest, key);
    expect(second.place(checked, '2022', 'a.html')).toMatchObject({ outcome: 'unchanged', abs: a.abs });
    expect(second.place(checked, '2023', 'c.html')).toMatchObject({ outcome: 'reused', abs: a.abs });
    // An editor replaced the picture under the same name: kept as theirs, never written again.
    writeFileSync(a.abs, await jpeg(600, 400));
    const third = new ImageStore(news, manifest, key);
    const c = third.place(checked, '2022', 'a.html');
    expect(c.outcome).toBe('kept-edited');
    expect(third.write(c, 'a.html', 'now')).toBe(false);
  });

  it.each([
    ['2024-01-12T08:30:00+07:00', '2024'],
    [null, 'khong-ro-nam'],
  ])('the folder of an article published %s is %s', (date, folder) => expect(yearFolder(date)).toBe(folder));
});

describe('the saved page’s _files folder as the source', () => {
  const source = savedPageImageSource(join(SAVED, 'tong-ket-2023.html'));
  it.each<[string, boolean | RegExp]>([
    ['./tong-ket-2023_files/anh-dai-dien.jpg', true],
    ['tong-ket-2023_files/anh-dai-dien.jpg?v=3', true],
    ['./tong-ket-2023_files/%E1%BA%A3nh%20t%E1%BA%ADp%20th%E1%BB%83.png', true],
    ['./tong-ket-2023_files/ảnh tập thể.png', true],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', true],
    ['https://congdoan.example.vn/uploads/a.jpg', /trang web cũ/],
    ['//congdoan.example.vn/uploads/a.jpg', /trang web cũ/],
    ['/uploads/news/a.jpg', /gốc trang web cũ/],
    ['../../../package.json', /ra ngoài thư mục/],
    ['./tong-ket-2023_files/khong-co.jpg', /không có tệp/],
  ])('%s', async (src, expected) => {
    const r = await source.fetch(src);
    if (expected === true) expect(r.ok).toBe(true);
    else expect(!r.ok && r.reason).toMatch(expected as RegExp);
  });

  it('a link inside the page’s folder that leads out of it is not followed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'img-link-'));
    writeFileSync(join(dir, 'trang.html'), '<html></html>');
    symlinkSync(join(projectRoot, 'package.json'), join(dir, 'anh.jpg'));
    expect(await savedPageImageSource(join(dir, 'trang.html')).fetch('anh.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ra ngoài thư mục/),
    });
  });

  it('stops at the byte limit before reading a file', async () => {
    const small = savedPageImageSource(join(SAVED, 'tong-ket-2023.html'), 1000);
    expect(await small.fetch('./tong-ket-2023_files/anh-dai-dien.jpg')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^quá lớn/),
    });
  });
});

describe('the body: figures where the pictures stood, the hero above', () => {
  it('the first large picture is the hero, unless og:image names another large one', async () => {
    const sizes: Record<string, [number, number]> = {
      'small.jpg': [400, 300],
      'wide.jpg': [800, 500],
      'og.jpg': [1200, 630],
      'banner.jpg': [1600, 200],
    };
    const bytes = new Map(
      await Promise.all(Object.entries(sizes).map(async ([n, [w, h]]) => [n, await jpeg(w, h)] as const)),
    );
    const source: ImageSource = {
      fetch: (src) =>
        Promise.resolve({ ok: true, bytes: bytes.get(src.split('/').pop()!)!, contentType: null, url: src }),
    };
    const run = async (refs: ImageRef[]) => {
      const body: Root = { type: 'root', children: refs.map(placeholderNode) };
      const store = new ImageStore(mkdtempSync(join(tmpdir(), 'img-hero-')), {}, (p) => p);
      const r = await resolveImages(body, { source, store, year: '2024', sourceName: 'p.html' });
      return { hero: r.images.find((i) => i.hero)?.src ?? null, markdown: bodyToMarkdown(r.body) };
    };
    const ref = (src: string, extra: Partial<ImageRef> = {}): ImageRef => ({
      src,
      alt: `Ảnh ${src.replace('.jpg', '')}`,
      title: '',
      caption: '',
      ...extra,
    });
    expect((await run([ref('banner.jpg'), ref('small.jpg'), ref('wide.jpg')])).hero).toBe('wide.jpg');
    expect((await run([ref('small.jpg')])).hero).toBeNull();
    expect((await run([ref('og.jpg', { lead: 'og-image', outside: true }), ref('wide.jpg')])).hero).toBe('og.jpg');
    // og:image is a body picture: that one, taken out of the text.
    const named = await run([
      ref('https://x.vn/uploads/og.jpg', { lead: 'og-image', outside: true }),
      ref('wide.jpg'),
      ref('og.jpg'),
    ]);
    expect(named.hero).toBe('og.jpg');
    expect(named.markdown).toContain('![Ảnh wide]');
    expect(named.markdown).not.toContain('![Ảnh og]');
    // A small og:image (a logo): the first large picture of the text.
    expect((await run([ref('small.jpg', { lead: 'og-image', outside: true }), ref('wide.jpg')])).hero).toBe('wide.jpg');
  });

  it('a caption goes into <figcaption>, escaped; a picture not brought keeps its caption as text', async () => {
    const body: Root = {
      type: 'root',
      children: [
        placeholderNode({ src: 'ok.jpg', alt: 'Lễ trao giải', title: '', caption: '' }),
        { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Lễ <b> & {x}.' }] }] },
        placeholderNode({ src: 'missing.jpg', alt: 'Thiếu', title: '', caption: '' }),
        { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'Ảnh thiếu.' }] }] },
      ],
    };
    const bytes = await jpeg(300, 200);
    const source: ImageSource = {
      fetch: (src) =>
        Promise.resolve(
          src === 'ok.jpg' ? { ok: true, bytes, contentType: null, url: src } : { ok: false, reason: 'HTTP 404' },
        ),
    };
    const store = new ImageStore(mkdtempSync(join(tmpdir(), 'img-fig-')), {}, (p) => p);
    const r = await resolveImages(body, { source, store, year: '2024', sourceName: 'p.html' });
    const md = bodyToMarkdown(r.body);
    expect(md).toContain('<figure>\n\n![Lễ trao giải](./images/2024/');
    expect(md).toContain('<figcaption>Lễ &#60;b&#62; &#38; &#123;x&#125;.</figcaption>\n\n</figure>');
    expect(md).toContain('*Ảnh thiếu.*');
    expect(r.images.map((i) => [i.src, i.outcome, i.reason ?? null])).toEqual([
      ['ok.jpg', 'created', null],
      ['missing.jpg', 'not-brought', 'HTTP 404'],
    ]);
  });
});
