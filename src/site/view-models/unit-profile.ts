/**
 * What a unit's profile page (/don-vi/<id>/) shows, section by section, as plain data:
 * src/pages/don-vi/[id]/index.astro renders it with the components in src/components/unit/.
 * Pure; see tests/unit/unit-profile.test.ts.
 */
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';
import { LINEAGE_KINDS, UNIT_LEVELS } from '#src/model/vocabulary.ts';
import { formatCalendarDate } from '#src/text/dates.ts';
import type { AwardHistoryYear } from '../award-history.ts';
import type { LineageLink } from '../lineage.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import { unitAwardChart, type ChartData } from './award-statistics.ts';
import {
  calendarDate,
  facts,
  shortlist,
  type CalendarDate,
  type Crumb,
  type Fact,
  type Link,
  type Shortlist,
} from './parts.ts';

/** Articles shown on the profile; the rest are one search away. */
export const NEWS_SHOWN = 10;
/** Awards conferred shown on the profile (a provincial federation confers many). */
export const CONFERRED_SHOWN = 30;

export interface TermRow {
  /** "2018–2023" */
  period: string;
  /** The congress, or "—". */
  congress: string;
  /** "Chủ tịch: Nguyễn Văn A, nhiệm kỳ đầu"; empty when none are recorded. */
  leaders: string[];
}

export interface FigureRow {
  year: number;
  /** Numbers in Vietnamese notation ("1.234"), "—" when unknown. */
  members: string;
  baseUnions: string;
  staff: string;
}

export interface LineageItem {
  unit: Link;
  /** "Đổi tên", "Hợp nhất, sáp nhập", "Chia tách" */
  kind: string;
  date: CalendarDate;
  note?: string | undefined;
}

export interface UnitProfile {
  /** The unit's full name: page title and heading. */
  title: string;
  /** The short name where the page names the unit again (table captions). */
  shortTitle: string;
  /** The unit's level, above the heading. */
  kicker: string;
  description: string;
  crumbs: Crumb[];
  /** "Đơn vị đã thôi hoạt động từ ngày …." for a dissolved unit. */
  dissolvedNotice?: string | undefined;
  /** "Thông tin chung": names, level, parent, province, dates, contact. */
  facts: Fact[];
  /** Whether the unit's file has an introduction (its Markdown body, rendered by the page). */
  hasBody: boolean;
  /** Terms of office, latest first. */
  terms: TermRow[];
  /** Figures by year, latest first. */
  figures: FigureRow[];
  /** Where the figures come from: an article of the site (linked) or a named document. */
  figureSources: (Link | string)[];
  /** Direct sub-units. */
  children: Link[];
  /** "Đơn vị tiền thân" / "Đơn vị kế thừa", only the sides that have units. */
  lineage: { title: string; items: LineageItem[] }[];
  /** The award history: the unit's and its predecessors' awards, year by year. */
  history: { count: number; includesPredecessors: boolean; years: AwardHistoryYear[] };
  /** The award history per year by form, as a chart (none without awards). */
  awardChart?: ChartData | undefined;
  /** Awards the unit conferred. */
  conferred: Shortlist<AwardEntry>;
  /** News about the unit, newest first. */
  news: Shortlist<NewsEntry>;
}

type ProfileSite = Pick<
  SiteIndex,
  | 'unitsById'
  | 'newsById'
  | 'unpublishedNewsIds'
  | 'childrenOf'
  | 'newsByUnit'
  | 'lineage'
  | 'historyOf'
  | 'awardsConferredBy'
  | 'ancestorsOf'
>;

const numberFormat = new Intl.NumberFormat('vi-VN');
const figure = (n: number | undefined) => (n === undefined ? '—' : numberFormat.format(n));
const unitLink = (u: UnitEntry): Link => ({ href: routes.unit(u.id), text: u.data.name });

