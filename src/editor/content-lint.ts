/**
 * Content lint for editors: advice on the Markdown of articles and unit profiles, in Vietnamese,
 * with file and line. Warnings, not errors: the build (src/editor/content-guard.ts) stops only on
 * what would break the site; this points at what makes it worse to read or navigate.
 *
 * - empty links ([](…) or [chữ]()) and images without alt text, or with the importer's marker
 *   for a picture the old page did not describe (src/model/image-alt.ts), in the body or the hero;
 * - heading jumps (## then ####) and "#" headings in the body (the title is the page's only h1);
 * - very long paragraphs (hard to read on a phone);
 * - unit names (name, short name, aliases from content/units) mentioned but never linked to the
 *   unit's page, matched without tone marks ("Cong doan VKSND" finds "Công đoàn VKSND").
 *
 * Markdown is parsed with remark (unified), never rendered: Sätteri renders the site.
 */
import type { Heading, Link, Nodes, Root, Text } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ALT_PLACEHOLDER, isAltPlaceholder } from '#src/model/image-alt.ts';
import { foldVietnamese } from '#src/text/vietnamese.ts';

export type LintRule =
  | 'syntax'
  | 'empty-link'
  | 'image-alt'
  | 'image-alt-placeholder'
  | 'heading-jump'
  | 'long-paragraph'
  | 'unlinked-unit'
  | 'non-nfc';

export interface LintWarning {
  file: string;
  line: number;
  rule: LintRule;
  message: string;
}

export interface UnitName {
  /** The unit's id (file name without extension). */
  id: string;
  /** Every name the unit goes by: name, shortName, aliases. */
  names: string[];
  /** Path of the unit's page: "/don-vi/<id>/". */
  href: string;
}

export interface LintOptions {
  file: string;
  units?: readonly UnitName[];
  /** Paragraphs longer than this many words get a warning. */
  maxParagraphWords?: number;
  /** The unit this file is the profile of (it need not link to itself). */
  selfUnitId?: string;
}

export const MAX_PARAGRAPH_WORDS = 150;

/** Fold one character at a time so that indexes in the folded text match the source. */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldVietnamese(ch).toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const isLetterOrDigit = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode'))
    return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  if (node.type === 'image') return node.alt ?? '';
  return '';
}

function parse(source: string, mdx: boolean): Root {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  return processor.parse(source) as Root;
}

/** Normalise a link target for comparison: no origin, query or fragment, with a trailing slash. */
function pathOf(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  return path.endsWith('/') ? path : `${path}/`;
}

