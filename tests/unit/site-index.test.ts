/**
 * The site index (src/site/site-index.ts): what every page reads, computed once per build from
 * the visible content only.
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex, type SiteOptions } from '#src/site/site-index.ts';
import { award, news, unit } from '../support/entries.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const at = (iso: string) => new Date(iso);
const hero = { image: {}, alt: 'Ảnh' } as unknown as NonNullable<ReturnType<typeof news>['data']['hero']>;

const raw = {
  units: [
    unit('tld', { name: 'Tổng Liên đoàn' }),
    unit('ldld', { name: 'Liên đoàn Lao động tỉnh', parent: 'tld' }),
    unit('cdcs', { name: 'Công đoàn cơ sở', parent: 'ldld' }),
  ],
  news: [
    news('cu', { publishedAt: at('2024-01-01T08:00:00+07:00'), units: ['cdcs'], tags: ['Thi đua'] }),
    news('moi', { publishedAt: at('2026-05-01T08:00:00+07:00'), units: ['cdcs'], tags: ['thi đua'], hero }),
    news('giua', { publishedAt: at('2025-03-01T08:00:00+07:00'), units: ['cdcs'] }),
    news('nhap', { publishedAt: at('2025-01-01T08:00:00+07:00'), units: ['cdcs'], tags: ['Thi đua'], draft: true }),
    news('hen-gio', { publishedAt: at('2026-12-01T08:00:00+07:00'), units: ['cdcs'], tags: ['Thi đua'] }),
  ],
  awards: [award('2022-bang-khen', { recipients: [{ unit: 'cdcs' }] })],
};
const build = (opts: Partial<SiteOptions> = {}) => buildSiteIndex(raw, { now: NOW, preview: false, ...opts });

describe('buildSiteIndex', () => {
  const site = build();

  it('lists the visible news only, newest first', () => {
    expect(site.news.map((n) => n.id)).toEqual(['moi', 'giua', 'cu']);
  });

  it.each([
    ['cu', ['moi', 'giua']],
    ['moi', ['cu', 'giua']],
    ['nhap', []],
  ])('suggests only visible articles as related to %s', (id, related) => {
    expect(site.related.relatedTo(id).map((n) => n.id)).toEqual(related);
  });

  it('groups the taxonomies of the visible news only', () => {
    // Counting the draft and the scheduled article, "Thi đua" would win 3 to 1; among the
    // visible ones it is a tie, which the first spelling met (the newest) names.
    expect(site.taxonomies.tags.map((t) => [t.label, t.articles.map((n) => n.id)])).toEqual([
      ['thi đua', ['moi', 'cu']],
    ]);
    expect(site.taxonomies.archive.map((y) => y.year)).toEqual([2026, 2025, 2024]);
  });

  it.each([
    [undefined, ['giua', 'cu']],
    [1, ['giua']],
    [0, []],
  ])('gives a share image of their own to the newest %s articles without a hero image', (limit, ids) => {
    expect([...build({ shareImageLimit: limit }).shareImageIds]).toEqual(ids);
  });

  it('computes each per-build index once', () => {
    expect(site.related).toBe(site.related);
    expect(site.taxonomies).toBe(site.taxonomies);
    expect(site.shareImageIds).toBe(site.shareImageIds);
    expect(site.historyOf('cdcs')).toBe(site.historyOf('cdcs'));
  });

  it.each([
    ['cdcs', ['tld', 'ldld']],
    ['ldld', ['tld']],
    ['tld', []],
    ['khong-co', []],
  ])('walks the parents of %s from the root down', (id, ancestors) => {
    expect(site.ancestorsOf(id).map((u) => u.id)).toEqual(ancestors);
  });

  it('stops a parent walk at a cycle', () => {
    const cyclic = buildSiteIndex(
      { news: [], awards: [], units: [unit('a', { parent: 'b' }), unit('b', { parent: 'a' })] },
      { now: NOW, preview: false },
    );
    expect(cyclic.ancestorsOf('a').map((u) => u.id)).toEqual(['b']);
  });
});
