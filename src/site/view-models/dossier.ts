/**
 * "Bảng tổng hợp thành tích khen thưởng": the table of a unit's past awards that a nomination
 * dossier's report of achievements (báo cáo thành tích) carries — STT, năm, hình thức, nội dung,
 * số và ngày quyết định, cơ quan khen thưởng — its predecessors' awards included and marked,
 * revoked decisions marked and never counted as in force. The printable page
 * (/don-vi/<id>/bang-thanh-tich/) and the Word file (src/publishing/dossier-docx.ts) are both
 * written from this one view model, so they hold the same rows.
 * Pure; see tests/unit/dossier.test.ts.
 */
import type { AwardEntry, UnitEntry } from '#src/model/content-model.ts';
import { AWARD_FORMS } from '#src/model/vocabulary.ts';
import { formatCalendarDate } from '#src/text/dates.ts';
import { conferrerOf } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Crumb } from './parts.ts';

/** The table's column headings, in order. */
export const DOSSIER_COLUMNS = [
  'STT',
  'Năm',
  'Hình thức khen thưởng',
  'Nội dung',
  'Số, ngày quyết định',
  'Cơ quan khen thưởng',
] as const;

export interface DossierRow {
  /** Số thứ tự, from 1. */
  stt: number;
  year: number;
  form: string;
  /** The title or achievement, and for whom when it is not the unit itself. */
  content: string;
  /** "Số 38/QĐ-VKSTC ngày 15/01/2023", "—" when the source does not say. */
  decision: string;
  /** "—" when the source does not say. */
  conferrer: string;
  /** "Đơn vị tiền thân: …" when a predecessor received the award. */
  predecessorNote?: string | undefined;
  /** "Đã thu hồi ngày 01/03/2025 theo Quyết định số 12/QĐ-UBND." for a revoked decision. */
  revokedNote?: string | undefined;
  /** The award record's page. */
  href: string;
}

export interface Dossier {
  /** "Bảng tổng hợp thành tích khen thưởng" */
  title: string;
  unitName: string;
  /** Page title: "Bảng tổng hợp thành tích khen thưởng – <unit>". */
  pageTitle: string;
  description: string;
  crumbs: Crumb[];
  unitHref: string;
  docxHref: string;
  /** The Word file's name, for the download attribute. */
  docxName: string;
  /** Oldest year first, as a report of achievements lists them. */
  rows: DossierRow[];
  /** Awards in force / revoked, the rows' two counts. */
  inForce: number;
  revoked: number;
  /** Predecessors whose awards are included, by name. */
  predecessors: string[];
  /** What the table shows, in a sentence (under the heading, and in the Word file). */
  summary: string;
}

type DossierSite = Pick<SiteIndex, 'unitsById' | 'historyOf' | 'lineage' | 'ancestorsOf'>;

/** "Số 38/QĐ-VKSTC ngày 15/01/2023", "Số 38/QĐ-VKSTC", "Ngày 15/01/2023" or "—". */
export function decisionText(decision: AwardEntry['data']['decision']): string {
  const number = decision?.number;
  const date = decision?.date ? formatCalendarDate(decision.date) : undefined;
  if (number && date) return `Số ${number} ngày ${date}`;
  if (number) return `Số ${number}`;
  if (date) return `Ngày ${date}`;
  return '—';
}

function revokedNote(award: AwardEntry): string | undefined {
  if (award.data.status !== 'revoked') return undefined;
  const r = award.data.revocation;
  if (!r) return 'Đã thu hồi.';
  return `Đã thu hồi ngày ${formatCalendarDate(r.date)}${r.decision ? ` theo Quyết định số ${r.decision}` : ''}.`;
}

/** The award's own words, then who received it when that is not the unit (an individual, a predecessor). */
function content(award: AwardEntry, unitIds: ReadonlySet<string>, site: DossierSite): string {
  const { data } = award;
  const achievement = data.title ? `“${data.title.replace(/^[“"]|[”"]$/g, '')}”` : AWARD_FORMS[data.form].label;
  // The unit itself (or a predecessor) as a collective goes without saying; anyone else is named.
  const others = data.recipients
    .filter((r) => !(r.kind === 'collective' && !r.name && r.unit && unitIds.has(r.unit.id)))
    .map((r) => (r.name ? `${r.name}${r.role ? `, ${r.role}` : ''}` : site.unitsById.get(r.unit?.id ?? '')?.data.name))
    .filter((s): s is string => !!s);
  return others.length ? `${achievement}; trao cho: ${others.join('; ')}` : achievement;
}

export function dossier(unit: UnitEntry, site: DossierSite): Dossier {
  const predecessorIds = site.lineage.predecessorsOf(unit.id);
  const lineageIds = new Set([unit.id, ...predecessorIds]);
  const awards = site
    .historyOf(unit.id)
    .slice()
    .reverse()
    .flatMap((y) => y.awards);
  const rows = awards.map((award, i): DossierRow => {
    const receivers = award.data.recipients.flatMap((r) => (r.unit ? [r.unit.id] : []));
    const viaPredecessor = receivers.includes(unit.id) ? undefined : receivers.find((id) => lineageIds.has(id));
    return {
      stt: i + 1,
      year: award.data.year,
      form: AWARD_FORMS[award.data.form].label,
      content: content(award, lineageIds, site),
      decision: decisionText(award.data.decision),
      conferrer: conferrerOf(award, site)?.name ?? '—',
      predecessorNote: viaPredecessor
        ? `Đơn vị tiền thân: ${site.unitsById.get(viaPredecessor)?.data.name ?? viaPredecessor}.`
        : undefined,
      revokedNote: revokedNote(award),
      href: routes.award(award.id),
    };
  });
  const revoked = rows.filter((r) => r.revokedNote).length;
  const predecessors = predecessorIds.map((id) => site.unitsById.get(id)?.data.name ?? id);
  const name = unit.data.name;
  const title = 'Bảng tổng hợp thành tích khen thưởng';
  const counts =
    rows.length === 0
      ? 'Chưa có khen thưởng nào được ghi nhận.'
      : `${rows.length} khen thưởng${revoked ? `, trong đó ${revoked} quyết định đã bị thu hồi (ghi rõ trong bảng, không còn hiệu lực)` : ''}.`;
  return {
    title,
    unitName: name,
    pageTitle: `${title} – ${name}`,
    description: `${title} của ${name}${predecessors.length ? ', kể cả các đơn vị tiền thân' : ''}, để in hoặc tải về dạng Word.`,
    crumbs: [
      { href: routes.unitDirectory(), label: 'Đơn vị' },
      ...site.ancestorsOf(unit.id).map((a) => ({ href: routes.unit(a.id), label: a.data.shortName ?? a.data.name })),
      { href: routes.unit(unit.id), label: unit.data.shortName ?? name },
      { label: title },
    ],
    unitHref: routes.unit(unit.id),
    docxHref: routes.unitDossierDocx(unit.id),
    docxName: `bang-thanh-tich-${unit.id}.docx`,
    rows,
    inForce: rows.length - revoked,
    revoked,
    predecessors,
    summary: `${counts}${predecessors.length ? ` Gồm cả khen thưởng của đơn vị tiền thân: ${predecessors.join('; ')}.` : ''}`,
  };
}
