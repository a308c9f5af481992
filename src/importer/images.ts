/**
 * An imported article's pictures: each placeholder the page reader left in the body is fetched
 * from the page's image source, checked by content (images/check.ts), stored once by its hash
 * (images/store.ts) and written back as a Markdown image with its alt text, inside
 * <figure>…<figcaption> when it has a caption. The first large picture becomes the hero, unless
 * the page names its own (og:image, a lead-picture class). Every picture gets a line in the
 * report: brought, reused, refused (why) or not brought (why); a caption of a picture not
 * brought stays in the text as the italic line it was.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { ImageSource } from './image-source.ts';
import { type CheckedImage, checkImage, IMAGE_LIMITS, type ImageLimits } from './images/check.ts';
import { type AltOrigin, chooseAlt, fileStem, type ImageRef, placeholderRef } from './images/refs.ts';
import type { ImageStore, Placement } from './images/store.ts';

/** A picture at least this wide can be an article's hero (shown at up to 1,200 px). */
export const HERO_MIN_WIDTH = 600;
/** Wider than this many times its height it is a banner, not a photo. */
const HERO_MAX_RATIO = 3;
const MAX_CAPTION = 250;

export type ImageOutcome = 'created' | 'reused' | 'unchanged' | 'kept-edited' | 'refused' | 'not-brought';

export interface ImageReport {
  /** `src` as the page wrote it. */
  src: string;
  outcome: ImageOutcome;
  /** Where it is stored, relative to the articles folder ("./images/2022/….jpg"). */
  path?: string;
  /** Why it was refused or not brought (Vietnamese). */
  reason?: string;
  alt?: string;
  altFrom?: AltOrigin;
  caption?: string;
  /** It became the article's hero. */
  hero?: boolean;
  width?: number;
  height?: number;
}

export interface Hero {
  image: string;
  alt: string;
  caption?: string;
}

export interface ResolvedImages {
  body: Root;
  hero?: Hero;
  images: ImageReport[];
  /** Pictures to write with the article (not on disk yet). */
  placements: Placement[];
}

export interface ResolveOptions {
  /** Where pictures come from; none: every picture is reported as not brought. */
  source?: ImageSource | undefined;
  store: ImageStore;
  /** The folder of the article's year ("2022"). */
  year: string;
  /** The input the article comes from (manifest source). */
  sourceName: string;
  limits?: ImageLimits;
  /** Why there is no source, for the report. */
  noSourceReason?: string;
}

/** A paragraph that is only italics, short: a caption written under a picture. */
function captionParagraph(node: RootContent | undefined): string | null {
  if (node?.type !== 'paragraph') return null;
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (parts.length !== 1 || parts[0]!.type !== 'emphasis') return null;
  const text = mdastToString(node).replace(/\s+/g, ' ').trim();
  return text.length >= 3 && text.length <= MAX_CAPTION ? text : null;
}

