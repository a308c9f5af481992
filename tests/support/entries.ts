/**
 * Builders for collection entries as src/model/content-model.ts sees them (references already
 * resolved to { id, collection }), for table-driven tests of the pure content functions.
 */
import type { AwardEntry, NewsEntry, UnitEntry } from '#src/model/content-model.ts';

export const unitRef = (id: string) => ({ id, collection: 'units' as const });
export const newsRef = (id: string) => ({ id, collection: 'news' as const });
export const awardRef = (id: string) => ({ id, collection: 'awards' as const });

type NewsInput = Partial<Omit<NewsEntry['data'], 'units' | 'awards'>> & { units?: string[]; awards?: string[] };

export function news(id: string, data: NewsInput = {}): NewsEntry {
  const { units = [], awards = [], ...rest } = data;
  return {
    id,
    filePath: `content/news/${id}.md`,
    data: {
      title: `Tin ${id}`,
      summary: 'Tóm tắt.',
      tags: [],
      category: 'tin-tuc',
      draft: false,
      ...rest,
      units: units.map(unitRef),
      awards: awards.map(awardRef),
    },
  };
}

type UnitInput = Partial<Omit<UnitEntry['data'], 'parent' | 'lineage'>> & {
  parent?: string;
  lineage?: {
    relation: 'predecessor' | 'successor';
    unit: string;
    date?: string;
    kind?: 'renamed' | 'merged' | 'split';
    note?: string;
  }[];
};

export function unit(id: string, data: UnitInput = {}): UnitEntry {
  const { parent, lineage = [], ...rest } = data;
  return {
    id,
    filePath: `content/units/${id}.md`,
    data: {
      name: `Đơn vị ${id}`,
      aliases: [],
      level: 'cong-doan-co-so',
      terms: [],
      figures: [],
      ...rest,
      ...(parent ? { parent: unitRef(parent) } : {}),
      lineage: lineage.map((l) => ({
        relation: l.relation,
        unit: unitRef(l.unit),
        date: l.date ?? '2025-07-01',
        kind: l.kind ?? 'merged',
        ...(l.note ? { note: l.note } : {}),
      })),
    },
  };
}

type AwardInput = Partial<Omit<AwardEntry['data'], 'conferredBy' | 'recipients' | 'article'>> & {
  conferredBy?: {
    unit?: string;
    name?: string;
    level?: AwardEntry['data'] extends { conferredBy?: infer C }
      ? NonNullable<C> extends { level: infer L }
        ? L
        : never
      : never;
  };
  recipients?: { kind?: 'collective' | 'individual'; unit?: string; name?: string }[];
  article?: string;
};

export function award(id: string, data: AwardInput = {}): AwardEntry {
  const { conferredBy, recipients = [{ unit: 'cong-doan-a' }], article, ...rest } = data;
  return {
    id,
    filePath: `content/awards/${id}.yaml`,
    data: {
      form: 'bang-khen',
      year: 2022,
      status: 'in-force',
      draft: false,
      ...rest,
      ...(conferredBy
        ? {
            conferredBy: {
              level: conferredBy.level ?? 'lien-doan-tinh',
              ...(conferredBy.unit ? { unit: unitRef(conferredBy.unit) } : {}),
              ...(conferredBy.name ? { name: conferredBy.name } : {}),
            },
          }
        : {}),
      recipients: recipients.map((r) => ({
        kind: r.kind ?? 'collective',
        ...(r.unit ? { unit: unitRef(r.unit) } : {}),
        ...(r.name ? { name: r.name } : {}),
      })),
      ...(article ? { article: newsRef(article) } : {}),
    },
  };
}
