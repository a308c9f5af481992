/**
 * The union hierarchy of the generated archive: Tổng Liên đoàn → provincial federations and
 * national sector unions → unions above the base → base unions → sub-units, plus state agencies;
 * the 2025 provincial mergers and some renamed base unions as lineage.
 */
import type { ConferrerLevel, LineageKind, UnitLevel } from '#src/model/vocabulary.ts';
import { vietnameseSlug } from '#src/text/vietnamese.ts';
import { markdownDocument } from './documents.ts';
import { claimId } from './ids.ts';
import { personName } from './people.ts';
import { MERGER_DATE, MERGER_EVE, MERGER_NOTE, PROVINCES, provinceLabel, type Province } from './provinces.ts';
import { seedParagraph, type GeneratorState } from './state.ts';

export interface LineageLink {
  relation: 'predecessor' | 'successor';
  unit: string;
  date: string;
  kind: LineageKind;
  note?: string;
}

export interface UnitPlan {
  id: string;
  name: string;
  shortName?: string | undefined;
  level: UnitLevel;
  parent?: string | undefined;
  province?: string | undefined;
  foundedOn?: string | undefined;
  dissolvedOn?: string | undefined;
  lineage: LineageLink[];
  /** First and last year in which the unit can receive an award. */
  from: number;
  to: number;
  /** Conferrer level when this unit confers an award. */
  conferrerLevel: ConferrerLevel;
}

/** What a unit is planned with; its id, award years and conferrer level follow. */
type UnitSpec = Pick<UnitPlan, 'name' | 'level'> &
  Partial<Pick<UnitPlan, 'shortName' | 'parent' | 'province' | 'foundedOn' | 'dissolvedOn'>>;

/** The level a unit confers awards at: a sub-unit's awards are its base union's. */
const CONFERRER_LEVEL: Record<UnitLevel, ConferrerLevel> = {
  'tong-lien-doan': 'tong-lien-doan',
  'lien-doan-tinh': 'lien-doan-tinh',
  'cong-doan-nganh-trung-uong': 'cong-doan-nganh-trung-uong',
  'cong-doan-cap-tren-co-so': 'cong-doan-cap-tren-co-so',
  'cong-doan-co-so': 'cong-doan-co-so',
  'cong-doan-bo-phan': 'cong-doan-co-so',
  'co-quan': 'co-quan',
};

const SECTOR_UNIONS = [
  'Viên chức',
  'Giáo dục',
  'Y tế',
  'Công Thương',
  'Xây dựng',
  'Ngân hàng',
  'Giao thông vận tải',
  'Nông nghiệp và Môi trường',
];
/** Unions above the base in a province, in the order they are added. */
const UPPER_UNIONS = ['Viên chức', 'các Khu công nghiệp', 'Giáo dục'];
/** Agencies with a base union in a province: [agency name, short form]. */
const AGENCIES: readonly (readonly [string, string])[] = [
  ['Viện kiểm sát nhân dân', 'VKSND'],
  ['Tòa án nhân dân', 'TAND'],
  ['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'],
  ['Sở Y tế', 'Sở Y tế'],
  ['Bệnh viện Đa khoa', 'BVĐK'],
  ['Sở Tài chính', 'Sở Tài chính'],
  ['Kho bạc Nhà nước', 'KBNN'],
  ['Đài Phát thanh và Truyền hình', 'Đài PT-TH'],
  ['Trường Cao đẳng Y tế', 'CĐ Y tế'],
  ['Thanh tra', 'Thanh tra'],
  ['Sở Nội vụ', 'Sở Nội vụ'],
  ['Bảo hiểm xã hội', 'BHXH'],
];
const SUB_UNITS = [
  'Thanh tra và Khiếu tố',
  'Văn phòng',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch - Tài chính',
  'Khoa Nội',
  'Tổ Ngữ văn',
  'Tổ Toán - Tin',
];
/** After this many rounds every agency and sub-unit is used: further base unions are numbered schools. */
const ROUNDS_OF_NAMED_UNITS = AGENCIES.length * SUB_UNITS.length + 10;

/** The units planned so far, up to `count`. */
class UnitPlanner {
  readonly units: UnitPlan[] = [];
  readonly count: number;
  readonly state: GeneratorState;

  constructor(count: number, state: GeneratorState) {
    this.count = count;
    this.state = state;
  }

  get full(): boolean {
    return this.units.length >= this.count;
  }

  named(name: string): UnitPlan | undefined {
    return this.units.find((u) => u.name === name);
  }

  add(spec: UnitSpec): UnitPlan {
    const unit: UnitPlan = {
      lineage: [],
      from: spec.foundedOn ? Number(spec.foundedOn.slice(0, 4)) : 2010,
      to: spec.dissolvedOn ? Number(spec.dissolvedOn.slice(0, 4)) : 2025,
      conferrerLevel: CONFERRER_LEVEL[spec.level],
      ...spec,
      id: claimId(this.state.taken, vietnameseSlug(spec.name, 70)),
    };
    this.units.push(unit);
    return unit;
  }
}

