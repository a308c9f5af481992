import { describe, expect, it } from 'vitest';
import {
  cleanQuery,
  dFoldField,
  extractIndexedText,
  foldDStroke,
  foldedQuery,
  separateBlocks,
  withSearchExtras,
} from '#src/search/fold.ts';

/** What Pagefind 1.6 does to a word: NFD, combining marks dropped, lower case (no đ mapping). */
const pagefindFold = (w: string) =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

describe('foldDStroke', () => {
  it.each([
    ['Công đoàn', 'Công doàn'],
    ['ĐOÀN', 'DOÀN'],
    ['Ðảng', 'Dảng'], // U+00D0 look-alike from copy-paste
    ['ðoàn', 'doàn'], // U+00F0
    ['thi đua', 'thi dua'],
    ['không đổi', 'không dổi'],
    ['no d-stroke', 'no d-stroke'],
  ])('%s → %s', (input, expected) => expect(foldDStroke(input)).toBe(expected));
});

describe('Pagefind folding alone misses đ (the bug this module fixes)', () => {
  it.each([
    ['đoàn', 'doan'],
    ['đua', 'dua'],
    ['động', 'dong'],
  ])('Pagefind folds %s to something other than the typed %s; our field supplies it', (word, typed) => {
    expect(pagefindFold(word)).not.toBe(typed);
    expect(pagefindFold(dFoldField(word))).toBe(typed);
  });
});

describe('foldedQuery', () => {
  it.each([
    ['Công đoàn', 'Công doàn'],
    ['  người  lao\u00a0động ', 'người lao dộng'],
    ['cong doan', null],
    ['Bằng khen', null],
    ['', null],
  ])('%j → %j', (q, expected) => expect(foldedQuery(q)).toBe(expected));

  it('cleans odd spaces and NFD input', () => {
    expect(cleanQuery('Co\u0302ng\u00a0\u00a0đoàn')).toBe('Công đoàn');
  });
});

describe('dFoldField', () => {
  it.each([
    ['Công đoàn cơ sở, Công đoàn ngành', 'doàn'],
    ['Đại hội Công đoàn. Đại hội', 'dại doàn.'],
    ['không có chữ nào', ''],
    ['Ban chấp hành\u00a0Công\u00a0đoàn', 'doàn'],
    ['Ðảng và Đảng', 'dảng đảng'],
  ])('%j → %j', (text, expected) => expect(dFoldField(text)).toBe(expected));

  it('makes every word with đ reachable by its tone-free spelling', () => {
    const text = 'Công đoàn VKSND tỉnh phát động phong trào thi đua đầu năm; đoàn viên, người lao động đều đồng lòng.';
    const field = new Set(
      dFoldField(text)
        .split(' ')
        .map((w) => pagefindFold(w).replace(/[^\p{L}]/gu, '')),
    );
    for (const typed of ['doan', 'dong', 'dua', 'deu', 'dau']) {
      expect(field.has(typed), typed).toBe(true);
    }
  });
});

describe('extractIndexedText', () => {
  const page = (main: string) =>
    `<!doctype html><html lang="vi"><head><title>Đầu trang</title><script>var đ = "đêm";</script></head>` +
    `<body><header data-pagefind-ignore><nav>Đơn vị Trang chủ</nav></header>${main}` +
    `<footer data-pagefind-ignore>Địa chỉ</footer></body></html>`;

  it.each([
    [
      'only the body element, without ignored parts',
      page(
        '<main data-pagefind-body><h1>Đại hội</h1><p>Công &amp; đoàn<br>viên</p><aside data-pagefind-ignore>Đọc thêm</aside></main>',
      ),
      'Đại hội Công & đoàn viên',
    ],
    [
      'entities and no-break spaces',
      page('<article data-pagefind-body><p>Công&nbsp;đoàn &#273;i &#x111;ầu</p></article>'),
      'Công đoàn đi đầu',
    ],
    [
      'scripts, styles and svg inside the body are skipped',
      page(
        '<main data-pagefind-body><style>p{}</style><p>Đúng</p><svg><text>Sai</text></svg><script type="module">đ()</script></main>',
      ),
      'Đúng',
    ],
  ])('%s', (_name, html, expected) => {
    const r = extractIndexedText(html);
    expect(r.hasBody).toBe(true);
    expect(r.text).toBe(expected);
  });

  it('reports pages without a body element and without a date sort key', () => {
    const r = extractIndexedText('<html><body><p>Đây</p></body></html>');
    expect(r).toEqual({ hasBody: false, text: 'Đây', hasDateSort: false });
    expect(
      extractIndexedText('<main data-pagefind-body><span data-pagefind-sort="date:2024-01-02"></span></main>')
        .hasDateSort,
    ).toBe(true);
  });
});

describe('separateBlocks', () => {
  it.each([
    ['<dl><dt>Hình thức</dt><dd>Bằng khen</dd></dl>', '<dl><dt>Hình thức</dt> <dd>Bằng khen</dd> </dl>'],
    ['<h1>Tiêu đề</h1><p>Đoạn</p>', '<h1>Tiêu đề</h1> <p>Đoạn</p>'],
    ['<p>Công <b>đ</b><i>oàn</i></p>', '<p>Công <b>đ</b><i>oàn</i></p>'], // inline tags untouched
    ['<li>a</li>\n<li>b</li>', '<li>a</li>\n<li>b</li>'], // already separated
  ])('%s', (html, expected) => expect(separateBlocks(html)).toBe(expected));
});

describe('withSearchExtras', () => {
  it('inserts the field inside the body element, escaped, with a fallback sort key', () => {
    const html = '<body><main class="a" data-pagefind-body><p>x</p></main></body>';
    expect(withSearchExtras(html, { dfold: 'doàn "x"', addDateSort: true })).toBe(
      '<body><main class="a" data-pagefind-body><span hidden data-pagefind-meta="dfold:doàn &quot;x&quot;"></span>' +
        '<span hidden data-pagefind-sort="date:0000-00-00"></span><p>x</p> </main></body>',
    );
  });
  it('only separates blocks when there is nothing to add', () => {
    const html = '<main data-pagefind-body><p>x</p></main>';
    expect(withSearchExtras(html, { dfold: '', addDateSort: false })).toBe('<main data-pagefind-body><p>x</p> </main>');
  });
});
