/**
 * Pictures in a saved page's HTML: which <img> is the article's, which line is its caption, and
 * the markers that carry each picture through sanitising to the place in the body where it stood.
 * Pure (works on the hast and mdast trees the page reader builds).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { PhrasingContent, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { ImageRef } from './refs.ts';

const MARKER = /\u0000IMG(\d+)\u0000/g;
const CAPTION_CLASS = /(caption|chu-?thich|image-?desc|img-?desc|photo-?desc|figcaption)/i;
const LEAD_CLASS =
  /(^|[\s_-])(lead-?image|hero|featured|feature-?image|main-?image|post-?thumbnail|wp-post-image|anh-?dai-?dien|anh-?chinh|detail-?image|news-?image|article-?image|image-?lead)($|[\s_-])/i;
const MAX_CAPTION = 250;

function classOf(el: Element): string {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  return `${cls} ${String(p.id ?? '')}`.toLowerCase();
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

function hasImage(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'img' || node.children.some(hasImage));
}

const blank = (node: ElementContent) =>
  (node.type === 'text' && node.value.trim() === '') ||
  node.type === 'comment' ||
  (node.type === 'element' && node.tagName === 'br');

function centred(el: Element): boolean {
  const p = el.properties ?? {};
  return (
    el.tagName === 'center' ||
    String(p.align ?? '').toLowerCase() === 'center' ||
    /text-align\s*:\s*center/i.test(String(p.style ?? '')) ||
    /(^|\s)(text-?center|aligncenter|center)(\s|$)/.test(classOf(el))
  );
}

/** All its text is in italics (<em>, <i>, font-style: italic). */
function italic(node: ElementContent, inItalic = false): boolean {
  if (node.type === 'text') return node.value.trim() === '' || inItalic;
  if (node.type !== 'element') return true;
  const here =
    inItalic ||
    ['em', 'i', 'cite'].includes(node.tagName) ||
    /font-style\s*:\s*italic/i.test(String(node.properties?.style ?? ''));
  return node.children.every((c) => italic(c, here));
}

/** Parent of every element below `root`. */
function parents(root: Element | HastRoot): Map<Element, Element | HastRoot> {
  const map = new Map<Element, Element | HastRoot>();
  const visit = (node: Element | HastRoot) => {
    for (const c of node.children) {
      if (c.type === 'element') {
        map.set(c, node);
        visit(c);
      }
    }
  };
  visit(root);
  return map;
}

/**
 * Captions written as a short line right under a picture: italic, centred, <center> or a
 * caption class, up to 250 characters and holding no picture itself. The picture may be wrapped
 * (a link, a centred paragraph holding nothing else).
 */
export function imageCaptions(root: Element): Element[] {
  const up = parents(root);
  const found: Element[] = [];
  const visit = (node: Element) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'img') {
        let holder: Element = c;
        for (;;) {
          const parent = up.get(holder);
          if (!parent || parent === root || parent.type !== 'element') break;
          if (!parent.children.every((x) => x === holder || blank(x))) break;
          holder = parent;
        }
        const parent = up.get(holder);
        if (!parent) continue;
        const siblings = parent.children as ElementContent[];
        let next: ElementContent | undefined;
        for (let i = siblings.indexOf(holder) + 1; i < siblings.length; i++) {
          if (!blank(siblings[i]!)) {
            next = siblings[i];
            break;
          }
        }
        if (next?.type !== 'element' || hasImage(next)) continue;
        const text = textOf(next).replace(/\s+/g, ' ').trim();
        if (text.length < 3 || text.length > MAX_CAPTION) continue;
        if (
          ['em', 'i', 'center', 'figcaption', 'small'].includes(next.tagName) ||
          italic(next) ||
          centred(next) ||
          CAPTION_CLASS.test(classOf(next))
        )
          found.push(next);
      } else visit(c);
    }
  };
  visit(root);
  return found;
}

/** The image of an <img> tag: lazy-loading sources before a placeholder src; null without any. */
export function imageRefOf(img: Element): ImageRef | null {
  const p = img.properties ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.join(' ').trim() : '');
  // srcset's first address ("a.jpg 480w, b.jpg 800w" → "a.jpg") when nothing else names the file.
  const firstOfSet = (v: unknown) => str(v).split(',')[0]?.trim().split(/\s+/)[0] ?? '';
  const lazy = [p.dataSrc, p.dataOriginal, p.dataLazySrc, p.dataUrl]
    .map(str)
    .concat([firstOfSet(p.dataSrcset), firstOfSet(p.srcSet)])
    .find((v) => v !== '');
  const plain = str(p.src);
  const src =
    lazy && (plain === '' || plain.startsWith('data:') || /blank|spacer|placeholder|loading/i.test(plain))
      ? lazy
      : plain || lazy || '';
  if (!src) return null;
  const num = (v: unknown) => {
    const n = Number.parseInt(String(v ?? ''), 10);
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const ref: ImageRef = { src, alt: str(p.alt), title: str(p.title), caption: '' };
  const width = num(p.width);
  const height = num(p.height);
  if (width) ref.width = width;
  if (height) ref.height = height;
  return ref;
}

