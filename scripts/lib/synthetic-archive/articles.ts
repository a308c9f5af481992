/**
 * The news articles of the generated archive, planned first (who, when, which title, .md or .mdx)
 * so that awards can be linked to them; their text is written last (article-text.ts).
 */
import { vietnameseSlug } from '#src/text/vietnamese.ts';
import { claimId } from './ids.ts';
import { pad, shuffled, type Random } from './random.ts';
import type { GeneratorState } from './state.ts';
import type { UnitDirectory, UnitPlan } from './units.ts';

export interface GeneratedArticle {
  id: string;
  /** Path relative to `dir`: news/<id>.md or .mdx */
  file: string;
  title: string;
  mdx: boolean;
  /** ISO date-time with +07:00, or undefined for an undated article. */
  publishedAt?: string | undefined;
  draft: boolean;
  hero: boolean;
  units: string[];
  /** Awards the article announces (filled in when the awards are planned). */
  awards: string[];
}

export interface ArticlePlan extends GeneratedArticle {
  /** The unit the article is about. */
  unit: UnitPlan;
  year: number;
}

export interface ArticleShares {
  /** Share of articles that use a component, written as .mdx (all others are .md). */
  mdxShare: number;
  /** Share of articles with a hero image (when there are images). */
  heroShare: number;
  hasImages: boolean;
}

/** What the unit did, after its name: the title. `{y}` is the year, `{y5}` five years on. */
const ACTIONS = [
  'tổ chức Hội nghị cán bộ, công chức, viên chức năm {y}',
  'sơ kết giữa nhiệm kỳ, bàn giải pháp nâng cao chất lượng hoạt động',
  'tổng kết phong trào thi đua năm {y}',
  'phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo”',
  'thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn dịp Tết Nguyên đán',
  'thực hiện tốt dân chủ ở cơ sở',
  'chăm lo, bảo vệ quyền, lợi ích hợp pháp của đoàn viên',
  'tổ chức Đại hội nhiệm kỳ {y}-{y5}',
  'hưởng ứng Tháng Công nhân năm {y}',
  'tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở',
  'kỷ niệm ngày thành lập Công đoàn Việt Nam 28/7',
  'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'tổ chức giải thể thao chào mừng ngày 8/3',
  'trao “Mái ấm Công đoàn” cho đoàn viên',
  'được vinh danh là đơn vị xuất sắc tiêu biểu',
  'tham gia xây dựng Đảng, xây dựng cơ quan trong sạch, vững mạnh',
];

/** Units that news is about, most popular first: unions, not agencies or the Tổng Liên đoàn. */
export function unitsByPopularity(directory: UnitDirectory, rnd: Random): UnitPlan[] {
  return shuffled(
    directory.units.filter((u) => u.level !== 'co-quan' && u.level !== 'tong-lien-doan'),
    rnd,
  );
}

/** `count` articles, most about a few popular units. */
export function planArticles(
  count: number,
  popular: readonly UnitPlan[],
  state: GeneratorState,
  directory: UnitDirectory,
  shares: ArticleShares,
): ArticlePlan[] {
  return Array.from({ length: count }, () =>
    planArticle(popular[state.rnd.skewed(popular.length)]!, state, directory, shares),
  );
}

function planArticle(
  unit: UnitPlan,
  state: GeneratorState,
  directory: UnitDirectory,
  shares: ArticleShares,
): ArticlePlan {
  const { rnd } = state;
  const year = articleYear(unit, rnd);
  const publishedAt = publicationTime(year, rnd);
  const undated = rnd.chance(0.005);
  const title = `${unit.shortName ?? unit.name} ${actionIn(year, rnd)}`;
  const id = claimId(state.taken, vietnameseSlug(title, 70));
  const mdx = rnd.chance(shares.mdxShare);
  const units = relatedUnits(unit, directory, rnd);
  return {
    id,
    file: `news/${id}.${mdx ? 'mdx' : 'md'}`,
    title,
    mdx,
    publishedAt: undated ? undefined : publishedAt,
    draft: rnd.chance(0.01),
    hero: shares.hasImages && rnd.chance(shares.heroShare),
    units,
    awards: [],
    unit,
    year,
  };
}

/** A year in 2014–2025 while the unit existed, newer years denser (sites publish more). */
function articleYear(unit: UnitPlan, rnd: Random): number {
  return Math.min(2025, Math.max(unit.from, 2014 + Math.floor(12 * Math.sqrt(rnd.next()))), unit.to);
}

/** A day in `year` between 06:00 and 22:59, Vietnam time. */
function publicationTime(year: number, rnd: Random): string {
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28);
  return `${year}-${pad(month)}-${pad(day)}T${pad(rnd.int(6, 22))}:${pad(rnd.int(0, 59))}:00+07:00`;
}

function actionIn(year: number, rnd: Random): string {
  return rnd
    .pick(ACTIONS)
    .replace('{y5}', String(year + 5))
    .replace('{y}', String(year));
}

/** The unit, and up to two of the unions above it (not the Tổng Liên đoàn). */
function relatedUnits(unit: UnitPlan, directory: UnitDirectory, rnd: Random): string[] {
  const uppers = directory.ancestorsOf(unit).filter((a) => a.level !== 'tong-lien-doan');
  return [unit.id, ...uppers.slice(0, rnd.int(0, 2)).map((a) => a.id)];
}

/** The articles about each unit, in order. */
export function articlesByUnit(articles: readonly ArticlePlan[]): Map<string, ArticlePlan[]> {
  const byUnit = new Map<string, ArticlePlan[]>();
  for (const article of articles) {
    const list = byUnit.get(article.unit.id);
    if (list) list.push(article);
    else byUnit.set(article.unit.id, [article]);
  }
  return byUnit;
}
