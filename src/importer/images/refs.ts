/**
 * An image as the old page wrote it (before anything is fetched), and the choice of its alt
 * text: the source's alt, else its title, else its caption, else the marker for the editor.
 * Alt texts that only repeat a file name or say "ảnh" are no description and are skipped. Pure.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { ALT_PLACEHOLDER } from '#src/model/image-alt.ts';
import { foldForMatch } from '#src/text/vietnamese.ts';

export interface ImageRef {
  /** `src` as the page wrote it (lazy-loading attributes preferred over a placeholder src). */
  src: string;
  alt: string;
  title: string;
  /** Caption found beside it in the page (figcaption, caption class, image table, italic line). */
  caption: string;
  /** Width and height attributes of the tag, when given (the file decides). */
  width?: number;
  height?: number;
  /** The page marks it as the article's lead picture (a lead/featured class, og:image). */
  lead?: 'class' | 'og-image';
  /** Outside the article text (a lead picture above it, or og:image): a hero candidate only. */
  outside?: boolean;
}

const IMAGE_DATA = 'importImage';

/** The body node that stands for an image until it is fetched: a paragraph holding one image. */
export function placeholderNode(ref: ImageRef): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'image', url: ref.src, alt: ref.alt, title: null, data: { [IMAGE_DATA]: ref } as never }],
  };
}

/** The image a placeholder stands for, or null for any other node. */
export function placeholderRef(node: RootContent): ImageRef | null {
  if (node.type !== 'paragraph' || node.children.length !== 1) return null;
  const child = node.children[0]!;
  if (child.type !== 'image') return null;
  const ref = (child.data as Record<string, unknown> | undefined)?.[IMAGE_DATA];
  return ref ? (ref as ImageRef) : null;
}

/** Placeholders left in a body. */
export const placeholders = (body: Root): ImageRef[] =>
  body.children.map(placeholderRef).filter((r): r is ImageRef => r !== null);

const GENERIC = new Set([
  'anh',
  'hinh',
  'hinh anh',
  'anh minh hoa',
  'minh hoa',
  'image',
  'img',
  'photo',
  'picture',
  'pic',
  'untitled',
  'no title',
  'null',
  'undefined',
]);

/** The file name of a src without folders, extension or query, as words: "hoi-nghi_2022.jpg" → "hoi nghi 2022". */
export function fileStem(src: string): string {
  let name =
    src
      .replace(/[?#].*$/, '')
      .split(/[/\\]/)
      .pop() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as written
  }
  return foldForMatch(name.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_.+]+/g, ' ')).trim();
}

/** Whether a text says nothing about the picture: empty, generic, a file or camera name. */
export function isJunkAlt(text: string, src: string): boolean {
  const t = text.normalize('NFC').trim();
  if (t.length < 3) return true;
  const folded = foldForMatch(t.replace(/[-_.+]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  if (GENERIC.has(folded)) return true;
  if (/\.(jpe?g|png|gif|webp|avif|bmp|svg|tiff?)$/i.test(t)) return true;
  if (/^(img|dsc|dscn|dscf|image|photo|pic|p|anh|hinh|screenshot|capture|untitled)[\s_-]*\d+/i.test(folded))
    return true;
  if (/^[\d\s\p{P}]+$/u.test(t)) return true;
  const stem = fileStem(src);
  return stem !== '' && folded === stem;
}

/** A caption shortened to a sentence or two for an alt text. */
function altFromCaption(caption: string): string {
  const text = caption
    .replace(/\s*\((ảnh|ảnh:|nguồn)[^)]*\)\s*$/iu, '')
    .replace(/\s*(ảnh|nguồn):\s*[^.]*$/iu, '')
    .trim();
  if (text.length <= 200) return text.replace(/[.]+$/, '');
  return `${text.slice(0, 190).replace(/\s+\S*$/, '')}…`;
}

export type AltOrigin = 'alt' | 'title' | 'caption' | 'placeholder';

/** The alt text of an imported image and where it came from. */
export function chooseAlt(ref: Pick<ImageRef, 'src' | 'alt' | 'title' | 'caption'>): { alt: string; from: AltOrigin } {
  const clean = (s: string) => s.replace(/\s+/g, ' ').normalize('NFC').trim();
  if (!isJunkAlt(ref.alt, ref.src)) return { alt: clean(ref.alt), from: 'alt' };
  if (!isJunkAlt(ref.title, ref.src)) return { alt: clean(ref.title), from: 'title' };
  const fromCaption = altFromCaption(clean(ref.caption));
  if (fromCaption.length >= 3) return { alt: fromCaption, from: 'caption' };
  return { alt: ALT_PLACEHOLDER, from: 'placeholder' };
}
