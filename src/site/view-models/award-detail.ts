/**
 * What an award's page (/khen-thuong/<id>/) shows, as plain data: src/pages/khen-thuong/[id].astro
 * renders it with the components in src/components/award/.
 * Pure; see tests/unit/award-detail.test.ts.
 */
import type { AwardEntry } from '#src/model/content-model.ts';
import { AWARD_FORMS, AWARD_STATUSES, CONFERRER_LEVELS, RECIPIENT_KINDS } from '#src/model/vocabulary.ts';
import { awardDisplayTitle, conferrerOf } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';
import { calendarDate, facts, type CalendarDate, type Crumb, type Fact, type Link } from './parts.ts';

export interface RecipientView {
  /** "Tập thể", "Cá nhân" */
  kind: string;
  name?: string | undefined;
  role?: string | undefined;
  /** The recipient's unit profile (the collective itself, or an individual's unit). */
  unit?: Link | undefined;
}

export interface AwardDetail {
  /** Display title: page title and heading. */
  title: string;
  /** The award's form, above the heading. */
  kicker: string;
  description: string;
  crumbs: Crumb[];
  /** The revocation notice of a revoked award. */
  revocation?: { date: CalendarDate; decision?: string | undefined; reason: string } | undefined;
  /** Form, title, year, conferrer and level, decision, campaign, status. */
  facts: Fact[];
  recipients: RecipientView[];
  /** Units that took over from the recipient units (through lineage). */
  successors: Link[];
  /** The source's sentence stating the award, with the title of the article it comes from. */
  citation?: { text: string; source?: string | undefined } | undefined;
  /** The article that announced the award. */
  article?: { href: string; title: string; publishedAt?: Date | undefined } | undefined;
}

type DetailSite = Pick<SiteIndex, 'unitsById' | 'newsById' | 'lineage'>;

export function awardDetail(award: AwardEntry, site: DetailSite): AwardDetail {
  const { data } = award;
  const title = awardDisplayTitle(award);
  const form = AWARD_FORMS[data.form].label;
  const conferrer = conferrerOf(award, site);
  const article = data.article ? site.newsById.get(data.article.id) : undefined;
  const recipients = data.recipients.map((r) => ({ ...r, entry: r.unit ? site.unitsById.get(r.unit.id) : undefined }));
  const successorIds = new Set(recipients.flatMap((r) => (r.entry ? site.lineage.successorsOf(r.entry.id) : [])));
  const revoked = data.status === 'revoked';
  const recipientNames = recipients.map((r) => r.name ?? r.entry?.data.name).filter(Boolean);

  return {
    title,
    kicker: form,
    description: `${title}${conferrer ? ` do ${conferrer.name} trao tặng` : ''} cho ${recipientNames.join('; ')}.${
      revoked ? ' Quyết định đã bị thu hồi.' : ''
    }`,
    crumbs: [
      { href: routes.awardIndex(), label: 'Khen thưởng' },
      { href: routes.awardYear(data.year), label: `Năm ${data.year}` },
      { label: title },
    ],
    revocation:
      revoked && data.revocation
        ? {
            date: calendarDate(data.revocation.date),
            decision: data.revocation.decision,
            reason: data.revocation.reason,
          }
        : undefined,
    facts: facts(
      { term: 'Hình thức', text: form, href: routes.awardForm(data.form) },
      data.title && { term: 'Danh hiệu, thành tích', text: data.title },
      { term: 'Năm thành tích', text: String(data.year), href: routes.awardYear(data.year) },
      data.conferredBy && {
        term: 'Cơ quan khen thưởng',
        text: conferrer?.name,
        href: conferrer?.unit ? routes.unit(conferrer.unit.id) : undefined,
      },
      data.conferredBy && { term: 'Cấp khen thưởng', text: CONFERRER_LEVELS[data.conferredBy.level] },
      data.decision?.number && { term: 'Số quyết định', text: data.decision.number },
      data.decision?.date && { term: 'Ngày quyết định', date: calendarDate(data.decision.date) },
      data.campaign && { term: 'Phong trào thi đua', text: `“${data.campaign.replace(/^[“"]|[”"]$/g, '')}”` },
      {
        term: 'Tình trạng',
        text: revoked ? AWARD_STATUSES.revoked : AWARD_STATUSES['in-force'],
        strong: revoked,
      },
    ),
    recipients: recipients.map((r) => ({
      kind: RECIPIENT_KINDS[r.kind],
      name: r.name,
      role: r.role,
      unit: r.entry ? { href: routes.unit(r.entry.id), text: r.entry.data.name } : undefined,
    })),
    successors: [...successorIds].flatMap((id) => {
      const u = site.unitsById.get(id);
      return u ? [{ href: routes.unit(u.id), text: u.data.name }] : [];
    }),
    citation: data.citation ? { text: data.citation, source: article?.data.title } : undefined,
    article: article
      ? { href: routes.article(article.id), title: article.data.title, publishedAt: article.data.publishedAt }
      : undefined,
  };
}
