import { describe, expect, it } from 'vitest';
import { AWARD_FORMS, NEWS_CATEGORIES, UNIT_LEVELS } from '#src/model/vocabulary.ts';
import { didYouMean, editDistance, foldedKey, suggest, type SuggestionCandidate } from '#src/text/suggest.ts';

/** Units as in content/units/: id, name, short name, aliases. */
const UNITS: SuggestionCandidate[] = [
  [
    'cong-doan-vksnd-tinh-quang-ngai',
    'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    'Công đoàn VKSND tỉnh Quảng Ngãi',
  ],
  [
    'cong-doan-vksnd-thanh-pho-hai-phong',
    'Công đoàn Viện kiểm sát nhân dân thành phố Hải Phòng',
    'Công đoàn VKSND thành phố Hải Phòng',
  ],
  ['cong-doan-vksnd-toi-cao', 'Công đoàn Viện kiểm sát nhân dân tối cao', 'Công đoàn VKSND tối cao'],
  ['cong-doan-vien-chuc-tinh-quang-ngai', 'Công đoàn Viên chức tỉnh Quảng Ngãi', 'CĐVC tỉnh Quảng Ngãi'],
  ['cong-doan-vien-chuc-tinh-bac-giang', 'Công đoàn Viên chức tỉnh Bắc Giang', 'CĐVC tỉnh Bắc Giang'],
  ['lien-doan-lao-dong-tinh-quang-ngai', 'Liên đoàn Lao động tỉnh Quảng Ngãi', 'LĐLĐ tỉnh Quảng Ngãi'],
  ['lien-doan-lao-dong-tinh-lang-son', 'Liên đoàn Lao động tỉnh Lạng Sơn', 'Công đoàn Lạng Sơn'],
  ['tong-lien-doan-lao-dong-viet-nam', 'Tổng Liên đoàn Lao động Việt Nam', 'Tổng LĐLĐ Việt Nam'],
  ['vksnd-tinh-quang-ngai', 'Viện kiểm sát nhân dân tỉnh Quảng Ngãi', 'VKSND tỉnh Quảng Ngãi'],
].map(([id, ...names]) => ({ id: id!, names }));

const vocabulary = (entries: Record<string, string | { label: string }>): SuggestionCandidate[] =>
  Object.entries(entries).map(([id, v]) => {
    const label = typeof v === 'string' ? v : v.label;
    return { id, names: [label], label };
  });

const FORMS = vocabulary(AWARD_FORMS);
const LEVELS = vocabulary(UNIT_LEVELS);
const CATEGORIES = vocabulary(NEWS_CATEGORIES);
const NEWS_FIELDS: SuggestionCandidate[] = [
  ['title', 'Tiêu đề'],
  ['summary', 'Tóm tắt'],
  ['publishedAt', 'Ngày giờ đăng'],
  ['updatedAt', 'Ngày giờ cập nhật'],
  ['author', 'Tác giả'],
  ['source', 'Nguồn'],
  ['units', 'Đơn vị liên quan'],
  ['awards', 'Khen thưởng được công bố'],
  ['tags', 'Thẻ'],
  ['category', 'Chuyên mục'],
  ['hero', 'Ảnh đại diện'],
  ['draft', 'Bản nháp'],
].map(([id, label]) => ({ id: id!, names: [label], label: label! }));

const ids = (input: string, candidates: SuggestionCandidate[]) => suggest(input, candidates).map((s) => s.id);

