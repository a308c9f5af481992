/**
 * The cross-collection checks (src/model/integrity.ts) and publication rules
 * (src/model/content-model.ts), and the bundled content run through the real schemas and checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  byNewestFirst,
  isVisibleAward,
  isVisibleNews,
  publicationState,
  type RawContent,
} from '#src/model/content-model.ts';
import { checkContentIntegrity, ContentIntegrityError } from '#src/model/integrity.ts';
import { award, news, unit } from '../support/entries.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { loadContentTree } from '../support/schema-tools.ts';

const NOW = new Date('2026-11-01T00:00:00+07:00');

/** A small consistent tree: federation → base union, one article, one award. */
function base(): RawContent {
  return {
    units: [
      unit('ldld', { level: 'lien-doan-tinh', foundedOn: '1950-01-01' }),
      unit('cong-doan-a', { parent: 'ldld', foundedOn: '1996-06-22' }),
    ],
    news: [
      news('tin-a', { publishedAt: new Date('2023-02-02T09:18:00Z'), units: ['cong-doan-a'], awards: ['khen-a'] }),
    ],
    awards: [
      award('khen-a', { conferredBy: { unit: 'ldld' }, recipients: [{ unit: 'cong-doan-a' }], article: 'tin-a' }),
    ],
  };
}

