import { describe, expect, it } from 'vitest';
import { absolutizeUrls } from '#src/publishing/absolute-urls.ts';

const base = 'https://congdoan.example.vn/tin-tuc/bai/';

describe('absolutizeUrls', () => {
  it.each([
    [
      'root-relative image',
      '<img src="/_astro/a.webp" alt="x">',
      '<img src="https://congdoan.example.vn/_astro/a.webp" alt="x">',
    ],
    ['page-relative link', '<a href="../khac/">x</a>', '<a href="https://congdoan.example.vn/tin-tuc/khac/">x</a>'],
    ['single quotes', "<a href='/don-vi/a/'>x</a>", '<a href="https://congdoan.example.vn/don-vi/a/">x</a>'],
    [
      'every srcset candidate',
      '<img srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" src="/_astro/a.webp">',
      '<img srcset="https://congdoan.example.vn/_astro/a-400.webp 400w, https://congdoan.example.vn/_astro/a-800.webp 800w" src="https://congdoan.example.vn/_astro/a.webp">',
    ],
    ['absolute URLs untouched', '<a href="https://kiemsat.vn/x">x</a>', '<a href="https://kiemsat.vn/x">x</a>'],
    ['mailto untouched', '<a href="mailto:cd@example.vn">x</a>', '<a href="mailto:cd@example.vn">x</a>'],
    ['fragment untouched', '<a href="#muc-1">x</a>', '<a href="#muc-1">x</a>'],
    ['protocol-relative untouched', '<img src="//cdn.example.vn/a.png">', '<img src="//cdn.example.vn/a.png">'],
    [
      'text that merely mentions src= untouched',
      '<p>dùng src="/x" trong văn bản</p>',
      '<p>dùng src="/x" trong văn bản</p>',
    ],
  ])('%s', (_n, html, out) => expect(absolutizeUrls(html, base)).toBe(out));
});
