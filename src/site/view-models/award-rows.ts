/**
 * One award record as a row of a table: the award explorer's data (src/site/award-explorer-data.ts)
 * and any other tabular view of the awards (statistics, exports) read it, so every table says the
 * same year, form, conferrer, level, recipients and status. Revoked records say so in `status`.
 * Pure; see tests/unit/award-rows.test.ts.
 */
import type { AwardEntry } from '#src/model/content-model.ts';
import {
  AWARD_FORMS,
  AWARD_STATUSES,
  CONFERRER_LEVELS,
  RECIPIENT_KINDS,
  type AwardForm,
  type ConferrerLevel,
} from '#src/model/vocabulary.ts';
import { awardDisplayTitle, conferrerOf } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';

export type RecipientKind = keyof typeof RECIPIENT_KINDS;
export type AwardStatus = keyof typeof AWARD_STATUSES;

export interface AwardRowRecipient {
  kind: RecipientKind;
  /** "Tập thể", "Cá nhân". */
  kindLabel: string;
  /** A person's name, or a collective without a profile. */
  name?: string | undefined;
  role?: string | undefined;
  /** The unit: the collective itself, or an individual's unit. */
  unitId?: string | undefined;
  unitName?: string | undefined;
  /** The unit's province, when its profile states one. */
  province?: string | undefined;
}

export interface AwardRow {
  id: string;
  /** The award's page. */
  href: string;
  /** Achievement year. */
  year: number;
  form: AwardForm;
  formLabel: string;
  /** The achievement or title, when recorded ("Hoàn thành xuất sắc nhiệm vụ"). */
  title?: string | undefined;
  /** "Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2022". */
  displayTitle: string;
  /** The conferring body's name (its unit profile's, else the named authority). */
  conferrer?: string | undefined;
  /** The conferring unit's profile id, when it has one. */
  conferrerUnitId?: string | undefined;
  conferrerLevel?: ConferrerLevel | undefined;
  conferrerLevelLabel?: string | undefined;
  recipients: AwardRowRecipient[];
  /** "38/QĐ-VKSTC", as recorded. */
  decisionNumber?: string | undefined;
  /** The decision's date, YYYY-MM-DD. */
  decisionDate?: string | undefined;
  status: AwardStatus;
  /** "Còn hiệu lực", "Đã thu hồi". */
  statusLabel: string;
  /** When a revoked record was revoked, YYYY-MM-DD. */
  revokedOn?: string | undefined;
  /** The revoking decision's number, when recorded. */
  revokedBy?: string | undefined;
}

type RowSite = Pick<SiteIndex, 'unitsById'>;

export function awardRow(award: AwardEntry, site: RowSite): AwardRow {
  const { data } = award;
  const conferrer = conferrerOf(award, site);
  const title = data.title?.replace(/^[“"]|[”"]$/g, '');
  return {
    id: award.id,
    href: routes.award(award.id),
    year: data.year,
    form: data.form,
    formLabel: AWARD_FORMS[data.form].label,
    title,
    displayTitle: awardDisplayTitle(award),
    conferrer: conferrer?.name,
    conferrerUnitId: conferrer?.unit?.id,
    conferrerLevel: conferrer?.level,
    conferrerLevelLabel: conferrer ? CONFERRER_LEVELS[conferrer.level] : undefined,
    recipients: data.recipients.map((r) => {
      const unit = r.unit ? site.unitsById.get(r.unit.id) : undefined;
      return {
        kind: r.kind,
        kindLabel: RECIPIENT_KINDS[r.kind],
        name: r.name,
        role: r.role,
        unitId: unit?.id,
        unitName: unit?.data.name,
        province: unit?.data.province,
      };
    }),
    decisionNumber: data.decision?.number,
    decisionDate: data.decision?.date,
    status: data.status,
    statusLabel: AWARD_STATUSES[data.status],
    revokedOn: data.revocation?.date,
    revokedBy: data.revocation?.decision,
  };
}

/** The rows of every award given (the site index's visible awards: drafts never among them). */
export function awardRows(awards: readonly AwardEntry[], site: RowSite): AwardRow[] {
  return awards.map((a) => awardRow(a, site));
}