const escapeHtml = (text: string) => text.replace(/[&<>{}"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body nodes of a stored picture: the image, in a figure with its caption when it has one. */
export function figureNodes(path: string, alt: string, caption: string): RootContent[] {
  const image: Paragraph = { type: 'paragraph', children: [{ type: 'image', url: path, alt, title: null }] };
  if (!caption) return [image];
  return [
    { type: 'html', value: '<figure>' },
    image,
    { type: 'html', value: `<figcaption>${escapeHtml(caption)}</figcaption>` },
    { type: 'html', value: '</figure>' },
  ];
}

const sameName = (a: string, b: string) => {
  const stem = (s: string) => fileStem(s).replace(/\s+/g, ' ');
  return stem(a) !== '' && stem(a) === stem(b);
};

interface Entry {
  ref: ImageRef;
  /** Index of its placeholder in the body. */
  at: number;
  checked?: CheckedImage;
  placement?: Placement;
  report: ImageReport;
}

const large = (c: CheckedImage | undefined) => !!c && c.width >= HERO_MIN_WIDTH && c.width <= c.height * HERO_MAX_RATIO;

export async function resolveImages(body: Root, options: ResolveOptions): Promise<ResolvedImages> {
  const limits = options.limits ?? IMAGE_LIMITS;
  const entries: Entry[] = [];
  const captionTaken = new Set<number>();
  body.children.forEach((node, at) => {
    const ref = placeholderRef(node);
    if (!ref) return;
    let caption = ref.caption;
    if (!caption && !ref.outside) {
      const next = captionParagraph(body.children[at + 1]);
      if (next && !placeholderRef(body.children[at + 1]!)) {
        caption = next;
        captionTaken.add(at + 1);
      }
    }
    entries.push({ ref: { ...ref, caption }, at, report: { src: ref.src, outcome: 'not-brought' } });
  });

  // Fetch and check each picture once (the same src twice in a page is one fetch).
  const fetched = new Map<string, Promise<{ checked?: CheckedImage; outcome?: ImageOutcome; reason?: string }>>();
  const fetchOne = (src: string) => {
    let p = fetched.get(src);
    if (!p) {
      p = (async () => {
        if (!options.source)
          return { outcome: 'not-brought' as const, reason: options.noSourceReason ?? 'không có nguồn ảnh' };
        try {
          const got = await options.source.fetch(src);
          if (!got.ok) return { outcome: 'not-brought' as const, reason: got.reason };
          const checked = await checkImage(got.bytes, limits);
          return checked.ok ? { checked } : { outcome: 'refused' as const, reason: checked.reason };
        } catch (error) {
          // A source or a decoder that throws loses this picture only, with the reason.
          return { outcome: 'not-brought' as const, reason: `lỗi khi lấy ảnh: ${(error as Error).message}` };
        }
      })();
      fetched.set(src, p);
    }
    return p;
  };
  for (const e of entries) {
    const r = await fetchOne(e.ref.src);
    if (r.checked) e.checked = r.checked;
    else e.report = { src: e.ref.src, outcome: r.outcome!, ...(r.reason ? { reason: r.reason } : {}) };
  }

  // The hero: og:image or a lead picture when large, the body picture it names if there is one;
  // else the first large picture of the text.
  const inBody = entries.filter((e) => !e.ref.outside);
  const named = entries
    .filter((e) => e.ref.outside)
    .sort((a, b) => (a.ref.lead === 'og-image' ? 0 : 1) - (b.ref.lead === 'og-image' ? 0 : 1));
  let hero: Entry | undefined;
  for (const n of named) {
    const twin = inBody.find(
      (b) =>
        b.ref.src === n.ref.src ||
        (b.checked && n.checked && b.checked.hash === n.checked.hash) ||
        sameName(b.ref.src, n.ref.src),
    );
    const pick = twin?.checked ? twin : n;
    if (large(pick.checked)) {
      hero = pick;
      break;
    }
  }
  hero ??= inBody.find((e) => large(e.checked));

  const placements: Placement[] = [];
  const kept = new Set<Entry>();
  for (const e of entries) {
    if (!e.checked) continue;
    if (e.ref.outside && e !== hero) {
      const twin = inBody.find((b) => b.ref.src === e.ref.src || (b.checked && b.checked.hash === e.checked!.hash));
      e.report = {
        src: e.ref.src,
        outcome: 'not-brought',
        reason: twin
          ? 'cùng ảnh với một ảnh trong bài'
          : `ảnh đại diện của trang (${e.ref.lead === 'og-image' ? 'og:image' : 'ảnh đầu bài'}) nhỏ hơn ${HERO_MIN_WIDTH} px hoặc là ảnh băng rôn: không dùng`,
        width: e.checked.width,
        height: e.checked.height,
      };
      continue;
    }
    const placement = options.store.place(e.checked, options.year, options.sourceName);
    e.placement = placement;
    if (placement.bytes && !placements.some((p) => p.abs === placement.abs)) placements.push(placement);
    const { alt, from } = chooseAlt(e.ref);
    e.report = {
      src: e.ref.src,
      outcome: placement.outcome,
      path: placement.markdownPath,
      alt,
      altFrom: from,
      ...(e.ref.caption ? { caption: e.ref.caption } : {}),
      ...(e === hero ? { hero: true } : {}),
      width: e.checked.width,
      height: e.checked.height,
    };
    kept.add(e);
  }

  const byAt = new Map(entries.map((e) => [e.at, e]));
  const children: RootContent[] = [];
  body.children.forEach((node, at) => {
    if (captionTaken.has(at)) {
      const owner = byAt.get(at - 1);
      if (owner && kept.has(owner)) return; // the caption went into the figure (or the hero)
      children.push(node);
      return;
    }
    const e = byAt.get(at);
    if (!e) {
      children.push(node);
      return;
    }
    if (e.ref.outside || e === hero || !kept.has(e)) {
      // Not shown in the text: the hero (above it), a hero candidate, or a picture not brought
      // whose caption stays as the italic line it was.
      if (!kept.has(e) && !e.ref.outside && e.ref.caption && !captionTaken.has(at + 1))
        children.push({
          type: 'paragraph',
          children: [{ type: 'emphasis', children: [{ type: 'text', value: e.ref.caption }] }],
        });
      return;
    }
    children.push(...figureNodes(e.placement!.markdownPath, e.report.alt!, e.ref.caption));
  });

  // og:image or a lead picture that is one of the text's pictures is that picture: one report line.
  const twinOfText = (e: Entry) =>
    e.ref.outside &&
    e !== hero &&
    inBody.some(
      (b) =>
        b.ref.src === e.ref.src ||
        sameName(b.ref.src, e.ref.src) ||
        (!!b.checked && !!e.checked && b.checked.hash === e.checked.hash),
    );
  const result: ResolvedImages = {
    body: { ...body, children },
    images: entries.filter((e) => !twinOfText(e)).map((e) => e.report),
    placements,
  };
  if (hero?.placement)
    result.hero = {
      image: hero.placement.markdownPath,
      alt: hero.report.alt!,
      ...(hero.ref.caption ? { caption: hero.ref.caption } : {}),
    };
  return result;
}

/** The report line of one picture (Vietnamese). */
export function describeImage(r: ImageReport): string {
  const size = r.width ? ` ${r.width}×${r.height}` : '';
  const role = r.hero ? ' (ảnh đại diện)' : '';
  const from = { alt: 'thuộc tính alt', title: 'thuộc tính title', caption: 'chú thích ảnh', placeholder: '' };
  const alt =
    r.altFrom === 'placeholder'
      ? ' — nguồn không có mô tả: đã ghi dấu "cần viết mô tả", biên tập viên hãy viết alt'
      : r.altFrom
        ? ` — mô tả (alt) lấy từ ${from[r.altFrom]}`
        : '';
  switch (r.outcome) {
    case 'created':
      return `ảnh mới${role}: ${r.src} → ${r.path}${size}${alt}`;
    case 'reused':
      return `ảnh dùng lại (đã có tệp cùng nội dung)${role}: ${r.src} → ${r.path}${alt}`;
    case 'unchanged':
      return `ảnh đã có từ lần nhập trước${role}: ${r.src} → ${r.path}`;
    case 'kept-edited':
      return `ảnh đã được sửa sau lần nhập trước, giữ nguyên${role}: ${r.path}`;
    case 'refused':
      return `ảnh bị từ chối: ${r.src} — ${r.reason}`;
    case 'not-brought':
      return `Ảnh chưa nhập: ${r.src} — ${r.reason}`;
  }
}
