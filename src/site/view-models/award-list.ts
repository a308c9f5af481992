/**
 * One entry of an award list (src/components/AwardList.astro): title and link, revoked or not,
 * who conferred it, to whom. Pure; see tests/unit/award-detail.test.ts.
 */
import type { AwardEntry } from '#src/model/content-model.ts';
import { awardDisplayTitle, conferrerName } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';

export interface AwardListItem {
  href: string;
  title: string;
  revoked: boolean;
  conferrer?: string | undefined;
  /** A recipient's name (or its unit's), and for a named recipient its unit's short name. */
  recipients: { text: string | undefined; unit?: string | undefined }[];
  /** On a unit's award history: the predecessor that received the award, when the unit did not. */
  viaPredecessor?: string | undefined;
}

/** `forUnitId`: the unit whose award history lists the award (see viaPredecessor). */
export function awardListItem(
  award: AwardEntry,
  site: Pick<SiteIndex, 'unitsById'>,
  forUnitId?: string,
): AwardListItem {
  const recipients = award.data.recipients.map((r) => ({
    name: r.name,
    unit: r.unit ? site.unitsById.get(r.unit.id) : undefined,
  }));
  const viaPredecessor =
    forUnitId !== undefined && !recipients.some((r) => r.unit?.id === forUnitId)
      ? recipients.find((r) => r.unit)?.unit
      : undefined;
  return {
    href: routes.award(award.id),
    title: awardDisplayTitle(award),
    revoked: award.data.status === 'revoked',
    conferrer: conferrerName(award, site),
    recipients: recipients.map((r) => ({
      text: r.name ?? r.unit?.data.name,
      unit: r.name && r.unit ? (r.unit.data.shortName ?? r.unit.data.name) : undefined,
    })),
    viaPredecessor: viaPredecessor?.data.name,
  };
}
