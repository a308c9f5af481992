/**
 * What the search index should know about an article, award or unit page (the props of
 * <SearchIndexMeta>): years, forms, conferrers, unit names and provinces.
 * Pure, from the SiteIndex; see tests/unit/page-facets.test.ts.
 */
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import { startOfVietnamDay, vietnamYear } from '#src/text/dates.ts';
import { conferrerName } from '#src/site/award-history.ts';
import type { SiteIndex } from '#src/site/site-index.ts';
import type { AwardForm } from '#src/model/vocabulary.ts';

export interface PageFacets {
  type: 'news' | 'award' | 'unit';
  date?: Date | undefined;
  years: number[];
  forms: AwardForm[];
  conferrers: string[];
  units: string[];
  provinces: string[];
}

type FacetSite = Pick<SiteIndex, 'unitsById' | 'lineage'>;

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
const defined = <T>(x: T | undefined): x is T => x !== undefined;

export function newsFacets(article: NewsEntry, site: FacetSite): PageFacets {
  const units = article.data.units.map((r) => site.unitsById.get(r.id)).filter(defined);
  const { publishedAt } = article.data;
  return {
    type: 'news',
    date: publishedAt,
    years: publishedAt ? [vietnamYear(publishedAt)] : [],
    forms: [],
    conferrers: [],
    units: uniq(units.map((u) => u.data.name)),
    provinces: uniq(units.map((u) => u.data.province).filter(defined)),
  };
}

/**
 * Award facets. `units` names the recipient units and the units that succeeded them, so that
 * browsing by today's unit finds the awards of its predecessors.
 */
export function awardFacets(award: AwardEntry, site: FacetSite): PageFacets {
  const recipientIds = uniq(award.data.recipients.map((r) => r.unit?.id).filter(defined));
  const recipients = recipientIds.map((id) => site.unitsById.get(id)).filter(defined);
  const successors = recipientIds
    .flatMap((id) => site.lineage.successorsOf(id))
    .map((id) => site.unitsById.get(id))
    .filter(defined);
  const decided = award.data.decision?.date;
  const conferrer = conferrerName(award, site);
  return {
    type: 'award',
    date: decided ? startOfVietnamDay(decided) : undefined,
    years: [award.data.year],
    forms: [award.data.form],
    conferrers: conferrer ? [conferrer] : [],
    units: uniq([...recipients, ...successors].map((u) => u.data.name)),
    provinces: uniq(recipients.map((u) => u.data.province).filter(defined)),
  };
}

/** Unit facets: its name, short name and the names of every predecessor. */
export function unitFacets(unit: UnitEntry, site: FacetSite): PageFacets {
  const predecessors = site.lineage
    .predecessorsOf(unit.id)
    .map((id) => site.unitsById.get(id))
    .filter(defined);
  return {
    type: 'unit',
    years: [],
    forms: [],
    conferrers: [],
    units: uniq([unit.data.name, unit.data.shortName, ...predecessors.map((p) => p.data.name)].filter(defined)),
    provinces: unit.data.province ? [unit.data.province] : [],
  };
}
