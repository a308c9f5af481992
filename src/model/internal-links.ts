/**
 * Links of a body to pages of the site ("/tin-tuc/<id>/"): which ones lead nowhere for a reader.
 * One rule for the content guard, which fails the build on them (src/editor/content-guard.ts),
 * and for the preview (`npm run dev`), which marks them on the article's page instead
 * (src/components/article/PreviewLinkWarnings.astro): drafts and scheduled articles are shown
 * there, so the link works in preview and would break once published.
 */
import { publicationState } from './content-model.ts';

/** What a link can point to: every entry, with what decides whether it is published. */
export interface LinkTargets {
  news: ReadonlyMap<string, { data: { draft: boolean; publishedAt?: Date | undefined } }>;
  units: { has(id: string): boolean };
  awards: ReadonlyMap<string, { data: { draft: boolean } }>;
}

/** Top-level paths of the site besides the entries' own pages (src/site/routes.ts, public/). */
const SITE_SECTIONS = new Set([
  'tin-tuc',
  'don-vi',
  'khen-thuong',
  'tim-kiem',
  'chu-de',
  'chuyen-muc',
  'tac-gia',
  'luu-tru',
  'rss.xml',
  'anh-chia-se',
  'anh-chia-se.png',
  'sitemap-index.xml',
  'robots.txt',
  'favicon.svg',
]);

/**
 * Why a site-relative link ("/tin-tuc/bai/#muc") leads a reader nowhere, in Vietnamese with the
 * fix, or undefined when it is fine: an article that does not exist, is a draft or is scheduled
 * at `now`; a unit or award that does not exist (or a draft award); a section the site lacks.
 */
export function internalLinkProblem(url: string, targets: LinkTargets, now: Date): string | undefined {
  const path = url.replace(/[?#].*$/, '');
  let segments: string[];
  try {
    segments = decodeURIComponent(path).split('/').filter(Boolean);
  } catch {
    segments = path.split('/').filter(Boolean);
  }
  const [section, id, ...rest] = segments;
  const says = (why: string) => `liên kết "${url}" ${why} (broken internal link)`;
  if (section === undefined) return undefined;
  if (!SITE_SECTIONS.has(section))
    return says(
      'trỏ tới một trang không có trên trang web. Hãy sửa đường dẫn (ví dụ /tin-tuc/ma-bai-viet/, /don-vi/ma-don-vi/) hoặc bỏ liên kết.',
    );
  if (id === undefined || rest.length > 0) return undefined;
  if (section === 'tin-tuc' && id !== 'trang') {
    const target = targets.news.get(id);
    if (!target)
      return says(
        `trỏ tới bài "${id}" không có trong content/news/. Hãy sửa thành mã (tên tệp không có đuôi) của một bài có sẵn.`,
      );
    const state = publicationState(target.data, now);
    if (state === 'draft')
      return says(
        `trỏ tới bài "${id}" còn là bản nháp: bạn đọc sẽ gặp trang không tồn tại. Hãy xuất bản bài đó trước hoặc bỏ liên kết.`,
      );
    if (state === 'scheduled')
      return says(
        `trỏ tới bài "${id}" được hẹn giờ, chưa đến giờ đăng: bạn đọc sẽ gặp trang không tồn tại. Hãy thêm liên kết sau khi bài đã đăng, hoặc bỏ liên kết.`,
      );
  } else if (section === 'don-vi' && id !== 'rss.xml' && !targets.units.has(id)) {
    return says(`trỏ tới đơn vị "${id}" không có trong content/units/. Hãy sửa thành mã của một đơn vị có sẵn.`);
  } else if (section === 'khen-thuong' && id !== 'nam' && id !== 'hinh-thuc') {
    const target = targets.awards.get(id);
    if (!target)
      return says(
        `trỏ tới quyết định khen thưởng "${id}" không có trong content/awards/. Hãy sửa thành mã của một mục có sẵn.`,
      );
    if (target.data.draft)
      return says(
        `trỏ tới quyết định khen thưởng "${id}" còn là bản nháp. Hãy xác nhận mục đó trước (draft: false) hoặc bỏ liên kết.`,
      );
  }
  return undefined;
}

/**
 * The site-relative targets of a Markdown body's inline links ("[chữ](/tin-tuc/bai/)"), with
 * their line: a quick reading for the preview; the guard reads links from the syntax tree.
 */
export function siteLinksOf(markdown: string): { url: string; line: number }[] {
  const links: { url: string; line: number }[] = [];
  markdown.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/\]\(\s*<?(\/(?!\/)[^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ url: m[1]!, line: i + 1 });
  });
  return links;
}
