/**
 * Award records of the generated archive: conferred by a unit above the recipient (or a named
 * authority), with decisions and campaigns, a few revoked and draft ones, many announced by an
 * article of the recipient's that lists them back.
 */
import type { AwardForm, ConferrerLevel } from '#src/model/vocabulary.ts';
import { vietnameseSlug } from '#src/text/vietnamese.ts';
import type { ArticlePlan } from './articles.ts';
import { definedOnly, yamlDocument } from './documents.ts';
import { claimId } from './ids.ts';
import { personName, ROLES } from './people.ts';
import { pad, type Random } from './random.ts';
import type { GeneratorState } from './state.ts';
import type { UnitDirectory, UnitPlan } from './units.ts';

/** Forms a collective receives, with their weights. */
const COLLECTIVE_FORMS = [
  ['bang-khen', 30],
  ['giay-khen', 18],
  ['co-thi-dua', 8],
  ['tap-the-lao-dong-xuat-sac', 10],
  ['tap-the-lao-dong-tien-tien', 6],
  ['hoan-thanh-xuat-sac-nhiem-vu', 10],
  ['vinh-danh', 4],
  ['huan-chuong', 1],
  ['co-thi-dua-chinh-phu', 1],
] as const satisfies readonly (readonly [AwardForm, number])[];
/** Forms individuals receive, with their weights. */
const INDIVIDUAL_FORMS = [
  ['bang-khen', 20],
  ['giay-khen', 12],
  ['chien-si-thi-dua-co-so', 10],
  ['lao-dong-tien-tien', 10],
  ['ky-niem-chuong', 8],
  ['chien-si-thi-dua-cap-bo-nganh-tinh', 3],
  ['bang-lao-dong-sang-tao', 3],
] as const satisfies readonly (readonly [AwardForm, number])[];
type GeneratedForm = (typeof COLLECTIVE_FORMS)[number][0] | (typeof INDIVIDUAL_FORMS)[number][0];

/** How a citation names the form (as a decision would: more precise than the vocabulary's label). */
const CITATION_NAME: Record<GeneratedForm, string> = {
  'bang-khen': 'Bằng khen',
  'giay-khen': 'Giấy khen',
  'co-thi-dua': 'Cờ thi đua',
  'tap-the-lao-dong-xuat-sac': 'Tập thể lao động xuất sắc',
  'tap-the-lao-dong-tien-tien': 'Tập thể lao động tiên tiến',
  'hoan-thanh-xuat-sac-nhiem-vu': 'Hoàn thành xuất sắc nhiệm vụ',
  'vinh-danh': 'Vinh danh',
  'huan-chuong': 'Huân chương Lao động hạng Ba',
  'co-thi-dua-chinh-phu': 'Cờ thi đua của Chính phủ',
  'chien-si-thi-dua-co-so': 'Chiến sĩ thi đua cơ sở',
  'lao-dong-tien-tien': 'Lao động tiên tiến',
  'ky-niem-chuong': 'Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”',
  'chien-si-thi-dua-cap-bo-nganh-tinh': 'Chiến sĩ thi đua cấp tỉnh',
  'bang-lao-dong-sang-tao': 'Bằng Lao động sáng tạo',
};
/** Forms conferred by a named authority, whoever is above the recipient. */
const AUTHORITY: Partial<Record<GeneratedForm, ConferredByAuthority>> = {
  'co-thi-dua-chinh-phu': { name: 'Thủ tướng Chính phủ', level: 'chinh-phu' },
  'huan-chuong': { name: 'Chủ tịch nước', level: 'nha-nuoc' },
};
/** Forms that carry the achievement as a title. */
const TITLED_FORMS: ReadonlySet<GeneratedForm> = new Set(['bang-khen', 'giay-khen']);
const ACHIEVEMENTS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Có thành tích xuất sắc trong phong trào thi đua',
  'Có thành tích xuất sắc trong công tác công đoàn',
];
const DECISION_ISSUERS = ['LĐLĐ', 'TLĐ', 'CĐVC', 'UBND', 'VKSTC'];
const CAMPAIGNS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Lao động giỏi, Lao động sáng tạo',
  'Giỏi việc nước, đảm việc nhà',
  'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở',
  'Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động',
];
const REVOCATION_REASON = 'Thu hồi do phát hiện hồ sơ đề nghị khen thưởng không đúng sự thật.';

interface ConferredByAuthority {
  name: string;
  level: ConferrerLevel;
}
type ConferredBy = ConferredByAuthority | { unit: string; level: ConferrerLevel };
type Recipient =
  { kind: 'individual'; name: string; role: string; unit: string } | { kind: 'collective'; unit: string };

/** An award file's fields, in the order they are written. */
interface AwardRecord {
  form: GeneratedForm;
  title?: string;
  conferredBy?: ConferredBy;
  year: number;
  decision?: { number: string; date: string };
  recipients: Recipient[];
  campaign?: string;
  article?: string;
  citation?: string;
  status?: 'revoked';
  revocation?: { date: string; reason: string };
  draft?: true;
}

/** What the generator reports of an award. */
export interface GeneratedAward {
  id: string;
  form: AwardForm;
  year: number;
  units: string[];
  article?: string | undefined;
  draft: boolean;
}

export interface PlannedAward {
  summary: GeneratedAward;
  /** The award file's text (YAML). */
  yaml: string;
}

