/**
 * The content model: what an entry of each collection is once loaded (references resolved to
 * { id, collection }), and when it is published (drafts, schedules) and in which order it is
 * listed. No Astro imports, so it is unit-tested directly; src/site/content.ts feeds it the
 * collections once per build. The checks across collections are in integrity.ts.
 */
import type { AwardData } from './schemas/award.ts';
import type { NewsData } from './schemas/news.ts';
import type { UnitData } from './schemas/unit.ts';
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

export interface RawContent {
  news: NewsEntry[];
  awards: AwardEntry[];
  units: UnitEntry[];
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
