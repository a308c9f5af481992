/**
 * An imported article → the files it becomes: content/news/<slug>.md and one draft award
 * record per proposed award in content/awards/<id>.yaml. Pure: ids that are taken are passed in.
 */
import { vietnameseSlug } from '#src/text/vietnamese.ts';
import type { NewsCategory } from '#src/model/vocabulary.ts';
import type { ImportedArticle } from './article.ts';
import type { ProposedAward } from './awards.ts';
import type { Hero } from './images.ts';
import { bodyToMarkdown, frontmatter, yamlDocument } from './serialize.ts';

export interface PlannedFile {
  kind: 'article' | 'award';
  /** Collection id (file name without extension). */
  id: string;
  content: string;
}

function category(article: ImportedArticle): NewsCategory {
  if (article.awards.length > 0) return 'thi-dua-khen-thuong';
  if (/\b(hội nghị|đại hội)\b/iu.test(article.title)) return 'dai-hoi-hoi-nghi';
  return 'hoat-dong-cong-doan';
}

/** A free id: `base`, else `base-2`, `base-3`… */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

function awardBaseId(a: ProposedAward): string {
  const who = a.recipients[0]?.unit ?? a.recipients[0]?.name ?? '';
  const base = vietnameseSlug(`${a.year} ${a.form} ${a.title ?? ''}`, 56);
  return vietnameseSlug(`${base} ${who}`, 80);
}

/**
 * Plan the files of one article. `articleId` is fixed by the caller (reuse the id of an
 * earlier import of the same source); an award keeps the id an earlier import gave it (found in `awardIds` by its base).
 */
export function planFiles(
  article: ImportedArticle,
  articleId: string,
  awardTaken: (id: string) => boolean,
  awardIds: string[] = [],
  bodyMarkdown: string = bodyToMarkdown(article.body),
  hero?: Hero,
): PlannedFile[] {
  const files: PlannedFile[] = [];
  const used = new Set<string>();
  const recordable = article.awards.filter((a) => a.year !== null && a.recipients.length > 0);
  recordable.forEach((a) => {
    // Reuse the id an earlier import of this source gave the same award (ids carry their base).
    const base = awardBaseId(a);
    const suffix = (x: string) => (x === base ? 1 : new RegExp(`^${base}-(\\d+)$`).exec(x)?.[1]);
    const earlier = awardIds
      .filter((x) => !used.has(x) && suffix(x) !== undefined)
      .sort((x, y) => Number(suffix(x)) - Number(suffix(y)))[0];
    const id = earlier ?? freeId(base, (x) => used.has(x) || awardTaken(x));
    used.add(id);
    const record: Record<string, unknown> = { form: a.form };
    if (a.title) record.title = a.title;
    if (a.conferredBy?.level) {
      record.conferredBy = {
        ...(a.conferredBy.unit ? { unit: a.conferredBy.unit } : { name: a.conferredBy.text }),
        level: a.conferredBy.level,
      };
    }
    record.year = a.year;
    if (a.decision) record.decision = a.decision;
    record.recipients = a.recipients;
    if (a.campaign) record.campaign = a.campaign;
    record.article = articleId;
    record.citation = a.sentence;
    record.draft = true;
    const comment = [
      `Đề xuất từ trình nhập bài (npm run import) theo câu trích trong bài "${articleId}".`,
      'Biên tập viên kiểm tra lại rồi đổi draft thành false để công bố.',
      ...(a.conferredBy && !a.conferredBy.level
        ? [`Cơ quan khen thưởng trong bài: "${a.conferredBy.text}" (chưa rõ cấp, chưa ghi vào conferredBy).`]
        : []),
    ].join('\n');
    files.push({ kind: 'award', id, content: yamlDocument(record, comment) });
  });

  const data: Record<string, unknown> = { title: article.title, summary: article.summary };
  if (article.publishedAt) data.publishedAt = article.publishedAt;
  if (article.author) data.author = article.author;
  // importArticle keeps only whole http(s) addresses; checked again here, as a URL that does not
  // parse must never fail the file ("Invalid URL").
  const url =
    article.sourceUrl && /^https?:\/\//.test(article.sourceUrl) && URL.canParse(article.sourceUrl)
      ? article.sourceUrl
      : null;
  const name = article.source ?? (url ? new URL(url).hostname.replace(/^www\./, '') : null);
  if (name) data.source = { name, ...(url ? { url } : {}) };
  if (article.units.length) data.units = article.units;
  const awardIdsWritten = files.map((f) => f.id);
  if (awardIdsWritten.length) data.awards = awardIdsWritten;
  data.category = category(article);
  if (hero) data.hero = hero;
  if (article.titleDerived) data.draft = true;
  const md = `${frontmatter(data)}\n${bodyMarkdown}`;
  return [{ kind: 'article', id: articleId, content: md }, ...files];
}

export function articleBaseId(article: ImportedArticle): string {
  return vietnameseSlug(article.title, 80) || 'bai-viet';
}