/** A province's federation and the unions above the base planned in it. */
interface ProvincePlan {
  name: string;
  label: string;
  federation: UnitPlan;
  upper: UnitPlan[];
}

/** `count` units, top down: the Tổng Liên đoàn, sector unions, provinces, then round after round inside the provinces. */
export function planUnits(count: number, state: GeneratorState): UnitPlan[] {
  const planner = new UnitPlanner(count, state);
  const top = planner.add({
    name: 'Tổng Liên đoàn Lao động Việt Nam',
    level: 'tong-lien-doan',
    foundedOn: '1929-07-28',
  });
  addSectorUnions(planner, top);
  const provinces = addProvinceFederations(planner, top);
  growProvinces(planner, provinces);
  return planner.units;
}

function addSectorUnions(planner: UnitPlanner, top: UnitPlan): void {
  const { rnd } = planner.state;
  for (const sector of SECTOR_UNIONS.slice(0, Math.max(1, Math.floor(planner.count / 60)))) {
    planner.add({
      name: `Công đoàn ${sector} Việt Nam`,
      level: 'cong-doan-nganh-trung-uong',
      parent: top.id,
      foundedOn: `19${rnd.int(60, 99)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`,
    });
  }
}

/** A federation per province, and one that ended on the merger for each province merged into it. */
function addProvinceFederations(planner: UnitPlanner, top: UnitPlan): ProvincePlan[] {
  const budget = Math.max(4, Math.floor(planner.count / 6));
  const provinces: ProvincePlan[] = [];
  for (const province of PROVINCES) {
    if (planner.units.length >= budget) break;
    const federation = addFederation(planner, top, province);
    provinces.push({ name: province.name, label: provinceLabel(province), federation, upper: [] });
    for (const merged of province.merged) {
      if (planner.units.length >= budget) break;
      const predecessor = addFederation(planner, top, { name: merged, kind: 'tỉnh', merged: [] }, MERGER_EVE);
      linkLineage(predecessor, federation, MERGER_DATE, 'merged', MERGER_NOTE);
    }
  }
  return provinces;
}

function addFederation(planner: UnitPlanner, top: UnitPlan, province: Province, dissolvedOn?: string): UnitPlan {
  const { rnd } = planner.state;
  const label = provinceLabel(province);
  return planner.add({
    name: `Liên đoàn Lao động ${label}`,
    shortName: `LĐLĐ ${label}`,
    level: 'lien-doan-tinh',
    parent: top.id,
    province: province.name,
    foundedOn: `19${rnd.int(75, 97)}-0${rnd.int(1, 9)}-0${rnd.int(1, 9)}`,
    ...(dissolvedOn ? { dissolvedOn } : {}),
  });
}

/** `older` was succeeded by `newer` on `date`: recorded on both. */
function linkLineage(older: UnitPlan, newer: UnitPlan, date: string, kind: LineageKind, note?: string): void {
  const extra = note ? { note } : {};
  older.lineage.push({ relation: 'successor', unit: newer.id, date, kind, ...extra });
  newer.lineage.push({ relation: 'predecessor', unit: older.id, date, kind, ...extra });
}

/** Round after round over the provinces until `count` units are planned. */
function growProvinces(planner: UnitPlanner, provinces: ProvincePlan[]): void {
  for (let round = 0; !planner.full;) {
    let added = false;
    for (const [index, province] of provinces.entries()) {
      if (planner.full) break;
      if (growProvince(planner, province, index, round)) added = true;
    }
    round++;
    if (!added && round > ROUNDS_OF_NAMED_UNITS) addNumberedSchools(planner, provinces, round);
  }
}

/** One unit more in a province (an upper union, an agency with its base union, or a sub-unit), if one is left. */
function growProvince(planner: UnitPlanner, province: ProvincePlan, index: number, round: number): boolean {
  if ((round === 0 || (round < 3 && province.upper.length < 3)) && addUpperUnion(planner, province)) return true;
  const agency = AGENCIES[(round + index) % AGENCIES.length]!;
  const agencyName = `${agency[0]} ${province.label}`;
  if (!planner.named(agencyName)) return addAgency(planner, province, agency, round);
  return addSubUnit(planner, province, agencyName, round);
}

function addUpperUnion(planner: UnitPlanner, province: ProvincePlan): boolean {
  const name = `Công đoàn ${UPPER_UNIONS[province.upper.length % UPPER_UNIONS.length]} ${province.label}`;
  if (planner.named(name)) return false;
  const upper = planner.add({
    name,
    level: 'cong-doan-cap-tren-co-so',
    parent: province.federation.id,
    province: province.name,
    foundedOn: `19${planner.state.rnd.int(90, 99)}-06-22`,
  });
  province.upper.push(upper);
  return true;
}