describe('suggest', () => {
  it.each([
    // Typos in an id: a letter swapped, dropped, doubled, wrong.
    ['typo: two letters swapped', 'cong-doan-vksnd-tinh-quang-ngia', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['typo: a letter dropped', 'cong-doan-vksn-tinh-quang-ngai', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['typo: a dash missing', 'cong-doan-vksndtinh-quang-ngai', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['typo: a word left out', 'cong-doan-vksnd-quang-ngai', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['swapped words', 'cong-doan-vksnd-quang-ngai-tinh', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    // A name where the id belongs, with or without tone marks.
    ['name instead of id', 'Công đoàn VKSND tỉnh Quảng Ngãi', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['name without tone marks', 'Cong doan VKSND tinh Quang Ngai', 'cong-doan-vksnd-tinh-quang-ngai', UNITS],
    ['full name', 'Liên đoàn Lao động tỉnh Lạng Sơn', 'lien-doan-lao-dong-tinh-lang-son', UNITS],
    ['an alias', 'Công đoàn Lạng Sơn', 'lien-doan-lao-dong-tinh-lang-son', UNITS],
    ['abbreviation as in the short name', 'LĐLĐ tỉnh Quảng Ngãi', 'lien-doan-lao-dong-tinh-quang-ngai', UNITS],
    // Award forms: the label, no tone marks, one word too many.
    ['form by its label', 'Bằng khen', 'bang-khen', FORMS],
    ['form without tone marks', 'giay khen', 'giay-khen', FORMS],
    ['form with a word too many', 'bang-khen-vang', 'bang-khen', FORMS],
    ['form typo', 'chien-si-thi-dua-co-soo', 'chien-si-thi-dua-co-so', FORMS],
    ['form label without tone marks', 'Co thi dua cua Chinh phu', 'co-thi-dua-chinh-phu', FORMS],
    // Unit levels and categories.
    ['level typo', 'cong-doan-coso', 'cong-doan-co-so', LEVELS],
    ['level by its label', 'Liên đoàn Lao động tỉnh', 'lien-doan-tinh', LEVELS],
    ['category typo', 'tin-tucc', 'tin-tuc', CATEGORIES],
    ['category by its label', 'Thi đua, khen thưởng', 'thi-dua-khen-thuong', CATEGORIES],
    // Field names: a letter off, another spelling, the Vietnamese label.
    ['field: plural', 'tag', 'tags', NEWS_FIELDS],
    ['field: case', 'PublishedAt', 'publishedAt', NEWS_FIELDS],
    ['field: other spelling', 'published_at', 'publishedAt', NEWS_FIELDS],
    ['field: typo', 'sumary', 'summary', NEWS_FIELDS],
    ['field: its label', 'tieu-de', 'title', NEWS_FIELDS],
    ['field: its label with tone marks', 'Tác giả', 'author', NEWS_FIELDS],
  ])('%s: %j → %j first', (_what, input, expected, candidates) => {
    const found = ids(input, candidates);
    expect(found[0]).toBe(expected);
    expect(found.length).toBeLessThanOrEqual(3);
  });

  it.each([
    ['an id like nothing there', 'cong-doan-khong-co-that', UNITS],
    ['a word shared by every unit', 'cong-doan', UNITS],
    ['a form that does not exist', 'huan-chuong-vang-bac-da-quy', FORMS],
    ['a field of another collection', 'recipients', NEWS_FIELDS],
    ['a short unrelated field', 'xyz', NEWS_FIELDS],
    ['empty', '', FORMS],
    ['punctuation only', '---', FORMS],
  ])('%s: %j → nothing', (_what, input, candidates) => {
    expect(ids(input, candidates)).toEqual([]);
  });

  it('suggests at most three, the closest first', () => {
    const found = ids('cong-doan-vksnd', UNITS);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(ids('Công đoàn Viên chức tỉnh', UNITS).slice(0, 2).sort()).toEqual([
      'cong-doan-vien-chuc-tinh-bac-giang',
      'cong-doan-vien-chuc-tinh-quang-ngai',
    ]);
  });

  it('never suggests what was written', () => {
    expect(ids('bang-khen', FORMS)).not.toContain('bang-khen');
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['ngai', 'ngia', 1],
  ])('%j, %j → %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('foldedKey', () => {
  it.each([
    ['Công đoàn VKSND', 'cong-doan-vksnd'],
    ['publishedAt', 'published-at'],
    ['published_at', 'published-at'],
    ['Đại hội', 'dai-hoi'],
  ])('%j → %j', (input, expected) => {
    expect(foldedKey(input)).toBe(expected);
  });
});

describe('didYouMean', () => {
  it.each([
    [[], ''],
    [[{ id: 'cong-doan-vksnd-tinh-quang-ngai' }], 'Có phải bạn muốn: `cong-doan-vksnd-tinh-quang-ngai`?'],
    [[{ id: 'bang-khen', label: 'Bằng khen' }], 'Có phải bạn muốn: `bang-khen` (Bằng khen)?'],
    [[{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'Có phải bạn muốn: `a`, `b` hay `c`?'],
    [[{ id: 'tags', label: 'tags' }], 'Có phải bạn muốn: `tags`?'],
  ])('%j → %j', (suggestions, expected) => {
    expect(didYouMean(suggestions)).toBe(expected);
  });
});
