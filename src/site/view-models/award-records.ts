/**
 * Award records and units as flat rows: one row per award decision, one per unit, every value a
 * string, a number or empty. The open-data files (src/publishing/open-data.ts: CSV, JSON and the
 * Data Package that describes them) are written from these rows, so the field list below is the
 * one place their columns are defined, with the Vietnamese title each column carries.
 * Only what the site index holds is listed: drafts never reach it (src/model/content-model.ts).
 * Pure; see tests/unit/award-records.test.ts.
 */
import type { AwardEntry, UnitEntry } from '#src/model/content-model.ts';
import { AWARD_FORMS, AWARD_STATUSES, CONFERRER_LEVELS, RECIPIENT_KINDS, UNIT_LEVELS } from '#src/model/vocabulary.ts';
import { awardDisplayTitle, conferrerOf } from '../award-history.ts';
import { routes } from '../routes.ts';
import type { SiteIndex } from '../site-index.ts';

/** Table Schema field types used here (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
export type FieldType = 'string' | 'integer' | 'date';

export interface FieldInfo<K extends string = string> {
  name: K;
  type: FieldType;
  /** Vietnamese column title. */
  title: string;
  /** Vietnamese description. */
  description: string;
  /** Whether every row has a value. */
  required?: boolean;
  /** Allowed values (a controlled vocabulary's ids). */
  enum?: readonly string[];
  /** A string's format: 'uri' for the page addresses (absolute in the files). */
  format?: 'uri';
}

/** What separates several values in one cell ("a; b"). */
export const LIST_SEPARATOR = '; ';

export const AWARD_FIELDS = [
  {
    name: 'id',
    type: 'string',
    title: 'Mã bản ghi',
    description: 'Tên tệp của bản ghi, không có phần mở rộng.',
    required: true,
  },
  {
    name: 'year',
    type: 'integer',
    title: 'Năm thành tích',
    description: 'Năm của thành tích được khen thưởng.',
    required: true,
  },
  {
    name: 'form',
    type: 'string',
    title: 'Mã hình thức',
    description: 'Mã hình thức khen thưởng trong danh mục.',
    required: true,
    enum: Object.keys(AWARD_FORMS),
  },
  {
    name: 'form_label',
    type: 'string',
    title: 'Hình thức khen thưởng',
    description: 'Tên hình thức khen thưởng.',
    required: true,
  },
  {
    name: 'title',
    type: 'string',
    title: 'Danh hiệu, thành tích',
    description: 'Tên danh hiệu hoặc thành tích như ghi trong quyết định.',
  },
  {
    name: 'display_title',
    type: 'string',
    title: 'Tên khen thưởng',
    description: 'Tên hiển thị trên trang: hình thức, danh hiệu và năm.',
    required: true,
  },
  {
    name: 'conferrer',
    type: 'string',
    title: 'Cơ quan khen thưởng',
    description: 'Tên cơ quan, đơn vị ra quyết định khen thưởng.',
  },
  {
    name: 'conferrer_unit',
    type: 'string',
    title: 'Mã đơn vị khen thưởng',
    description: 'Mã đơn vị khen thưởng khi đơn vị có hồ sơ trên trang.',
  },
  {
    name: 'conferrer_level',
    type: 'string',
    title: 'Mã cấp khen thưởng',
    description: 'Mã cấp của cơ quan khen thưởng.',
    enum: Object.keys(CONFERRER_LEVELS),
  },
  {
    name: 'conferrer_level_label',
    type: 'string',
    title: 'Cấp khen thưởng',
    description: 'Cấp của cơ quan khen thưởng.',
  },
  {
    name: 'decision_number',
    type: 'string',
    title: 'Số quyết định',
    description: 'Số, ký hiệu của quyết định khen thưởng.',
  },
  {
    name: 'decision_date',
    type: 'date',
    title: 'Ngày quyết định',
    description: 'Ngày ký quyết định khen thưởng (YYYY-MM-DD).',
  },
  {
    name: 'recipient_kind',
    type: 'string',
    title: 'Loại người nhận',
    description: 'Tập thể, Cá nhân, hoặc cả hai (ngăn cách bởi “; ”).',
    required: true,
  },
  {
    name: 'recipients',
    type: 'string',
    title: 'Người nhận',
    description: 'Tên tập thể, cá nhân được khen thưởng (ngăn cách bởi “; ”).',
    required: true,
  },
  {
    name: 'recipient_units',
    type: 'string',
    title: 'Mã đơn vị người nhận',
    description: 'Mã đơn vị của tập thể hoặc nơi công tác của cá nhân (ngăn cách bởi “; ”).',
  },
  { name: 'campaign', type: 'string', title: 'Phong trào thi đua', description: 'Phong trào thi đua, khi có.' },
  {
    name: 'status',
    type: 'string',
    title: 'Mã hiệu lực',
    description: 'in-force (còn hiệu lực) hoặc revoked (đã thu hồi).',
    required: true,
    enum: Object.keys(AWARD_STATUSES),
  },
  {
    name: 'status_label',
    type: 'string',
    title: 'Hiệu lực',
    description: 'Còn hiệu lực hoặc Đã thu hồi.',
    required: true,
  },
  {
    name: 'revocation_date',
    type: 'date',
    title: 'Ngày thu hồi',
    description: 'Ngày quyết định khen thưởng bị thu hồi.',
  },
  {
    name: 'revocation_decision',
    type: 'string',
    title: 'Số quyết định thu hồi',
    description: 'Số quyết định thu hồi, khi có.',
  },
  { name: 'revocation_reason', type: 'string', title: 'Lý do thu hồi', description: 'Lý do thu hồi.' },
  {
    name: 'page',
    type: 'string',
    format: 'uri',
    title: 'Trang trên website',
    description: 'Địa chỉ trang của bản ghi trên website.',
    required: true,
  },
] as const satisfies readonly FieldInfo[];

