/**
 * Saved portal pages (NukeViet, Joomla, Liferay, home-made CMSs) → sanitised article blocks.
 * Scripts, styles, event handlers, iframes and forms never reach the output; the article
 * container is chosen by known content classes, else by where the paragraph text is.
 */
import type { Element, Root as HastRoot, RootContent as HastContent, ElementContent, Text as HastText } from 'hast';
import { sanitize, defaultSchema } from 'hast-util-sanitize';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import type { Root as MdastRoot } from 'mdast';
import type { Block } from './blocks.ts';
import { matchChrome, type RemovedBlock } from './chrome.ts';
import { boundHtmlDepth, MAX_HTML_DEPTH } from './html-depth.ts';
import { parseVietnameseDate } from './dates.ts';
import { repairText, squeeze } from './text-repair.ts';
import { type ImageRef, placeholderNode } from './images/refs.ts';
import {
  imageCaptions,
  imageRefOf,
  imagesIn,
  leadImages,
  markImages,
  ogImageOf,
  splitImageMarkers,
} from './images/html-images.ts';

const DROP = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'template',
  'svg',
  'canvas',
  'link',
  'meta',
  'video',
  'audio',
  'map',
]);
const FURNITURE = new Set(['nav', 'footer', 'aside', 'header']);
const CONTENT_HINT =
  /(^|[\s_-])(itemprop-articlebody|article-?body|news-?content|bodytext|body-?text|item-?page|article-?content|journal-content-article|detail-?content|content-?detail|news-?detail|entry-?content|post-?content|noidung|noi-?dung|chitiet|chi-?tiet|the-?article-?body|fulltext|article-?detail)($|[\s_-])/i;
const CAPTION_HINT = /(caption|chu-?thich|image-?desc|img-?desc|photo-?desc|figcaption)/i;
const DATE_HINT = /(date|time|ngay|publish|posted)/i;

/** Text of an element, blocks separated by spaces. */
function toText(node: Element | HastRoot): string {
  let out = '';
  for (const c of node.children) {
    if (c.type === 'text') out += c.value;
    else if (c.type === 'element') {
      if (c.tagName === 'br') out += '\n';
      else if (!['script', 'style', 'noscript', 'template'].includes(c.tagName)) out += ` ${toText(c)} `;
    }
  }
  return out;
}

function classOf(el: Element): string {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  return `${cls} ${String(p.id ?? '')} ${p.itemProp ? `itemprop-${String(p.itemProp)}` : ''}`.toLowerCase();
}

function walk(node: HastRoot | Element, visit: (el: Element, parent: HastRoot | Element) => void) {
  for (const child of [...node.children]) {
    if (child.type === 'element') {
      visit(child, node);
      walk(child, visit);
    }
  }
}

function removeChild(parent: HastRoot | Element, child: Element) {
  const i = (parent.children as HastContent[]).indexOf(child);
  if (i >= 0) (parent.children as HastContent[]).splice(i, 1);
}

function ownParagraphText(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.value.trim().length;
    else if (c.type === 'element' && ['p', 'h2', 'h3', 'ul', 'ol', 'blockquote', 'figure', 'table'].includes(c.tagName))
      n += toText(c).trim().length;
    else if (
      c.type === 'element' &&
      ['div', 'span'].includes(c.tagName) &&
      c.children.every(
        (x) =>
          x.type === 'text' ||
          (x.type === 'element' && ['b', 'strong', 'i', 'em', 'a', 'br', 'span'].includes(x.tagName)),
      )
    )
      n += toText(c).trim().length;
  }
  return n;
}

export interface HtmlResult {
  blocks: Block[];
  removed: RemovedBlock[];
  notes: string[];
  meta: { title?: string; date?: string; url?: string };
}

