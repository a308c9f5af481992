/**
 * The content model's pure core: integrity checks across collections, publication rules
 * (drafts, schedules) and the indexes pages need. No Astro imports, so it is unit-tested
 * directly; src/site/content.ts feeds it the collections once per build.
 */
import type { AwardData } from './schemas/award.ts';
import type { NewsData } from './schemas/news.ts';
import type { UnitData } from './schemas/unit.ts';
import { vietnamYear } from '#src/text/dates.ts';
import { vietnameseCollator } from '#src/text/vietnamese.ts';

export interface Ref<C extends string = string> {
  id: string;
  collection: C;
}

/** The minimum of an Astro collection entry the model needs. */
export interface Entry<D> {
  id: string;
  data: D;
  filePath?: string | undefined;
  body?: string | undefined;
}

type RefOf<T> = T extends { id: string; collection: string } ? Ref : T;
type Resolved<D> = { [K in keyof D]: D[K] extends (infer U)[] ? RefOf<U>[] : RefOf<D[K]> };

// Schema types use `z.ZodType` for references (they are injected); at runtime they are refs.
export type NewsEntry = Entry<Omit<NewsData, 'units' | 'awards'> & { units: Ref<'units'>[]; awards: Ref<'awards'>[] }>;
export type UnitEntry = Entry<
  Omit<UnitData, 'parent' | 'lineage'> & {
    parent?: Ref<'units'> | undefined;
    lineage: (Omit<UnitData['lineage'][number], 'unit'> & { unit: Ref<'units'> })[];
  }
>;
export type Recipient = Omit<AwardData['recipients'][number], 'unit'> & { unit?: Ref<'units'> | undefined };
export type AwardEntry = Entry<
  Omit<AwardData, 'conferredBy' | 'recipients' | 'article'> & {
    conferredBy?:
      (Omit<NonNullable<AwardData['conferredBy']>, 'unit'> & { unit?: Ref<'units'> | undefined }) | undefined;
    recipients: Recipient[];
    article?: Ref<'news'> | undefined;
  }
>;
export type { Resolved };

export interface RawContent {
  news: NewsEntry[];
  awards: AwardEntry[];
  units: UnitEntry[];
}

export interface ContentProblem {
  /** Path of the file at fault, relative to the project. */
  file: string;
  /** Dotted field path inside the file. */
  field: string;
  /** What is wrong and how to fix it, in Vietnamese, with technical detail after. */
  message: string;
}