export const UNIT_FIELDS = [
  {
    name: 'id',
    type: 'string',
    title: 'Mã đơn vị',
    description: 'Tên tệp hồ sơ đơn vị, không có phần mở rộng.',
    required: true,
  },
  { name: 'name', type: 'string', title: 'Tên đầy đủ', description: 'Tên chính thức của đơn vị.', required: true },
  { name: 'short_name', type: 'string', title: 'Tên ngắn', description: 'Tên viết gọn.' },
  {
    name: 'level',
    type: 'string',
    title: 'Mã cấp đơn vị',
    description: 'Mã cấp đơn vị trong danh mục.',
    required: true,
    enum: Object.keys(UNIT_LEVELS),
  },
  { name: 'level_label', type: 'string', title: 'Cấp đơn vị', description: 'Cấp của đơn vị.', required: true },
  { name: 'parent', type: 'string', title: 'Mã đơn vị cấp trên', description: 'Mã đơn vị cấp trên trực tiếp.' },
  { name: 'province', type: 'string', title: 'Tỉnh, thành phố', description: 'Tỉnh, thành phố của đơn vị.' },
  { name: 'founded_on', type: 'date', title: 'Ngày thành lập', description: 'Ngày thành lập (YYYY-MM-DD).' },
  {
    name: 'dissolved_on',
    type: 'date',
    title: 'Ngày thôi hoạt động',
    description: 'Ngày giải thể, sáp nhập (YYYY-MM-DD).',
  },
  {
    name: 'predecessors',
    type: 'string',
    title: 'Mã đơn vị tiền thân',
    description: 'Các đơn vị tiền thân, trực tiếp và gián tiếp (ngăn cách bởi “; ”).',
  },
  {
    name: 'successors',
    type: 'string',
    title: 'Mã đơn vị kế thừa',
    description: 'Các đơn vị kế thừa (ngăn cách bởi “; ”).',
  },
  {
    name: 'awards_received',
    type: 'integer',
    title: 'Số khen thưởng',
    description: 'Số quyết định khen thưởng còn hiệu lực mà đơn vị (không kể đơn vị tiền thân) được nhận.',
    required: true,
  },
  { name: 'website', type: 'string', title: 'Trang web', description: 'Trang web của đơn vị.' },
  {
    name: 'page',
    type: 'string',
    format: 'uri',
    title: 'Trang trên website',
    description: 'Địa chỉ trang hồ sơ đơn vị trên website.',
    required: true,
  },
] as const satisfies readonly FieldInfo[];

