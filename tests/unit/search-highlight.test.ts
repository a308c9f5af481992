import { describe, expect, it } from 'vitest';
import { buildExcerpt, queryTerms, wordMatches } from '#src/search/highlight.ts';

const render = (segs: { text: string; mark: boolean }[]) => segs.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('query terms and matching', () => {
  it.each([
    ['Công đoàn', ['cong', 'doan']],
    ['"cong doan"', ['cong', 'doan']],
    ['  thi   ĐUA ', ['thi', 'dua']],
    ['-- ,', []],
  ])('%j → %j', (q, terms) => expect(queryTerms(q)).toEqual(terms));

  it.each([
    ['đoàn,', ['doan'], true],
    ['Đoàn', ['doan'], true],
    ['doanh', ['doan'], true], // Pagefind matches the last term as a prefix
    ['do', ['doan'], false], // never Pagefind's shorter-prefix fallback
    ['Công', ['cong'], true],
  ])('%j matches %j: %j', (word, terms, expected) => expect(wordMatches(word, terms)).toBe(expected));
});

describe('buildExcerpt', () => {
  it('marks words matched only through d-folding', () => {
    expect(render(buildExcerpt('Ban chấp hành Công đoàn cơ sở', 'cong doan', 30))).toBe(
      'Ban chấp hành [Công] [đoàn] cơ sở',
    );
  });
  it('centres on the window matching most terms, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'thi';
    words[41] = 'đua';
    const out = render(buildExcerpt(words.join(' '), 'thi dua', 10));
    expect(out).toBe('… w35 w36 w37 w38 w39 [thi] [đua] w42 w43 w44 …');
  });
  it('starts at the beginning without a query', () => {
    expect(render(buildExcerpt('một hai ba bốn', '', 3))).toBe('một hai ba …');
  });
  it('is empty for empty content', () => expect(buildExcerpt('', 'x')).toEqual([]));
});