/**
 * `count` awards to units below the Tổng Liên đoàn, most to a few units. An award announced by
 * an article is added to that article's `awards`.
 */
export function planAwards(
  count: number,
  state: GeneratorState,
  directory: UnitDirectory,
  articlesByUnit: ReadonlyMap<string, ArticlePlan[]>,
): PlannedAward[] {
  const eligible = directory.units.filter((u) => u.level !== 'tong-lien-doan');
  const awards: PlannedAward[] = [];
  for (let i = 0; i < count && eligible.length; i++) {
    const unit = eligible[state.rnd.skewed(eligible.length)]!;
    awards.push(planAward(unit, state, directory, articlesByUnit.get(unit.id) ?? []));
  }
  return awards;
}

function planAward(
  unit: UnitPlan,
  state: GeneratorState,
  directory: UnitDirectory,
  unitArticles: readonly ArticlePlan[],
): PlannedAward {
  const { rnd } = state;
  const individual = unit.level !== 'co-quan' && rnd.chance(0.3);
  const form = rnd.weighted<GeneratedForm>(individual ? INDIVIDUAL_FORMS : COLLECTIVE_FORMS);
  const year = rnd.int(Math.max(2010, unit.from), Math.min(2025, unit.to));
  const conferredBy = conferrerOf(form, unit, directory.ancestorsOf(unit), rnd);
  const recipients = individual ? individualRecipients(unit, rnd) : [{ kind: 'collective' as const, unit: unit.id }];
  const id = claimId(state.taken, `${year}-${form}-${vietnameseSlug(unit.shortName ?? unit.name, 50)}`);
  const title = TITLED_FORMS.has(form) ? rnd.pick(ACHIEVEMENTS) : undefined;
  const decision = decisionOf(year, rnd);
  const campaign = rnd.chance(0.3) ? rnd.pick(CAMPAIGNS) : undefined;
  const article = announcingArticle(unitArticles, rnd);
  article?.awards.push(id);
  const recipientName = recipients[0]?.kind === 'individual' ? recipients[0].name : unit.name;
  const citation = rnd.chance(0.5)
    ? `${conferrerName(conferredBy, directory) ?? 'Cấp có thẩm quyền'} tặng ${CITATION_NAME[form]} năm ${year} cho ${recipientName}.`
    : undefined;
  const revocation = rnd.chance(0.005) ? revocationOf(year, rnd) : undefined;
  const draft = rnd.chance(0.005);
  const record = definedOnly<AwardRecord>({
    form,
    title,
    conferredBy,
    year,
    decision,
    recipients,
    campaign,
    article: article?.id,
    citation,
    status: revocation ? ('revoked' as const) : undefined,
    revocation,
    draft: draft ? (true as const) : undefined,
  });
  return {
    summary: { id, form, year, units: [unit.id], article: article?.id, draft },
    yaml: yamlDocument(record),
  };
}

/**
 * Who conferred the award: the authority of its form, else mostly the unit's parent or
 * grandparent, else the provincial People's Committee; undefined when the source would not say.
 */
function conferrerOf(
  form: GeneratedForm,
  unit: UnitPlan,
  ancestors: readonly UnitPlan[],
  rnd: Random,
): ConferredBy | undefined {
  // Drawn for every award, so that the draws after it do not depend on the form.
  const byUnit =
    ancestors.length && rnd.chance(0.75) ? ancestors[Math.min(ancestors.length - 1, rnd.int(0, 1))]! : undefined;
  const authority = AUTHORITY[form];
  if (authority) return authority;
  if (byUnit) return { unit: byUnit.id, level: byUnit.conferrerLevel };
  if (!unit.province) return undefined;
  const province = unit.province.startsWith('Thành phố') ? unit.province : `tỉnh ${unit.province}`;
  return { name: `Ủy ban nhân dân ${province}`, level: 'tinh' };
}

function conferrerName(conferredBy: ConferredBy | undefined, directory: UnitDirectory): string | undefined {
  if (!conferredBy) return undefined;
  return 'unit' in conferredBy ? directory.byId.get(conferredBy.unit)!.name : conferredBy.name;
}

/** One to three people of the unit. */
function individualRecipients(unit: UnitPlan, rnd: Random): Recipient[] {
  return Array.from({ length: rnd.int(1, 3) }, () => ({
    kind: 'individual' as const,
    name: personName(rnd),
    role: rnd.pick(ROLES),
    unit: unit.id,
  }));
}

/** Most awards before 2025 have a decision of the next spring. */
function decisionOf(year: number, rnd: Random): AwardRecord['decision'] {
  if (!rnd.chance(0.7) || year >= 2025) return undefined;
  const date = `${year + 1}-${pad(rnd.int(1, 4))}-${pad(rnd.int(1, 28))}`;
  return { number: `${rnd.int(1, 999)}/QĐ-${rnd.pick(DECISION_ISSUERS)}`, date };
}

/** A published article of the recipient's, for most awards of a unit that has one. */
function announcingArticle(unitArticles: readonly ArticlePlan[], rnd: Random): ArticlePlan | undefined {
  const candidates = unitArticles.filter((a) => !a.draft);
  return candidates.length && rnd.chance(0.6) ? candidates[rnd.int(0, candidates.length - 1)] : undefined;
}

function revocationOf(year: number, rnd: Random): AwardRecord['revocation'] {
  return { date: `${Math.min(2025, year + 1)}-${pad(rnd.int(6, 12))}-15`, reason: REVOCATION_REASON };
}
