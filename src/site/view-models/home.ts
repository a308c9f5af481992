/**
 * What the home page (/) shows, as plain data: src/pages/index.astro renders it.
 *
 * A site with an owner unit (content/site.yaml, "owner") is built around it: the unit's news
 * (its sub-units' included), its sub-units, its award history and its contact come first, and
 * the wider hierarchy (the units above it, the whole directory) is one click away. A site
 * without an owner is a portal: the latest news, recent awards and the top of the hierarchy.
 * Pure; see tests/unit/home.test.ts.
 */
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import type { SiteConfig } from '#src/model/site-config.ts';
import { UNIT_LEVELS } from '#src/model/vocabulary.ts';
import { awardsByYear } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import { facts, phoneFact, shortlist, type Fact, type Link, type Shortlist } from './parts.ts';

/** Articles on the home page. */
export const HOME_NEWS = 10;
/** Award records on the home page. */
export const HOME_AWARDS = 8;

export interface OwnerHome {
  /** The owner's full name (the page's visible heading). */
  name: string;
  /** Its level ("Công đoàn cơ sở"), above the name. */
  kicker: string;
  /** Its profile page. */
  profile: Link;
  /** The units above it, from the top down: the hierarchy it belongs to. */
  above: Link[];
  /** Its news and its sub-units' news, newest first. */
  news: Shortlist<NewsEntry>;
  /** Direct sub-units. */
  subUnits: Link[];
  /** Its award history (predecessors included): the newest records and the total. */
  awards: { recent: AwardEntry[]; total: number; years: number; href: string };
  /** How to reach it: the site's contact, else the unit's own. */
  contact: Fact[];
}

export interface PortalHome {
  latestNews: NewsEntry[];
  recentAwards: AwardEntry[];
  /** The hierarchy's top: root units and their direct sub-units. */
  topUnits: { unit: Link; children: Link[] }[];
}

export interface HomePage {
  /** The document title: the site's name. */
  title: string;
  description: string;
  /** The owner's part, when the site has one. */
  owner?: OwnerHome | undefined;
  /** The portal's part (also the owner site's "wider picture" is one link away: directory). */
  portal?: PortalHome | undefined;
  /** Award years, newest first, with their count (links to the year lists). */
  awardYears: { year: number; count: number; href: string }[];
  /** Every article of the site. */
  newsTotal: number;
  /** The unit directory: the whole hierarchy. */
  directory: Link;
}

type HomeSite = Pick<
  SiteIndex,
  'news' | 'awards' | 'units' | 'unitsById' | 'childrenOf' | 'rootUnits' | 'newsByUnit' | 'historyOf' | 'ancestorsOf'
>;

const unitLink = (u: UnitEntry): Link => ({ href: routes.unit(u.id), text: u.data.name });

/** The unit and every unit below it. */
function withDescendants(unitId: string, site: Pick<SiteIndex, 'childrenOf'>): Set<string> {
  const out = new Set<string>([unitId]);
  const queue = [unitId];
  while (queue.length) {
    for (const child of site.childrenOf.get(queue.shift()!) ?? []) {
      if (!out.has(child.id)) {
        out.add(child.id);
        queue.push(child.id);
      }
    }
  }
  return out;
}

function ownerHome(owner: UnitEntry, config: SiteConfig, site: HomeSite): OwnerHome {
  const family = withDescendants(owner.id, site);
  // site.news is newest first; keep that order, each article once.
  const news = site.news.filter((n) => n.data.units.some((u) => family.has(u.id)));
  const years = site.historyOf(owner.id);
  const recent = years.flatMap((y) => y.awards);
  const contact = config.contact ?? owner.data.contact;
  return {
    name: owner.data.name,
    kicker: UNIT_LEVELS[owner.data.level].label,
    profile: { href: routes.unit(owner.id), text: `Hồ sơ ${owner.data.shortName ?? owner.data.name}` },
    above: site.ancestorsOf(owner.id).map(unitLink),
    news: shortlist(news, HOME_NEWS, routes.search({ type: 'Tin tức', unit: owner.data.name })),
    subUnits: (site.childrenOf.get(owner.id) ?? []).map(unitLink),
    awards: {
      recent: recent.slice(0, HOME_AWARDS),
      total: recent.length,
      years: years.length,
      href: `${routes.unit(owner.id)}#lich-su-khen-thuong`,
    },
    contact: facts(
      contact?.address && { term: 'Địa chỉ', text: contact.address },
      contact?.phone && phoneFact(contact.phone),
      contact?.email && { term: 'Thư điện tử', text: contact.email, href: `mailto:${contact.email}` },
      owner.data.website && {
        term: 'Trang web',
        text: owner.data.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
        href: owner.data.website,
        rel: 'external noopener',
      },
    ),
  };
}

export function homePage(site: HomeSite, config: SiteConfig): HomePage {
  const owner = config.owner ? site.unitsById.get(config.owner) : undefined;
  if (config.owner && !owner)
    throw new Error(
      `content/site.yaml: Đơn vị chủ quản (owner) "${config.owner}" không có trong content/units/. (unknown owner unit)`,
    );
  return {
    title: config.name,
    description: config.description,
    owner: owner ? ownerHome(owner, config, site) : undefined,
    portal: owner
      ? undefined
      : {
          latestNews: site.news.slice(0, HOME_NEWS),
          recentAwards: site.awards.slice(0, HOME_AWARDS),
          topUnits: site.rootUnits.map((u) => ({
            unit: unitLink(u),
            children: (site.childrenOf.get(u.id) ?? []).map(unitLink),
          })),
        },
    awardYears: awardsByYear(site.awards).map((y) => ({
      year: y.year,
      count: y.awards.length,
      href: routes.awardYear(y.year),
    })),
    newsTotal: site.news.length,
    directory: { href: routes.unitDirectory(), text: `Danh bạ đơn vị (${site.units.length})` },
  };
}
