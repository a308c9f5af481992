import { describe, expect, it } from 'vitest';
import { normalizeSiteBase, SiteBaseError } from '#src/model/site-base.ts';

describe('normalizeSiteBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['  ', '/'],
    ['/', '/'],
    ['/congdoan/', '/congdoan/'],
    ['/congdoan', '/congdoan/'],
    ['congdoan', '/congdoan/'],
    ['congdoan/', '/congdoan/'],
    [' /congdoan/ ', '/congdoan/'],
    ['/to-chuc/cong_doan/', '/to-chuc/cong_doan/'],
    ['/v1.2/~x/', '/v1.2/~x/'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeSiteBase(value)).toBe(expected);
  });

  it.each([
    ['https://example.gov.vn/congdoan/', 'địa chỉ đầy đủ'],
    ['//example.gov.vn/congdoan/', 'địa chỉ đầy đủ'],
    ['/congdoan/?x=1', '"?" hay "#"'],
    ['/congdoan/#top', '"?" hay "#"'],
    ['\\congdoan\\', 'dấu "\\"'],
    ['/a//b/', 'hai dấu "/" liền nhau'],
    ['/../congdoan/', 'đoạn ".."'],
    ['/./', 'đoạn "."'],
    ['/công-đoàn/', 'đoạn "công-đoàn"'],
    ['/cong doan/', 'đoạn "cong doan"'],
  ])('refuses %j with a Vietnamese reason (%s)', (value, reason) => {
    expect(() => normalizeSiteBase(value)).toThrow(SiteBaseError);
    expect(() => normalizeSiteBase(value)).toThrow(reason);
    expect(() => normalizeSiteBase(value)).toThrow(`SITE_BASE = "${value.trim()}" không hợp lệ`);
  });

  it('names the field the value came from', () => {
    expect(() => normalizeSiteBase('/a b/', 'content/site.yaml: base')).toThrow(
      'content/site.yaml: base = "/a b/" không hợp lệ',
    );
  });
});