/** Lint one Markdown/MDX source. Pure: the caller reads files and unit names. */
export function lintMarkdown(source: string, options: LintOptions): LintWarning[] {
  const { file, units = [], maxParagraphWords = MAX_PARAGRAPH_WORDS, selfUnitId } = options;
  const warnings: LintWarning[] = [];
  const warn = (line: number | undefined, rule: LintRule, message: string) =>
    warnings.push({ file, line: line ?? 1, rule, message });

  if (source !== source.normalize('NFC')) {
    const line = source.split('\n').findIndex((l) => l !== l.normalize('NFC')) + 1;
    warn(
      line,
      'non-nfc',
      'Chữ tiếng Việt chưa ở dạng dựng sẵn (NFC); chạy "npm run lint:content -- --fix" để sửa tự động.',
    );
  }

  const tree = parse(source, file.endsWith('.mdx'));
  const linkedPaths = new Set<string>();
  const texts: { node: Text; inLink: boolean }[] = [];
  let previousDepth = 1;

  const visit = (node: Nodes, inLink: boolean) => {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'link': {
        const link = node as Link;
        linkedPaths.add(pathOf(link.url));
        if (textOf(link).trim() === '')
          warn(
            line,
            'empty-link',
            `Liên kết tới "${link.url}" không có chữ: người đọc (và trình đọc màn hình) không biết nó dẫn tới đâu. Hãy viết chữ trong ngoặc vuông: [Tên trang](${link.url}).`,
          );
        else if (link.url.trim() === '' || link.url === '#')
          warn(
            line,
            'empty-link',
            `Liên kết "${textOf(link).trim()}" không có địa chỉ. Hãy điền địa chỉ trong ngoặc tròn, ví dụ: [${textOf(link).trim()}](/don-vi/…/), hoặc bỏ ngoặc vuông.`,
          );
        break;
      }
      case 'image':
        if (!node.alt?.trim())
          warn(
            line,
            'image-alt',
            `Ảnh "${node.url}" thiếu lời mô tả (alt). Hãy viết mô tả ngắn trong ngoặc vuông: ![Quang cảnh Hội nghị](${node.url}).`,
          );
        else if (isAltPlaceholder(node.alt))
          warn(
            line,
            'image-alt-placeholder',
            `Ảnh "${node.url}" được nhập từ trang cũ không có mô tả: chữ "${ALT_PLACEHOLDER}" chỉ là dấu nhắc. Hãy thay bằng mô tả nội dung ảnh, ví dụ: ![Quang cảnh Hội nghị](${node.url}).`,
          );
        break;
      case 'yaml': {
        // The hero's alt in the frontmatter (hero: alt: "…"), with the line it is on.
        const at = /^\s*alt:\s*["']?(.*?)["']?\s*$/m;
        const lines = node.value.split('\n');
        const i = lines.findIndex((l) => at.test(l) && isAltPlaceholder(at.exec(l)![1]));
        if (i >= 0)
          warn(
            (line ?? 1) + 1 + i,
            'image-alt-placeholder',
            `Ảnh đại diện (hero.alt) được nhập từ trang cũ không có mô tả: chữ "${ALT_PLACEHOLDER}" chỉ là dấu nhắc. Hãy thay bằng mô tả nội dung ảnh, ví dụ: alt: "Quang cảnh Hội nghị".`,
          );
        break;
      }
      case 'heading': {
        const h = node as Heading;
        if (h.depth === 1)
          warn(
            line,
            'heading-jump',
            'Tiêu đề cấp 1 ("# …") trong nội dung: tiêu đề bài đã là cấp 1. Hãy dùng "## …" cho các mục của bài.',
          );
        else if (h.depth > previousDepth + 1) {
          warn(
            line,
            'heading-jump',
            `Tiêu đề nhảy từ cấp ${previousDepth} xuống cấp ${h.depth} ("${'#'.repeat(h.depth)} ${textOf(h).trim()}"). Hãy dùng "${'#'.repeat(previousDepth + 1)} …" để mục lục và trình đọc màn hình hiểu đúng cấu trúc bài.`,
          );
        }
        previousDepth = h.depth;
        break;
      }
      case 'paragraph': {
        const words = textOf(node).trim().split(/\s+/).filter(Boolean).length;
        if (words > maxParagraphWords)
          warn(
            line,
            'long-paragraph',
            `Đoạn văn dài ${words} chữ (nên dưới ${maxParagraphWords}): trên điện thoại, đoạn dài khó đọc. Hãy tách thành vài đoạn ngắn.`,
          );
        break;
      }
      case 'text':
        texts.push({ node: node as Text, inLink });
        break;
    }
    if ('children' in node)
      for (const child of node.children as Nodes[])
        visit(child, inLink || node.type === 'link' || node.type === 'linkReference');
  };
  visit(tree, false);

  // Unit mentions: longest names first, so "Công đoàn VKSND tỉnh Quảng Ngãi" is not also reported as
  // "VKSND tỉnh Quảng Ngãi". One warning per unit, at its first unlinked mention.
  const candidates = units
    .filter((u) => u.id !== selfUnitId && !linkedPaths.has(pathOf(u.href)))
    .flatMap((u) =>
      u.names
        .filter((n) => n.trim().length >= 4)
        .map((name) => ({ unit: u, name, folded: foldSameLength(name.trim()) })),
    )
    .sort((a, b) => b.folded.length - a.folded.length);
  if (candidates.length) {
    const reported = new Set<string>();
    for (const { node, inLink } of texts) {
      const folded = foldSameLength(node.value);
      const taken: [number, number][] = [];
      for (const c of candidates) {
        for (let at = folded.indexOf(c.folded); at >= 0; at = folded.indexOf(c.folded, at + 1)) {
          const end = at + c.folded.length;
          if (isLetterOrDigit(folded[at - 1]) || isLetterOrDigit(folded[end])) continue;
          if (taken.some(([s, e]) => at < e && end > s)) continue;
          taken.push([at, end]);
          if (inLink || reported.has(c.unit.id)) continue;
          reported.add(c.unit.id);
          const line = (node.position?.start.line ?? 1) + (node.value.slice(0, at).match(/\n/g)?.length ?? 0);
          const mention = node.value.slice(at, end);
          warn(
            line,
            'unlinked-unit',
            `Nhắc đến "${mention}" nhưng không có liên kết nào tới trang đơn vị. Hãy biến lần nhắc đầu tiên thành liên kết: [${mention}](${c.unit.href}).`,
          );
        }
      }
    }
  }
  return warnings.sort((a, b) => a.line - b.line);
}

/** Format a warning as editors read it: "content/news/x.md:12  lời khuyên  [rule]". */
export const formatWarning = (w: LintWarning) => `${w.file}:${w.line}  ${w.message}  [${w.rule}]`;
