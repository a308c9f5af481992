import { describe, expect, it } from 'vitest';
import { countWords, formatReadingTime, READING_SPEED, readingTime, visibleText } from '#src/text/reading-time.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'đoàn' : 'Công')).join(' ');

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Công đoàn cơ sở', 4],
    ['  Công   đoàn\n\ncơ sở  ', 4],
    ['Năm 2022 – đạt 100%', 4],
    ['— … –', 0],
    ['Công\u00a0đoàn', 2], // a no-break space still separates words
  ])('%j → %i', (text, n) => expect(countWords(text)).toBe(n));
});

describe('visibleText drops what is not read', () => {
  it.each([
    ['link targets', 'Xem [bài viết](https://kiemsat.vn/a-b-c.html) này', 'Xem bài viết này'],
    ['images', 'Trước ![Quang cảnh Hội nghị](./anh.jpg) sau', 'Trước sau'],
    ['code fences', 'Một\n```js\nconst x = 1 + 2;\n```\nHai', 'Một Hai'],
    ['MDX imports and expressions', "import X from './x.astro'\n\nCông {1 + 1} đoàn", 'Công đoàn'],
    ['HTML tags but not their text', '<Figure caption="x">Công đoàn</Figure>', 'Công đoàn'],
    ['Markdown marks', '## **Công** _đoàn_\n> trích', 'Công đoàn trích'],
    ['frontmatter', '---\ntitle: Tiêu đề\n---\nNội dung', 'Nội dung'],
  ])('%s', (_name, md, expected) => {
    expect(visibleText(md).split(/\s+/).filter(Boolean).join(' ')).toBe(expected);
  });
});

describe('readingTime', () => {
  it.each([
    ['empty body still reads as one minute', '', 0, 1],
    ['a short note', words(50), 50, 1],
    ['exactly one reading speed', words(READING_SPEED), READING_SPEED, 1],
    ['two and a half minutes rounds to 3', words(Math.round(READING_SPEED * 2.5)), Math.round(READING_SPEED * 2.5), 3],
    ['ten minutes', words(READING_SPEED * 10), READING_SPEED * 10, 10],
  ])('%s', (_name, md, w, minutes) => {
    expect(readingTime(md)).toEqual({ words: w, minutes });
  });

  it('labels in Vietnamese', () => {
    expect(formatReadingTime({ words: 700, minutes: 3 })).toBe('3 phút đọc');
  });
});