describe('checkContentIntegrity', () => {
  it('finds nothing wrong in consistent content', () => {
    expect(checkContentIntegrity(base(), NOW)).toEqual([]);
  });

  it.each<[string, (c: RawContent) => void, string, string, string]>([
    [
      'unknown unit in an article',
      (c) => c.news.push(news('tin-b', { units: ['cong-doan-a', 'khong-co'] })),
      'content/news/tin-b.md',
      'units[1]',
      'không tìm thấy "khong-co" trong content/units/',
    ],
    [
      'unknown award in an article',
      (c) => c.news.push(news('tin-b', { awards: ['khen-khong-co'] })),
      'content/news/tin-b.md',
      'awards[0]',
      'không tìm thấy "khen-khong-co" trong content/awards/',
    ],
    [
      'unknown conferring unit',
      (c) => c.awards.push(award('khen-b', { conferredBy: { unit: 'ldld-khong-co' } })),
      'content/awards/khen-b.yaml',
      'conferredBy.unit',
      'không tìm thấy "ldld-khong-co" trong content/units/',
    ],
    [
      'unknown recipient unit',
      (c) => c.awards.push(award('khen-b', { recipients: [{ unit: 'cong-doan-a' }, { unit: 'cong-doan-x' }] })),
      'content/awards/khen-b.yaml',
      'recipients[1].unit',
      'không tìm thấy "cong-doan-x" trong content/units/',
    ],
    [
      'unknown announcing article',
      (c) => c.awards.push(award('khen-b', { article: 'tin-khong-co' })),
      'content/awards/khen-b.yaml',
      'article',
      'không tìm thấy "tin-khong-co" trong content/news/',
    ],
    [
      'unknown parent',
      (c) => c.units.push(unit('cong-doan-b', { parent: 'ldld-x' })),
      'content/units/cong-doan-b.md',
      'parent',
      'không tìm thấy "ldld-x" trong content/units/',
    ],
    [
      'unknown lineage unit',
      (c) => c.units.push(unit('cong-doan-b', { lineage: [{ relation: 'predecessor', unit: 'cong-doan-cu' }] })),
      'content/units/cong-doan-b.md',
      'lineage[0].unit',
      'không tìm thấy "cong-doan-cu" trong content/units/',
    ],
    [
      'unit declared its own predecessor',
      (c) => c.units.push(unit('cong-doan-b', { lineage: [{ relation: 'predecessor', unit: 'cong-doan-b' }] })),
      'content/units/cong-doan-b.md',
      'lineage[0].unit',
      'không thể là tiền thân hay kế thừa của chính nó',
    ],
    [
      'unit its own parent',
      (c) => c.units.push(unit('cong-doan-b', { parent: 'cong-doan-b' })),
      'content/units/cong-doan-b.md',
      'parent',
      'vòng lặp cấp trên: cong-doan-b → cong-doan-b',
    ],
    [
      'unit its own ancestor through another',
      (c) => c.units.push(unit('x', { parent: 'y' }), unit('y', { parent: 'x' })),
      'content/units/x.md',
      'parent',
      'vòng lặp cấp trên: x → y → x',
    ],
    [
      'award in the future',
      (c) => c.awards.push(award('khen-b', { year: 2027 })),
      'content/awards/khen-b.yaml',
      'year',
      'năm 2027 ở tương lai (năm nay là 2026)',
    ],
    [
      'decision dated in the future',
      (c) => c.awards.push(award('khen-b', { decision: { number: '1/QĐ', date: '2026-12-01' } })),
      'content/awards/khen-b.yaml',
      'decision.date',
      'ngày quyết định 2026-12-01 ở tương lai',
    ],
    [
      'award before the recipient was founded',
      (c) => c.awards.push(award('khen-b', { year: 1990 })),
      'content/awards/khen-b.yaml',
      'recipients[0].unit',
      '"cong-doan-a" được thành lập năm 1996, sau năm khen thưởng 1990',
    ],
    [
      'award after the recipient was dissolved',
      (c) => {
        c.units.push(unit('cong-doan-cu', { dissolvedOn: '2025-07-01' }));
        c.awards.push(award('khen-b', { year: 2026, recipients: [{ unit: 'cong-doan-cu' }] }));
      },
      'content/awards/khen-b.yaml',
      'recipients[0].unit',
      '"cong-doan-cu" đã giải thể hoặc sáp nhập năm 2025, trước năm khen thưởng 2026',
    ],
    [
      'dissolved before founded',
      (c) => c.units.push(unit('cong-doan-b', { foundedOn: '2000-01-01', dissolvedOn: '1999-01-01' })),
      'content/units/cong-doan-b.md',
      'dissolvedOn',
      'ngày giải thể trước ngày thành lập',
    ],
  ])('reports %s with file, field and fix', (_case, mutate, file, field, message) => {
    const content = base();
    mutate(content);
    const problems = checkContentIntegrity(content, NOW);
    // A parent cycle is reported once for each unit on it; every other case once.
    expect(problems).toHaveLength(message.startsWith('vòng lặp cấp trên: x') ? 2 : 1);
    expect(problems).toContainEqual({ file, field, message: expect.stringContaining(message) });
  });

  it('does not hold an individual to the founding date of their unit', () => {
    const content = base();
    content.awards.push(
      award('khen-ca-nhan', {
        year: 1990,
        recipients: [{ kind: 'individual', name: 'Nguyễn Văn A', unit: 'cong-doan-a' }],
      }),
    );
    expect(checkContentIntegrity(content, NOW)).toEqual([]);
  });

  it('accepts an award without a conferrer (the source does not say)', () => {
    const content = base();
    content.awards.push(award('khen-khong-ro', { recipients: [{ unit: 'cong-doan-a' }] }));
    expect(checkContentIntegrity(content, NOW)).toEqual([]);
  });

  it('reports every problem, and the error lists them one per line', () => {
    const content = base();
    content.news.push(news('tin-b', { units: ['x1', 'x2'] }));
    const problems = checkContentIntegrity(content, NOW);
    expect(problems.map((p) => p.field)).toEqual(['units[0]', 'units[1]']);
    const error = new ContentIntegrityError(problems);
    expect(error.message).toContain('Nội dung có 2 lỗi');
    expect(error.message).toContain('content/news/tin-b.md → units[1]: không tìm thấy "x2"');
  });
});