export class ContentIntegrityError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `Nội dung có ${problems.length} lỗi (content integrity check failed):\n` +
        problems.map((p) => `  • ${p.file} → ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentIntegrityError';
    this.problems = problems;
  }
}

const fileOf = (collection: string, e: Entry<unknown>) => e.filePath ?? `content/${collection}/${e.id}`;

/** Check every cross-collection rule that a schema alone cannot. Returns all problems found. */
export function checkContentIntegrity(content: RawContent, now: Date = new Date()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = {
    news: new Set(content.news.map((e) => e.id)),
    awards: new Set(content.awards.map((e) => e.id)),
    units: new Set(content.units.map((e) => e.id)),
  };
  const unitsById = new Map(content.units.map((u) => [u.id, u]));

  const checkRef = (collection: string, entry: Entry<unknown>, field: string, ref: Ref | undefined) => {
    if (!ref) return;
    const target = ref.collection as keyof typeof ids;
    if (!ids[target]?.has(ref.id)) {
      const folder = `content/${target}/`;
      problems.push({
        file: fileOf(collection, entry),
        field,
        message: `không tìm thấy "${ref.id}" trong ${folder}. Hãy sửa thành mã (tên tệp không có đuôi) của một mục có sẵn trong ${folder}, hoặc tạo mục đó trước. (unknown ${target} reference)`,
      });
    }
  };

  for (const n of content.news) {
    n.data.units.forEach((r, i) => checkRef('news', n, `units[${i}]`, r));
    n.data.awards.forEach((r, i) => checkRef('news', n, `awards[${i}]`, r));
  }

  const currentYear = vietnamYear(now);
  for (const a of content.awards) {
    checkRef('awards', a, 'conferredBy.unit', a.data.conferredBy?.unit);
    checkRef('awards', a, 'article', a.data.article);
    a.data.recipients.forEach((r, i) => checkRef('awards', a, `recipients[${i}].unit`, r.unit));
    if (a.data.year > currentYear) {
      problems.push({
        file: fileOf('awards', a),
        field: 'year',
        message: `năm ${a.data.year} ở tương lai (năm nay là ${currentYear}); hãy ghi năm thành tích đã qua. (award dated in the future)`,
      });
    }
    if (a.data.decision?.date && a.data.decision.date > now.toISOString().slice(0, 10)) {
      problems.push({
        file: fileOf('awards', a),
        field: 'decision.date',
        message: `ngày quyết định ${a.data.decision.date} ở tương lai; hãy kiểm tra lại. (decision dated in the future)`,
      });
    }
    a.data.recipients.forEach((r, i) => {
      const unit = r.unit ? unitsById.get(r.unit.id) : undefined;
      if (!unit || r.kind !== 'collective') return;
      const founded = unit.data.foundedOn ? Number(unit.data.foundedOn.slice(0, 4)) : undefined;
      const dissolved = unit.data.dissolvedOn ? Number(unit.data.dissolvedOn.slice(0, 4)) : undefined;
      if (founded !== undefined && a.data.year < founded) {
        problems.push({
          file: fileOf('awards', a),
          field: `recipients[${i}].unit`,
          message: `"${unit.id}" được thành lập năm ${founded}, sau năm khen thưởng ${a.data.year}; hãy kiểm tra năm hoặc đơn vị nhận (có thể là đơn vị tiền thân). (award before the unit was founded)`,
        });
      }
      if (dissolved !== undefined && a.data.year > dissolved) {
        problems.push({
          file: fileOf('awards', a),
          field: `recipients[${i}].unit`,
          message: `"${unit.id}" đã giải thể hoặc sáp nhập năm ${dissolved}, trước năm khen thưởng ${a.data.year}; hãy ghi đơn vị kế thừa. (award after the unit ceased to exist)`,
        });
      }
    });
  }

  for (const u of content.units) {
    checkRef('units', u, 'parent', u.data.parent);
    u.data.lineage.forEach((l, i) => {
      checkRef('units', u, `lineage[${i}].unit`, l.unit);
      if (l.unit.id === u.id) {
        problems.push({
          file: fileOf('units', u),
          field: `lineage[${i}].unit`,
          message: 'một đơn vị không thể là tiền thân hay kế thừa của chính nó. (self lineage)',
        });
      }
    });
    // Parent chain must end: a unit may not be its own ancestor.
    const seen = new Set<string>([u.id]);
    let cursor = u.data.parent?.id;
    while (cursor !== undefined) {
      if (seen.has(cursor)) {
        problems.push({
          file: fileOf('units', u),
          field: 'parent',
          message: `vòng lặp cấp trên: ${[...seen, cursor].join(' → ')}. Một đơn vị không thể là cấp trên của chính nó; hãy sửa "parent". (unit is its own ancestor)`,
        });
        break;
      }
      seen.add(cursor);
      cursor = unitsById.get(cursor)?.data.parent?.id;
    }
    if (u.data.foundedOn && u.data.dissolvedOn && u.data.dissolvedOn < u.data.foundedOn) {
      problems.push({
        file: fileOf('units', u),
        field: 'dissolvedOn',
        message: 'ngày giải thể trước ngày thành lập; hãy kiểm tra foundedOn và dissolvedOn.',
      });
    }
  }
  return problems;
}

export interface PublicationOptions {
  /** The build's "now": scheduled articles appear only once it has passed. */
  now: Date;
  /** Preview mode (astro dev): drafts and scheduled articles are shown, marked as such. */
  preview: boolean;
}

export type PublicationState = 'published' | 'draft' | 'scheduled';

/** What pages show in place of a date for an article whose source states none. */
export const UNDATED_LABEL = 'Không rõ ngày đăng';

interface Publishable {
  draft: boolean;
  /** Absent when the source states no date: such an article is published, not scheduled. */
  publishedAt?: Date | undefined;
}

export function publicationState(data: Publishable, now: Date): PublicationState {
  if (data.draft) return 'draft';
  if (data.publishedAt !== undefined && data.publishedAt.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

/** Whether a news entry is visible: the one place drafts and schedules are decided. */
export function isVisibleNews(data: Publishable, opts: PublicationOptions): boolean {
  return opts.preview || publicationState(data, opts.now) === 'published';
}

export function isVisibleAward(data: { draft: boolean }, opts: PublicationOptions): boolean {
  return opts.preview || !data.draft;
}

/** Newest first; undated articles come after every dated one, by id. */
export const byNewestFirst = (a: NewsEntry, b: NewsEntry) =>
  (b.data.publishedAt?.getTime() ?? -Infinity) - (a.data.publishedAt?.getTime() ?? -Infinity) ||
  a.id.localeCompare(b.id);

export const byUnitName = (a: UnitEntry, b: UnitEntry) => vietnameseCollator.compare(a.data.name, b.data.name);
