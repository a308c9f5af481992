/**
 * The content policy: which raw HTML an editor may write in Markdown, and which URLs content
 * may hold. One rule, applied twice: the content guard (src/editor/content-guard.ts) fails the
 * build on anything outside it, naming the file, line and fix; and the Markdown pipeline
 * (src/publishing/content-policy-plugin.ts) renders anything outside it as plain text, so that
 * nothing executable reaches a page or a feed even if the guard were skipped (`astro dev`).
 *
 * The allowlist is the harmless structure Markdown lacks (details/summary, figure/figcaption,
 * sup/sub, tables, abbr, line breaks, emphasis), with only the attributes those need. Scripts,
 * frames, forms, <base>, <meta>, <style>, event handlers (on*=), style and class are refused:
 * they run code, navigate the page away or dress content up as the site's own interface.
 * URLs: http:, https:, mailto:, tel: and site-relative paths only.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Global attributes (hast property names) every allowed element may carry. */
const GLOBAL_ATTRIBUTES = ['title', 'lang'];

/** Allowed elements and their own attributes (hast property names). */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  details: ['open'],
  summary: [],
  figure: [],
  figcaption: [],
  sup: [],
  sub: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colSpan', 'rowSpan', 'scope'],
  td: ['colSpan', 'rowSpan'],
  colgroup: ['span'],
  col: ['span'],
  abbr: [],
  br: [],
  wbr: [],
  hr: [],
  p: [],
  div: [],
  span: [],
  b: [],
  i: [],
  em: [],
  strong: [],
  u: [],
  s: [],
  small: [],
  mark: [],
  q: ['cite'],
  cite: [],
  blockquote: ['cite'],
  kbd: [],
  code: [],
  pre: [],
  del: ['cite', 'dateTime'],
  ins: ['cite', 'dateTime'],
  time: ['dateTime'],
  ul: [],
  ol: ['start', 'reversed'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
};

/** Attributes holding a URL: their value must pass isSafeUrl. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/** The URL schemes content may use; anything else (javascript:, data:, vbscript:, file:…) is refused. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

/**
 * Whether a URL of content is allowed: http(s), mailto, tel, or a path of this site ("/…",
 * "./…", "../…", "#…", "anh.jpg"). Browsers drop ASCII whitespace and control characters
 * inside a scheme ("java\tscript:"), so they are dropped before looking at it. A
 * protocol-relative "//host" is another site without a stated scheme: refused.
 */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (compact.startsWith('//') || compact.startsWith('\\\\') || compact.startsWith('/\\')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme === undefined) return true;
  return (ALLOWED_SCHEMES as readonly string[]).includes(scheme.toLowerCase());
}

/** One thing of raw HTML outside the policy. */
export type PolicyViolation =
  | { kind: 'element'; tag: string }
  | { kind: 'attribute'; tag: string; attribute: string }
  | { kind: 'url'; tag: string; attribute: string; url: string };

interface HastLike {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
  content?: HastLike;
}

const fragmentParser = unified().use(rehypeParse, { fragment: true });

/** The attribute as written in HTML, from its hast property name (onClick → onclick). */
const attributeName = (property: string) =>
  ({ className: 'class', httpEquiv: 'http-equiv', acceptCharset: 'accept-charset', htmlFor: 'for' })[property] ??
  (property.startsWith('data') && property.length > 4
    ? `data-${property
        .slice(4)
        .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
        .replace(/^-/, '')}`
    : property.toLowerCase());

/**
 * Everything in a piece of raw HTML (an HTML block or inline tag of a Markdown body) that the
 * policy refuses. A closing tag alone ("</details>") holds nothing and passes.
 */
export function htmlViolations(html: string): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const walk = (node: HastLike) => {
    if (node.type === 'element' && node.tagName) {
      const tag = node.tagName;
      const own = ALLOWED_HTML[tag];
      if (!own) violations.push({ kind: 'element', tag });
      for (const [property, value] of Object.entries(node.properties ?? {})) {
        if (value === undefined || value === null || value === false) continue;
        if (own && !own.includes(property) && !GLOBAL_ATTRIBUTES.includes(property)) {
          violations.push({ kind: 'attribute', tag, attribute: attributeName(property) });
        } else if (URL_ATTRIBUTES.has(property) && !isSafeUrl(String(value))) {
          violations.push({ kind: 'url', tag, attribute: property, url: String(value) });
        }
      }
    }
    node.children?.forEach(walk);
    if (node.content) walk(node.content); // <template>
  };
  walk(fragmentParser.parse(html) as HastLike);
  return violations;
}

const allowedList = () => Object.keys(ALLOWED_HTML).join(', ');

/** What an editor reads for a violation: what is refused, why, and the fix (Vietnamese). */
export function describeViolation(v: PolicyViolation): string {
  switch (v.kind) {
    case 'element':
      return `thẻ HTML <${v.tag}> không được dùng trong bài (thẻ chạy mã, nhúng trang khác, gửi biểu mẫu hay đổi địa chỉ trang đều bị cấm). Hãy xóa thẻ này; chỉ dùng được: ${allowedList()}. (raw HTML <${v.tag}> not allowed)`;
    case 'attribute':
      return `thuộc tính ${v.attribute}= của thẻ <${v.tag}> không được dùng (thuộc tính on…= chạy mã, style/class đổi giao diện của trang). Hãy xóa thuộc tính này. (attribute ${v.attribute} not allowed)`;
    case 'url':
      return `địa chỉ "${v.url}" (${v.attribute}= của <${v.tag}>) không được dùng. ${URL_FIX} (URL scheme not allowed)`;
  }
}

/** The fix for a refused URL, shared by Markdown links, images and frontmatter. */
export const URL_FIX =
  'Chỉ dùng địa chỉ bắt đầu bằng https://, http://, mailto:, tel: hoặc đường dẫn trong trang (ví dụ /tin-tuc/ten-bai/).';