export function unitProfile(unit: UnitEntry, site: ProfileSite): UnitProfile {
  const { data } = unit;
  const level = UNIT_LEVELS[data.level].label;
  const parent = data.parent ? site.unitsById.get(data.parent.id) : undefined;
  const lineage = site.lineage.of(unit.id);
  const years = site.historyOf(unit.id);
  const count = years.reduce((n, y) => n + y.awards.length, 0);
  const figures = [...data.figures].sort((a, b) => b.year - a.year);
  const news = site.newsByUnit.get(unit.id) ?? [];
  const conferred = site.awardsConferredBy(unit.id);
  const lineageItems = (links: LineageLink[]): LineageItem[] =>
    links.map((l) => ({
      unit: { href: routes.unit(l.unitId), text: site.unitsById.get(l.unitId)?.data.name ?? l.unitId },
      kind: LINEAGE_KINDS[l.kind],
      date: calendarDate(l.date),
      note: l.note,
    }));
  const contact = data.contact;

  return {
    title: data.name,
    shortTitle: data.shortName ?? data.name,
    kicker: level,
    description: [
      `Hồ sơ ${data.name}`,
      level.toLocaleLowerCase('vi'),
      data.province,
      parent && `trực thuộc ${parent.data.name}`,
      count > 0 ? `${count} khen thưởng` : undefined,
    ]
      .filter(Boolean)
      .join(', ')
      .concat('.'),
    crumbs: [
      { href: routes.unitDirectory(), label: 'Đơn vị' },
      ...site.ancestorsOf(unit.id).map((a) => ({ href: routes.unit(a.id), label: a.data.shortName ?? a.data.name })),
      { label: data.shortName ?? data.name },
    ],
    dissolvedNotice: data.dissolvedOn
      ? `Đơn vị đã thôi hoạt động từ ngày ${formatCalendarDate(data.dissolvedOn)}.`
      : undefined,
    facts: facts(
      { term: 'Tên đầy đủ', text: data.name },
      data.shortName && { term: 'Tên viết gọn', text: data.shortName },
      data.aliases.length > 0 && {
        term: 'Tên gọi khác',
        text: data.aliases.filter((a) => a !== data.shortName).join('; ') || data.shortName,
      },
      { term: 'Cấp', text: level },
      parent && { term: 'Trực thuộc', text: parent.data.name, href: routes.unit(parent.id) },
      data.province && { term: 'Tỉnh, thành phố', text: data.province },
      data.foundedOn && { term: 'Ngày thành lập', date: calendarDate(data.foundedOn) },
      data.dissolvedOn && { term: 'Ngày thôi hoạt động', date: calendarDate(data.dissolvedOn) },
      contact?.address && { term: 'Địa chỉ', text: contact.address },
      contact?.phone && {
        term: 'Điện thoại',
        text: contact.phone,
        href: `tel:${contact.phone.replace(/[^\d+]/g, '')}`,
      },
      contact?.email && { term: 'Thư điện tử', text: contact.email, href: `mailto:${contact.email}` },
      data.website && {
        term: 'Trang web',
        text: data.website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
        href: data.website,
        rel: 'external noopener',
      },
    ),
    hasBody: Boolean(unit.body?.trim()),
    terms: [...data.terms]
      .sort((a, b) => b.from - a.from)
      .map((t) => ({
        period: `${t.from}–${t.to}`,
        congress: t.congress ?? '—',
        leaders: t.leaders.map((l) => `${l.role}: ${l.name}${l.note ? `, ${l.note}` : ''}`),
      })),
    figures: figures.map((f) => ({
      year: f.year,
      members: figure(f.members),
      baseUnions: figure(f.baseUnions),
      staff: figure(f.staff),
    })),
    // An article id links to the article; the id of a draft or scheduled article is left out
    // (it would publish the id of an unpublished entry); any other text is a document's name.
    figureSources: [...new Set(figures.flatMap((f) => (f.source ? [f.source] : [])))]
      .filter((source) => !site.unpublishedNewsIds.has(source))
      .map((source) => {
        const article = site.newsById.get(source);
        return article ? { href: routes.article(article.id), text: article.data.title } : source;
      }),
    children: (site.childrenOf.get(unit.id) ?? []).map(unitLink),
    lineage: [
      { title: 'Đơn vị tiền thân', items: lineageItems(lineage.predecessors) },
      { title: 'Đơn vị kế thừa', items: lineageItems(lineage.successors) },
    ].filter((row) => row.items.length > 0),
    history: { count, includesPredecessors: lineage.predecessors.length > 0, years },
    awardChart: unitAwardChart(unit.id, site),
    conferred: shortlist(conferred, CONFERRED_SHOWN, routes.search({ conferrer: data.name })),
    news: shortlist(news, NEWS_SHOWN, routes.search({ type: 'Tin tức', unit: data.name })),
  };
}