type Row<F extends readonly FieldInfo[]> = {
  [K in F[number] as K['name']]: K['type'] extends 'integer' ? number : string;
};

/** One award decision; empty strings for what the record does not state. */
export type AwardRecordRow = Row<typeof AWARD_FIELDS>;
export type UnitRecordRow = Row<typeof UNIT_FIELDS>;

const join = (values: readonly (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].join(LIST_SEPARATOR);

export function awardRecordRow(award: AwardEntry, site: Pick<SiteIndex, 'unitsById'>): AwardRecordRow {
  const { data } = award;
  const conferrer = conferrerOf(award, site);
  const revocation = data.status === 'revoked' ? data.revocation : undefined;
  return {
    id: award.id,
    year: data.year,
    form: data.form,
    form_label: AWARD_FORMS[data.form].label,
    title: data.title ?? '',
    display_title: awardDisplayTitle(award),
    conferrer: conferrer?.name ?? '',
    conferrer_unit: conferrer?.unit?.id ?? '',
    conferrer_level: data.conferredBy?.level ?? '',
    conferrer_level_label: data.conferredBy ? CONFERRER_LEVELS[data.conferredBy.level] : '',
    decision_number: data.decision?.number ?? '',
    decision_date: data.decision?.date ?? '',
    recipient_kind: join(data.recipients.map((r) => RECIPIENT_KINDS[r.kind])),
    recipients: join(
      data.recipients.map((r) => {
        const unit = r.unit ? site.unitsById.get(r.unit.id) : undefined;
        if (!r.name) return unit?.data.name ?? r.unit?.id;
        const where = unit ? ` (${unit.data.shortName ?? unit.data.name})` : '';
        return `${r.name}${r.role ? `, ${r.role}` : ''}${where}`;
      }),
    ),
    recipient_units: join(data.recipients.map((r) => r.unit?.id)),
    campaign: data.campaign ?? '',
    status: data.status,
    status_label: AWARD_STATUSES[data.status],
    revocation_date: revocation?.date ?? '',
    revocation_decision: revocation?.decision ?? '',
    revocation_reason: revocation?.reason ?? '',
    /** A site path here; the open-data files make it absolute (src/publishing/open-data.ts). */
    page: routes.award(award.id),
  };
}

export function unitRecordRow(unit: UnitEntry, site: Pick<SiteIndex, 'lineage' | 'awardsReceivedBy'>): UnitRecordRow {
  const { data } = unit;
  return {
    id: unit.id,
    name: data.name,
    short_name: data.shortName ?? '',
    level: data.level,
    level_label: UNIT_LEVELS[data.level].label,
    parent: data.parent?.id ?? '',
    province: data.province ?? '',
    founded_on: data.foundedOn ?? '',
    dissolved_on: data.dissolvedOn ?? '',
    predecessors: join(site.lineage.predecessorsOf(unit.id)),
    successors: join(site.lineage.successorsOf(unit.id)),
    awards_received: site.awardsReceivedBy(unit.id).filter((a) => a.data.status !== 'revoked').length,
    website: data.website ?? '',
    page: routes.unit(unit.id),
  };
}

/** Every visible award record, newest year first (the site index's order). */
export const awardRecordRows = (site: Pick<SiteIndex, 'awards' | 'unitsById'>): AwardRecordRow[] =>
  site.awards.map((a) => awardRecordRow(a, site));

/** A unit's award history as rows: its own and its predecessors' awards, newest year first. */
export const unitAwardRecordRows = (
  unitId: string,
  site: Pick<SiteIndex, 'historyOf' | 'unitsById'>,
): AwardRecordRow[] => site.historyOf(unitId).flatMap((y) => y.awards.map((a) => awardRecordRow(a, site)));

export const unitRecordRows = (site: Pick<SiteIndex, 'units' | 'lineage' | 'awardsReceivedBy'>): UnitRecordRow[] =>
  site.units.map((u) => unitRecordRow(u, site));
