/**
 * The text of a planned article: a lead naming the unit and who attended, paragraphs of seed
 * text with now and then a heading, a list or a caption, a closing line on its awards; in some
 * MDX files (only those that need it) an aside and a figure as JSX. Front matter with summary, author, source, tags,
 * category and hero image.
 */
import type { NewsCategory } from '#src/model/vocabulary.ts';
import type { ArticlePlan } from './articles.ts';
import { definedOnly, markdownDocument } from './documents.ts';
import { personName, ROLES } from './people.ts';
import { pad, type Random } from './random.ts';
import { sentenceOf } from './seed-text.ts';
import { seedParagraph, type GeneratorState } from './state.ts';

const HEADINGS = [
  'Kết quả nổi bật',
  'Chăm lo đời sống đoàn viên',
  'Phong trào thi đua',
  'Những tồn tại, hạn chế',
  'Nhiệm vụ trọng tâm thời gian tới',
  'Công tác kiểm tra, giám sát',
];
const TAGS = [
  'thi đua',
  'khen thưởng',
  'đại hội',
  'nữ công',
  'chăm lo đoàn viên',
  'dân chủ cơ sở',
  'an sinh xã hội',
  'Tháng Công nhân',
  'Tết sum vầy',
  'Mái ấm Công đoàn',
  'kiểm tra, giám sát',
  'ngành Kiểm sát',
  'giáo dục',
  'y tế',
];
/** Categories of articles that announce no award (union activity twice as likely). */
const CATEGORIES: readonly NewsCategory[] = [
  'hoat-dong-cong-doan',
  'hoat-dong-cong-doan',
  'tin-tuc',
  'dai-hoi-hoi-nghi',
  'chinh-sach-phap-luat',
  'dien-dan',
];
interface Source {
  name: string;
  url?: string;
}
const SOURCES: readonly Source[] = [
  { name: 'kiemsat.vn', url: 'https://kiemsat.vn/' },
  { name: 'congdoan.vn', url: 'https://congdoan.vn/' },
  { name: 'laodong.vn', url: 'https://laodong.vn/' },
  { name: 'Cổng thông tin Công đoàn Viên chức tỉnh' },
];
/** What a photo shows: captions in the text and hero images. */
const IMAGE_SUBJECTS = [
  'Quang cảnh Hội nghị',
  'Lãnh đạo Công đoàn trao Bằng khen cho các tập thể',
  'Các đại biểu chụp ảnh lưu niệm',
  'Đoàn viên tham gia hiến máu tình nguyện',
  'Trao quà cho đoàn viên có hoàn cảnh khó khăn',
  'Đại hội biểu quyết thông qua Nghị quyết',
  'Vận động viên thi đấu tại giải thể thao',
  'Bàn giao “Mái ấm Công đoàn”',
];
const LIST_ITEMS = ['Một là', 'Hai là', 'Ba là'];

interface ArticleFrontMatter {
  title: string;
  summary: string;
  publishedAt?: string;
  updatedAt?: string;
  author?: string;
  source?: Source;
  units: string[];
  awards?: string[];
  tags: string[];
  category: NewsCategory;
  hero?: { image: string; alt: string; caption: string };
  draft?: true;
}

/** The article's file (Markdown or MDX) with its front matter. `images`: file names in news/images/. */
export function articleMarkdown(article: ArticlePlan, state: GeneratorState, images: readonly string[]): string {
  const { blocks, leader } = articleBlocks(article, state);
  let text = blocks.join('\n\n');
  // Every .mdx file uses MDX (an aside and a figure written as JSX): plain Markdown is saved as .md,
  // which the content layer renders once and caches, where each .mdx is a module bundled every build.
  if (article.mdx) text += jsxAside(article, leader);
  return markdownDocument(articleFrontMatter(article, blocks[0]!, state.rnd, images), text);
}

/** The name the text uses for the article's unit (its short name when it has one). */
const unitNameOf = (article: ArticlePlan) => article.unit.shortName ?? article.unit.name;