export function htmlToBlocks(html: string): HtmlResult {
  const removed: RemovedBlock[] = [];
  const notes: string[] = [];
  const bounded = boundHtmlDepth(html);
  if (bounded.dropped) {
    notes.push(
      `HTML lồng nhau quá sâu (hơn ${MAX_HTML_DEPTH} cấp): đã bỏ ${bounded.dropped} thẻ ở sâu hơn, giữ lại chữ bên trong (${bounded.dropped} tags nested deeper than ${MAX_HTML_DEPTH} dropped).`,
    );
  }
  const tree = unified().use(rehypeParse).parse(bounded.html) as HastRoot;
  const ogImage = ogImageOf(tree); // before <meta> goes with the unsafe elements
  const meta: HtmlResult['meta'] = {};

  // Metadata before anything is removed.
  let pageTitle: string | undefined;
  walk(tree, (el) => {
    const p = el.properties ?? {};
    if (el.tagName === 'meta') {
      const key = String(p.property ?? p.name ?? p.itemProp ?? '').toLowerCase();
      const content = typeof p.content === 'string' ? p.content : '';
      if (/article:published_time|datepublished|pubdate|publishdate/.test(key) && content && !meta.date) {
        const d = parseVietnameseDate(content.slice(0, 19).replace('T', ' '));
        if (d) meta.date = /[+-]\d\d:?\d\d$|z$/i.test(content) ? (toVn(content) ?? d.iso) : d.iso;
      }
      if (key === 'og:url' && content) meta.url ??= content;
      if (key === 'og:title' && content) pageTitle ??= content;
    }
    if (el.tagName === 'link' && String(p.rel ?? '').includes('canonical') && typeof p.href === 'string')
      meta.url ??= p.href;
    if (el.tagName === 'title') pageTitle ??= toText(el);
    if (el.tagName === 'time' && typeof p.dateTime === 'string' && !meta.date) {
      const iso = toVn(p.dateTime);
      if (iso) meta.date = iso;
    }
  });

  // Dangerous and interactive elements never reach the output.
  const dropped = new Map<string, number>();
  walk(tree, (el, parent) => {
    if (DROP.has(el.tagName)) {
      removeChild(parent, el);
      dropped.set(el.tagName, (dropped.get(el.tagName) ?? 0) + 1);
    }
  });
  for (const [tag, n] of dropped)
    if (!['meta', 'link'].includes(tag))
      removed.push({
        rule: 'unsafe-html',
        label: 'Phần tử HTML không an toàn hoặc tương tác (script, style, iframe, form…)',
        text: `<${tag}> × ${n}`,
      });

  // The article container.
  let container: Element | null = null;
  let best = 0;
  walk(tree, (el) => {
    const hinted = CONTENT_HINT.test(classOf(el)) || el.tagName === 'article';
    const score = ownParagraphText(el) * (hinted ? 3 : 1);
    if (score > best) {
      best = score;
      container = el;
    }
  });
  const root: Element = container ?? {
    type: 'element',
    tagName: 'div',
    properties: {},
    children: tree.children as ElementContent[],
  };

  // The title: the page's <h1> (inside or outside the container), else <title> without the site name.
  let h1: Element | null = null;
  walk(tree, (el) => {
    if (
      !h1 &&
      (el.tagName === 'h1' || (/^h[23]$/.test(el.tagName) && /title|tieu-?de|itemprop-headline/.test(classOf(el))))
    )
      h1 = el;
  });
  if (h1) meta.title = squeeze(repairText(toText(h1)));
  else if (pageTitle) meta.title = squeeze(repairText(pageTitle.split(/\s[|–—-]\s(?=[^|–—-]*$)/)[0]!));
  if (meta.title === '') delete meta.title;

  // A date printed near the title, outside the container.
  if (!meta.date) {
    walk(tree, (el) => {
      if (meta.date || !DATE_HINT.test(classOf(el))) return;
      const text = toText(el);
      if (text.length > 120) return;
      const d = parseVietnameseDate(text);
      if (d && d.coverage > 0.6 && !/h[oô]m nay|today/i.test(text)) meta.date = d.iso;
    });
  }

  // Inside the container: furniture out, images out (noted), captions marked, text repaired.
  const captions = new Set<Element>();
  walk(root, (el, parent) => {
    const cls = classOf(el);
    if (
      FURNITURE.has(el.tagName) ||
      /(^|[\s_-])(share|social|tags?|breadcrumbs?|related|comments?|rating|print|toolbar|pagination)($|[\s_-])/.test(
        cls,
      )
    ) {
      const text = squeeze(toText(el));
      removeChild(parent, el);
      if (text)
        removed.push({
          rule: 'page-section',
          label: `Khối giao diện <${el.tagName} class="${cls.trim()}">`,
          text: text.slice(0, 300),
        });
      return;
    }
    if (el === h1 || el.tagName === 'h1') {
      removeChild(parent, el);
      return;
    }
    if (el.tagName === 'figcaption' || CAPTION_HINT.test(cls)) captions.add(el);
  });
  // A short centred line right under a picture is its caption, as portals write them.
  for (const caption of imageCaptions(root)) captions.add(caption);
  // Layout tables holding a photo and its caption → the photo, then the caption text.
  walk(root, (el) => {
    if (el.tagName === 'table' && /image|photo|anh|tplcaption|picture/.test(classOf(el))) {
      const images = imagesIn(el);
      const text = squeeze(toText(el));
      const caption: Element = { type: 'element', tagName: 'p', properties: {}, children: [] };
      el.tagName = 'div';
      el.properties = {};
      el.children = [...images, ...(text ? [caption] : [])];
      caption.children = [{ type: 'text', value: text }];
      if (text) captions.add(caption);
    }
  });
  const fixText = (node: Element | HastRoot) => {
    for (const c of node.children) {
      if (c.type === 'text') (c as HastText).value = repairText((c as HastText).value);
      else if (c.type === 'element') fixText(c);
    }
  };
  fixText(root);

  // Turn caption elements into marked paragraphs (a picture inside one stays before it), then sanitise.
  for (const cap of captions) {
    const text = squeeze(toText(cap));
    const images = imagesIn(cap);
    const marked: Element = {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'text', value: `\u0000CAPTION\u0000${text}` }],
    };
    if (images.length) {
      cap.tagName = 'div';
      cap.properties = {};
      cap.children = [...images, ...(text ? [marked] : [])];
    } else Object.assign(cap, marked);
  }
  // Pictures: a lead picture outside the article text and og:image first (hero candidates), then
  // each <img> of the text as a marker the blocks below turn into an image block where it stood.
  const refs: ImageRef[] = [];
  if (ogImage) refs.push({ src: ogImage, alt: '', title: '', caption: '', lead: 'og-image', outside: true });
  for (const el of container ? leadImages(tree, container) : []) {
    const ref = imageRefOf(el);
    if (ref) refs.push({ ...ref, lead: 'class', outside: true });
  }
  const leading = refs.length;
  markImages(root, refs);
  const clean = sanitize(
    { type: 'root', children: [root] },
    { ...defaultSchema, clobberPrefix: '', attributes: { ...defaultSchema.attributes, '*': [] } },
  ) as HastRoot;
  const mdast = unified().use(rehypeRemark).runSync(clean) as MdastRoot;

  // Links whose address the sanitiser dropped (javascript:, data:) become their text.
  const unwrapLinks = (node: { children?: unknown[] }) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children.flatMap((c) => {
      const child = c as { type: string; url?: string; children?: unknown[] };
      unwrapLinks(child);
      return child.type === 'link' && !child.url ? (child.children ?? []) : [child];
    });
  };
  unwrapLinks(mdast as unknown as { children: unknown[] });
  const blocks: Block[] = refs
    .slice(0, leading)
    .map((ref) => ({ kind: 'image', text: '', image: ref, node: placeholderNode(ref) }));
  const flatten = (nodes: MdastRoot['children']) => {
    for (const whole of nodes) {
      // Pictures stand where they stood: the text around a marker is split off it.
      const pieces = splitImageMarkers(whole, refs);
      if (pieces.length !== 1 || pieces[0] !== whole) {
        for (const piece of pieces) {
          if ('src' in piece) blocks.push({ kind: 'image', text: '', image: piece, node: placeholderNode(piece) });
          else flatten([piece]);
        }
        continue;
      }
      const node = whole;
      if (node.type === 'html' || node.type === 'image' || node.type === 'thematicBreak') continue;
      if (node.type === 'blockquote' && node.children.every((c) => c.type === 'paragraph')) {
        blocks.push({ kind: 'node', text: squeeze(mdastToString(node)), node });
        continue;
      }
      const text = squeeze(mdastToString(node));
      if (!text) continue;
      if (text.startsWith('\u0000CAPTION\u0000')) {
        const caption = text.slice('\u0000CAPTION\u0000'.length).trim();
        if (caption) blocks.push({ kind: 'caption', text: caption });
        continue;
      }
      if (node.type === 'paragraph') {
        // One HTML paragraph made of <br>-separated lines: each line is its own block.
        const lines = mdastToString(node).split('\n').map(squeeze).filter(Boolean);
        const hasBreak = node.children.some((c) => c.type === 'break');
        if (hasBreak && lines.length > 1 && node.children.every((c) => c.type === 'text' || c.type === 'break')) {
          for (const line of lines) blocks.push({ kind: 'paragraph', text: line });
          continue;
        }
        if (node.children.every((c) => c.type === 'text')) blocks.push({ kind: 'paragraph', text });
        else blocks.push({ kind: 'paragraph', text, node });
        continue;
      }
      if (node.type === 'heading') {
        blocks.push({ kind: 'heading', text, depth: Math.min(4, Math.max(2, node.depth)) as 2 | 3 | 4 });
        continue;
      }
      if (node.type === 'list') {
        const items = node.children.map((li) => squeeze(mdastToString(li))).filter(Boolean);
        const chromeItems = items.filter((i) => matchChrome(i)).length;
        if (items.length && chromeItems === items.length) {
          for (const i of items) blocks.push({ kind: 'paragraph', text: i });
          continue;
        }
        blocks.push({ kind: 'node', text, node });
        continue;
      }
      blocks.push({ kind: 'node', text, node });
    }
  };
  flatten(mdast.children);
  return { blocks, removed, notes, meta };
}

function toVn(value: string): string | null {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const v = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${v.slice(0, 19)}+07:00`;
}