describe('publication rules', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    ['published in the past', { draft: false, publishedAt: at('2023-02-02T16:18:00+07:00') }, 'published'],
    ['published exactly now', { draft: false, publishedAt: NOW }, 'published'],
    ['scheduled one minute ahead', { draft: false, publishedAt: new Date(NOW.getTime() + 60_000) }, 'scheduled'],
    ['draft in the past', { draft: true, publishedAt: at('2023-02-02T16:18:00+07:00') }, 'draft'],
    ['draft scheduled in the future', { draft: true, publishedAt: at('2027-01-01T00:00:00+07:00') }, 'draft'],
    ['undated (source states no date)', { draft: false }, 'published'],
    ['undated draft', { draft: true }, 'draft'],
  ] as const)('%s → %s', (_case, data, state) => {
    expect(publicationState(data, NOW)).toBe(state);
  });

  it.each([
    ['published', { draft: false, publishedAt: at('2023-01-01T00:00:00+07:00') }, false, true],
    ['published, preview', { draft: false, publishedAt: at('2023-01-01T00:00:00+07:00') }, true, true],
    ['draft', { draft: true, publishedAt: at('2023-01-01T00:00:00+07:00') }, false, false],
    ['draft, preview', { draft: true, publishedAt: at('2023-01-01T00:00:00+07:00') }, true, true],
    ['scheduled', { draft: false, publishedAt: at('2026-11-02T00:00:00+07:00') }, false, false],
    ['scheduled, preview', { draft: false, publishedAt: at('2026-11-02T00:00:00+07:00') }, true, true],
    ['undated', { draft: false }, false, true],
  ] as const)('isVisibleNews: %s → %s', (_case, data, preview, visible) => {
    expect(isVisibleNews(data, { now: NOW, preview })).toBe(visible);
  });

  it.each([
    [false, false, true],
    [true, false, false],
    [true, true, true],
  ])('isVisibleAward(draft=%s, preview=%s) = %s', (draft, preview, visible) => {
    expect(isVisibleAward({ draft }, { now: NOW, preview })).toBe(visible);
  });

  it('sorts newest first, undated articles last by id', () => {
    const list = [
      news('c-undated'),
      news('old', { publishedAt: at('2016-10-27T10:56:00+07:00') }),
      news('a-undated'),
      news('new', { publishedAt: at('2023-06-18T23:05:00+07:00') }),
      news('same-time-b', { publishedAt: at('2023-02-02T16:18:00+07:00') }),
      news('same-time-a', { publishedAt: at('2023-02-02T16:18:00+07:00') }),
    ];
    expect(list.sort(byNewestFirst).map((n) => n.id)).toEqual([
      'new',
      'same-time-a',
      'same-time-b',
      'old',
      'a-undated',
      'c-undated',
    ]);
  });
});

describe('the bundled content (content/)', () => {
  const { raw, invalid } = loadContentTree();

  it('passes every schema', () => {
    expect(invalid).toEqual({});
  });

  it('passes the integrity checks', () => {
    expect(checkContentIntegrity(raw, NOW)).toEqual([]);
  });

  it('holds the five seed articles, their units and more than ten award records', () => {
    expect(raw.news).toHaveLength(5);
    expect(raw.awards.length).toBeGreaterThan(10);
    // Every award names its article, and every article lists the awards that name it.
    for (const a of raw.awards) {
      const article = raw.news.find((n) => n.id === a.data.article?.id);
      expect(
        article?.data.awards.map((r) => r.id),
        a.id,
      ).toContain(a.id);
    }
  });

  it.each([...raw.news, ...raw.units, ...raw.awards].map((e) => [e.filePath!]))('%s is clean NFC text', (file) => {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    expect(text).toBe(text.normalize('NFC'));
    // No-break spaces and the mojibake of the scraped seeds (n¬¬ước, Ð for Đ).
    expect(text).not.toMatch(/[\u00a0\u00ac\u00d0\u00f0]/);
  });

  it('states dates only where the articles state them', () => {
    const dates = Object.fromEntries(raw.news.map((n) => [n.id, n.data.publishedAt?.toISOString()]));
    expect(dates).toEqual({
      'cong-doan-vien-kiem-sat-nhan-dan-thanh-pho-hai-phong-thuc-hien-tot-dan-chu-o-co': undefined,
      'cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu': '2023-02-02T09:18:00.000Z',
      'giai-phap-tao-chuyen-bien-tich-cuc-ro-net-trong-hoat-dong-cua-cong-doan-vien': '2023-06-18T16:05:00.000Z',
      'cong-doan-vien-chuc-tinh-voi-cong-tac-cham-lo-va-bao-ve-quyen-loi-ich-hop-phap': '2016-10-27T03:56:00.000Z',
      'cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024': undefined,
    });
  });
});
