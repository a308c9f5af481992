/**
 * The rules across collections that a schema alone cannot check (references that resolve,
 * awards within their recipient's lifetime and not in the future, parent chains that end,
 * lineage), and the one way their problems, and the content guard's, are reported.
 */
import { vietnamYear } from '#src/text/dates.ts';
import { didYouMean, Suggester, type SuggestionCandidate } from '#src/text/suggest.ts';
import type { Entry, RawContent, Ref } from './content-model.ts';

export interface ContentProblem {
  /** Path of the file at fault, relative to the project. */
  file: string;
  /** Dotted field path inside the file. */
  field: string;
  /** What is wrong and how to fix it, in Vietnamese, with technical detail after. */
  message: string;
}

/** How a failed check reads: what it means for the build (Vietnamese), and its technical name. */
export interface ProblemReport {
  /** What happens now, for editors: "bản dựng dừng lại, …". */
  consequence?: string;
  /** The check, for developers: "content check failed". */
  check: string;
}

/** The one report of content problems: a count, then one line per problem (file → field: message). */
export function formatProblems(problems: readonly ContentProblem[], { consequence, check }: ProblemReport): string {
  return (
    `Nội dung có ${problems.length} lỗi${consequence ? `; ${consequence}` : ''} (${check}):\n` +
    problems.map((p) => `  • ${p.file} → ${p.field}: ${p.message}`).join('\n')
  );
}

/** Thrown by getSite() when the loaded collections break a rule across collections. */
export class ContentIntegrityError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatProblems(problems, { check: 'content integrity check failed' }));
    this.name = 'ContentIntegrityError';
    this.problems = problems;
  }
}

/** How many unknown references of one check get a "did you mean". */
const MAX_SUGGESTED = 50;

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
  // "Did you mean" for an unknown reference: ids, and a unit's names, an article's or award's title.
  const candidates: Record<keyof typeof ids, () => SuggestionCandidate[]> = {
    units: () => content.units.map((u) => ({ id: u.id, names: [u.data.name, u.data.shortName, ...u.data.aliases] })),
    news: () => content.news.map((n) => ({ id: n.id, names: [n.data.title] })),
    awards: () => content.awards.map((a) => ({ id: a.id, names: [a.data.title] })),
  };
  const suggesters = new Map<string, Suggester>();
  // A lookup among 10,000 articles takes ~0.1 s: after an import with many broken links, the
  // first ones get a suggestion and the report still comes in seconds.
  let lookups = 0;
  const closest = (target: keyof typeof ids, id: string) => {
    if (++lookups > MAX_SUGGESTED) return '';
    let suggester = suggesters.get(target);
    if (!suggester) suggesters.set(target, (suggester = new Suggester(candidates[target]())));
    const asked = didYouMean(suggester.suggest(id));
    return asked ? ` ${asked}` : '';
  };

  const checkRef = (collection: string, entry: Entry<unknown>, field: string, ref: Ref | undefined) => {
    if (!ref) return;
    const target = ref.collection as keyof typeof ids;
    if (!ids[target]?.has(ref.id)) {
      const folder = `content/${target}/`;
      problems.push({
        file: fileOf(collection, entry),
        field,
        message: `không tìm thấy "${ref.id}" trong ${folder}.${ids[target] ? closest(target, ref.id) : ''} Hãy sửa thành mã (tên tệp không có đuôi) của một mục có sẵn trong ${folder}, hoặc tạo mục đó trước. (unknown ${target} reference)`,
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