/** Paragraphs, headings and lists of the body, and the person the lead names. */
function articleBlocks(article: ArticlePlan, state: GeneratorState): { blocks: string[]; leader: string } {
  const { rnd, paragraphs } = state;
  const start = rnd.int(0, paragraphs.length - 1);
  const count = rnd.int(4, 10);
  const leader = personName(rnd);
  const blocks = [leadParagraph(article, leader, rnd)];
  const used = new Set<number>();
  for (let k = 0; k < count; k++) {
    if (k === 2 && rnd.chance(0.4)) blocks.push(`## ${rnd.pick(HEADINGS)}`);
    if (k === 3 && rnd.chance(0.2)) blocks.push(enumeration(state));
    let index = (start + k * rnd.int(1, 3)) % paragraphs.length;
    while (used.has(index)) index = (index + 1) % paragraphs.length;
    used.add(index);
    blocks.push(paragraphs[index]!);
    if (k === 1 && rnd.chance(0.3)) blocks.push(`*${rnd.pick(IMAGE_SUBJECTS)} của ${unitNameOf(article)}.*`);
  }
  if (article.awards.length) blocks.push(awardsParagraph(article, rnd));
  return { blocks, leader };
}

/** When and where, who attended, how many delegates. */
function leadParagraph(article: ArticlePlan, leader: string, rnd: Random): string {
  const action = article.title.slice(unitNameOf(article).length + 1);
  return `Ngày ${rnd.int(1, 28)}/${rnd.int(1, 12)}/${article.year}, ${article.unit.name} ${action}. Tham dự có đồng chí ${leader}, ${rnd.pick(ROLES)}, cùng ${rnd.int(30, 400)} đại biểu là cán bộ, đoàn viên công đoàn.`;
}

/** "- Một là, …" to "- Ba là, …": first sentences of seed paragraphs. */
function enumeration(state: GeneratorState): string {
  const item = (n: string) => `- ${n}, ${sentenceOf(seedParagraph(state), 160).replace(/^./, (c) => c.toLowerCase())}`;
  return LIST_ITEMS.map(item).join('\n');
}

function awardsParagraph(article: ArticlePlan, rnd: Random): string {
  const amount = `${rnd.int(10, 900)}.${pad(rnd.int(0, 999), 3)}.000 đồng`;
  return `Dịp này, ${article.unit.name} vinh dự được khen thưởng vì những thành tích đã đạt được trong năm ${article.year}; tổng kinh phí chăm lo cho đoàn viên là ${amount}.`;
}

function jsxAside(article: ArticlePlan, leader: string): string {
  return `\n\n<aside class="ghi-chu">\n\n**Ghi chú:** Bài viết có sử dụng thông tin từ báo cáo của ${article.unit.name} năm ${article.year}.\n\n</aside>\n\n<figure class="trich-dan">\n  <blockquote>Công đoàn là chỗ dựa tin cậy của đoàn viên và người lao động.</blockquote>\n  <figcaption>${leader}</figcaption>\n</figure>`;
}

function articleFrontMatter(
  article: ArticlePlan,
  lead: string,
  rnd: Random,
  images: readonly string[],
): ArticleFrontMatter {
  const { publishedAt } = article;
  const updatedAt = publishedAt && rnd.chance(0.05) ? nextDay(publishedAt) : undefined;
  const author = rnd.chance(0.4) ? `${personName(rnd)}, ${unitNameOf(article)}` : undefined;
  const source = rnd.chance(0.3) ? rnd.pick(SOURCES) : undefined;
  const tags = [...new Set([rnd.pick(TAGS), rnd.pick(TAGS)])];
  const announces = article.awards.length > 0;
  const category = announces ? 'thi-dua-khen-thuong' : rnd.pick(CATEGORIES);
  return definedOnly<ArticleFrontMatter>({
    title: article.title,
    summary: sentenceOf(lead, 300),
    publishedAt,
    updatedAt,
    author,
    source,
    units: article.units,
    awards: announces ? article.awards : undefined,
    tags,
    category,
    hero: article.hero ? heroImage(article, rnd, images) : undefined,
    draft: article.draft ? true : undefined,
  });
}

/** The same time a day later (at most the 28th, so the date exists in every month). */
function nextDay(dateTime: string): string {
  return dateTime.replace(
    /^(\d{4}-\d{2})-(\d{2})/,
    (_, ym: string, d: string) => `${ym}-${pad(Math.min(28, Number(d) + 1))}`,
  );
}

function heroImage(article: ArticlePlan, rnd: Random, images: readonly string[]): ArticleFrontMatter['hero'] {
  const subject = rnd.pick(IMAGE_SUBJECTS);
  return {
    image: `./images/${rnd.pick(images)}`,
    alt: `${subject} của ${unitNameOf(article)}`,
    caption: `${subject}.`,
  };
}