/** An agency and its base union; some base unions were renamed (an older name as predecessor). */
function addAgency(
  planner: UnitPlanner,
  province: ProvincePlan,
  [agency, short]: readonly [string, string],
  round: number,
): boolean {
  const { rnd } = planner.state;
  const upper = province.upper.length ? province.upper[round % province.upper.length]! : province.federation;
  const agencyName = `${agency} ${province.label}`;
  planner.add({ name: agencyName, shortName: `${short} ${province.label}`, level: 'co-quan', province: province.name });
  if (planner.full) return true;
  const renamed = rnd.chance(0.12) && planner.units.length + 2 <= planner.count;
  const renameYear = rnd.int(2016, 2023);
  const baseUnion = planner.add({
    name: `Công đoàn cơ sở ${agencyName}`,
    shortName: `Công đoàn ${short} ${province.label}`,
    level: 'cong-doan-co-so',
    parent: upper.id,
    province: province.name,
    ...(renamed ? { foundedOn: `${renameYear}-01-01` } : {}),
  });
  if (renamed) {
    const old = planner.add({
      name: `Công đoàn ${agency} ${province.label}`,
      level: 'cong-doan-co-so',
      parent: upper.id,
      province: province.name,
      dissolvedOn: `${renameYear - 1}-12-31`,
    });
    linkLineage(old, baseUnion, `${renameYear}-01-01`, 'renamed');
  }
  return true;
}

function addSubUnit(planner: UnitPlanner, province: ProvincePlan, agencyName: string, round: number): boolean {
  const baseUnion = planner.named(`Công đoàn cơ sở ${agencyName}`);
  const name = `Tổ công đoàn ${SUB_UNITS[round % SUB_UNITS.length]}, ${agencyName}`;
  if (!baseUnion || planner.named(name)) return false;
  planner.add({ name, level: 'cong-doan-bo-phan', parent: baseUnion.id, province: province.name });
  return true;
}

/** Every named combination used: further base unions are numbered schools. */
function addNumberedSchools(planner: UnitPlanner, provinces: ProvincePlan[], round: number): void {
  for (const province of provinces) {
    if (planner.full) break;
    planner.add({
      name: `Công đoàn Trường Trung học phổ thông số ${round} ${province.label}`,
      level: 'cong-doan-co-so',
      parent: (province.upper[2] ?? province.upper[0] ?? province.federation).id,
      province: province.name,
    });
  }
}

/** The planned units by id, and each unit's chain of parents. */
export interface UnitDirectory {
  units: readonly UnitPlan[];
  byId: ReadonlyMap<string, UnitPlan>;
  /** Parent, grandparent… up to the top. */
  ancestorsOf(unit: UnitPlan): UnitPlan[];
}

export function unitDirectory(units: readonly UnitPlan[]): UnitDirectory {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parentOf = (u: UnitPlan) => (u.parent ? byId.get(u.parent) : undefined);
  const ancestorsOf = (unit: UnitPlan) => {
    const chain: UnitPlan[] = [];
    for (let p = parentOf(unit); p; p = parentOf(p)) chain.push(p);
    return chain;
  };
  return { units, byId, ancestorsOf };
}

/** The unit's profile: front matter (terms of office, figures, lineage) and a paragraph of text. */
export function unitMarkdown(unit: UnitPlan, parent: UnitPlan | undefined, state: GeneratorState): string {
  const data = unitFrontMatter(unit, state);
  const intro = `${unit.name}${parent ? `, trực thuộc ${parent.name}` : ''}.`;
  return markdownDocument(data, [intro, seedParagraph(state)].join('\n\n'));
}

function unitFrontMatter(unit: UnitPlan, { rnd }: GeneratorState): Record<string, unknown> {
  const data: Record<string, unknown> = { name: unit.name };
  if (unit.shortName) data.shortName = unit.shortName;
  data.level = unit.level;
  if (unit.parent) data.parent = unit.parent;
  if (unit.province) data.province = unit.province;
  if (unit.foundedOn) data.foundedOn = unit.foundedOn;
  if (unit.dissolvedOn) data.dissolvedOn = unit.dissolvedOn;
  if (unit.level !== 'co-quan' && rnd.chance(0.6)) {
    const from = rnd.pick([2013, 2018, 2023]);
    const leaders = [
      { name: personName(rnd), role: 'Chủ tịch' },
      { name: personName(rnd), role: 'Phó Chủ tịch' },
    ];
    data.terms = [{ from, to: from + 5, leaders }];
  }
  if (unit.level === 'cong-doan-cap-tren-co-so' || unit.level === 'lien-doan-tinh') {
    data.figures = [{ year: rnd.int(2019, 2024), members: rnd.int(800, 90000), baseUnions: rnd.int(20, 900) }];
  }
  if (unit.lineage.length) data.lineage = unit.lineage;
  return data;
}
