import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  hasNoindex,
  isOpenDataFile,
  isSitemapPath,
  pathOfHtmlFile,
  sitemapFiles,
  sitemapIndexXml,
  urlsetXml,
} from '#src/publishing/sitemap.ts';

describe('pathOfHtmlFile', () => {
  it.each([
    ['index.html', '/'],
    ['tin-tuc/bai/index.html', '/tin-tuc/bai/'],
    ['404.html', '/404.html'],
    ['tin-tuc\\bai\\index.html', '/tin-tuc/bai/'],
  ])('%s → %s', (file, path) => expect(pathOfHtmlFile(file)).toBe(path));
});

describe('isOpenDataFile', () => {
  it.each([
    ['du-lieu/khen-thuong.csv', true],
    ['du-lieu/datapackage.json', true],
    ['don-vi/cong-doan-a/khen-thuong.json', true],
    ['don-vi\\cong-doan-a\\khen-thuong.csv', true],
    ['don-vi/cong-doan-a/bang-thanh-tich.docx', false],
    ['pagefind/pagefind-entry.json', false],
    ['du-lieu/sub/x.csv', false],
    ['admin/config.json', false],
  ])('%s → %s', (file, ok) => expect(isOpenDataFile(file)).toBe(ok));
});

describe('isSitemapPath', () => {
  it.each([
    ['/', true],
    ['/tin-tuc/bai/', true],
    ['/don-vi/admin-khac/', true],
    ['/admin/', false],
    ['/admin/config/', false],
    ['/404.html', false],
    ['/404/', false],
  ])('%s → %s', (path, ok) => expect(isSitemapPath(path)).toBe(ok));
});

describe('hasNoindex', () => {
  it.each([
    ['<head><meta name="robots" content="noindex"></head>', true],
    ['<head><meta content="noindex, follow" name="robots" /></head>', true],
    ["<head><meta name='ROBOTS' content='NOINDEX'></head>", true],
    ['<head><meta name="description" content="noindex là gì"></head>', false],
    [
      '<head></head><body><p>&lt;meta name="robots" content="noindex"&gt;</p><meta name="robots" content="noindex"></body>',
      false,
    ],
    ['<head><title>x</title></head>', false],
  ])('%s → %s', (html, yes) => expect(hasNoindex(html)).toBe(yes));
});

describe('XML', () => {
  it('percent-encodes and escapes URLs', () => {
    expect(absoluteUrl('/tìm kiếm/', 'https://congdoan.example.vn')).toBe(
      'https://congdoan.example.vn/t%C3%ACm%20ki%E1%BA%BFm/',
    );
    expect(urlsetXml(['https://x.vn/?a=1&b=2'])).toContain('<loc>https://x.vn/?a=1&amp;b=2</loc>');
    expect(sitemapIndexXml(['https://x.vn/sitemap-0.xml'])).toContain(
      '<sitemap><loc>https://x.vn/sitemap-0.xml</loc></sitemap>',
    );
  });
  it.each([
    [0, 10, [0]],
    [10, 10, [10]],
    [25, 10, [10, 10, 5]],
  ])('%i URLs by %i per file', (n, per, sizes) => {
    const files = sitemapFiles(
      Array.from({ length: n }, (_, i) => `u${i}`),
      per,
    );
    expect(files.map((f) => f.urls.length)).toEqual(sizes);
    expect(files.map((f) => f.name)).toEqual(sizes.map((_, i) => `sitemap-${i}.xml`));
  });
});