/** <img> elements outside the article text that a lead-picture class marks (self or 3 ancestors). */
export function leadImages(tree: HastRoot, container: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | HastRoot, ancestors: Element[]) => {
    for (const c of node.children) {
      if (c.type !== 'element' || c === container) continue;
      if (c.tagName === 'img') {
        if ([c, ...ancestors.slice(-3)].some((a) => LEAD_CLASS.test(classOf(a)))) out.push(c);
      } else visit(c, [...ancestors, c]);
    }
  };
  visit(tree, []);
  return out;
}

/** Each <img> below `root` → a text marker; its image is appended to `refs` (an <img> without any source goes). */
export function markImages(root: Element, refs: ImageRef[]): void {
  const visit = (node: Element) => {
    node.children = node.children.flatMap((c): ElementContent[] => {
      if (c.type !== 'element') return [c];
      if (c.tagName !== 'img') {
        visit(c);
        return [c];
      }
      const ref = imageRefOf(c);
      if (!ref) return [];
      refs.push(ref);
      return [{ type: 'text', value: `\u0000IMG${refs.length - 1}\u0000` }];
    });
  };
  visit(root);
}

type Piece = RootContent | ImageRef;

/** Markers out of a node (deep), their images returned in order; empty links and emphasis go. */
function stripMarkers(node: { children?: unknown[] }, refs: ImageRef[], found: ImageRef[]): void {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.flatMap((c) => {
    const child = c as { type: string; value?: string; children?: unknown[] };
    if (child.type === 'text' && typeof child.value === 'string') {
      const value = child.value.replace(MARKER, (_m, n: string) => {
        found.push(refs[Number(n)]!);
        return '';
      });
      return value === '' ? [] : [{ ...child, value }];
    }
    stripMarkers(child, refs, found);
    if (Array.isArray(child.children) && child.children.length === 0 && child.type !== 'tableCell') return [];
    return [child];
  });
}

/**
 * A body node holding markers → the pieces it becomes: for a paragraph, its text before, the
 * image, its text after (each part a paragraph); for any other node (a list, a table), the node
 * without markers followed by its images. A node without markers comes back as it is.
 */
export function splitImageMarkers(node: RootContent, refs: ImageRef[]): Piece[] {
  if (!/\u0000IMG\d+\u0000/.test(mdastToString(node))) return [node];
  if (node.type !== 'paragraph') {
    const found: ImageRef[] = [];
    stripMarkers(node as { children?: unknown[] }, refs, found);
    const text = mdastToString(node).trim();
    return [...(text ? [node] : []), ...found];
  }
  const pieces: Piece[] = [];
  let current: PhrasingContent[] = [];
  const flush = () => {
    while (current[0] && (current[0].type === 'break' || (current[0].type === 'text' && !current[0].value.trim())))
      current.shift();
    while (current.length && ['break'].includes(current[current.length - 1]!.type)) current.pop();
    if (current.length && mdastToString({ type: 'paragraph', children: current }).trim())
      pieces.push({ type: 'paragraph', children: current });
    current = [];
  };
  for (const child of node.children) {
    if (child.type === 'text') {
      const parts = child.value.split(/\u0000IMG(\d+)\u0000/);
      parts.forEach((part, i) => {
        if (i % 2 === 1) {
          flush();
          pieces.push(refs[Number(part)]!);
        } else if (part) current.push({ type: 'text', value: part });
      });
      continue;
    }
    const found: ImageRef[] = [];
    stripMarkers(child as { children?: unknown[] }, refs, found);
    if (!('children' in child) || child.children.length > 0) current.push(child);
    if (found.length) {
      flush();
      pieces.push(...found);
    }
  }
  flush();
  return pieces;
}

/** The <img> elements below an element, in order. */
export function imagesIn(el: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element) => {
    for (const c of node.children)
      if (c.type === 'element') {
        if (c.tagName === 'img') out.push(c);
        visit(c);
      }
  };
  visit(el);
  return out;
}

/** The page's og:image (the picture it gives for sharing), if any. */
export function ogImageOf(tree: HastRoot): string | undefined {
  let found: string | undefined;
  const visit = (node: Element | HastRoot) => {
    for (const c of node.children) {
      if (found || c.type !== 'element') continue;
      const p = c.properties ?? {};
      const key = String(p.property ?? p.name ?? '').toLowerCase();
      if (
        c.tagName === 'meta' &&
        /^og:image(:url|:secure_url)?$/.test(key) &&
        typeof p.content === 'string' &&
        p.content.trim()
      )
        found = p.content.trim();
      else visit(c);
    }
  };
  visit(tree);
  return found;
}
