/**
 * One input (raw text or saved HTML) → one cleaned article with metadata, body tree,
 * units, proposed awards and a report of what was removed. Pure: no file system, no clock.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { foldForMatch } from '#src/text/vietnamese.ts';
import { proposeAwards, type ProposedAward } from './awards.ts';
import { type Block, isHardWrapped, linesToBlocks, rawLines } from './blocks.ts';
import { parseByline, parseSourceLine } from './byline.ts';
import { matchChrome, type RemovedBlock } from './chrome.ts';
import { dateLine, isTodayBanner, leadDate } from './dates.ts';
import { htmlToBlocks } from './html.ts';
import { repairText, squeeze, stripHiddenControls } from './text-repair.ts';
import type { UnitMatcher } from './units.ts';

export interface ImportOptions {
  units: UnitMatcher;
  /** The run day in Vietnam, "YYYY-MM-DD": a header printing it is the portal's banner. */
  today: string | null;
}

export interface ImportedArticle {
  title: string;
  /** True when the source has no title and the importer took the first sentence. */
  titleDerived: boolean;
  summary: string;
  publishedAt: string | null;
  author: string | null;
  source: string | null;
  sourceUrl: string | null;
  units: string[];
  awards: ProposedAward[];
  body: Root;
  removed: RemovedBlock[];
  notes: string[];
}

const TERMINAL = /[.!?…:;,]["”’»)]*$/u;

function titleLike(text: string): boolean {
  return text.length >= 10 && text.length <= 250 && !TERMINAL.test(text) && /\s/.test(text) && !matchChrome(text);
}

interface Header {
  title: string | null;
  date: string | null;
  source: string | null;
  consumed: number;
}

/**
 * Take the title, date and source off the top of a list of blocks:
 * title / date / source in any order, a slogan above a date, a today-banner, breadcrumbs.
 */
function takeHeader(texts: string[], today: string | null, removed: RemovedBlock[]): Header {
  let title: string | null = null;
  let date: string | null = null;
  let source: string | null = null;
  let slogan: { text: string } | null = null;
  let banner: string | null = null;
  let i = 0;
  for (; i < Math.min(texts.length, 10); i++) {
    const text = texts[i]!;
    const chrome = matchChrome(text);
    if (chrome) {
      removed.push({ rule: chrome.id, label: chrome.label, text });
      continue;
    }
    const d = dateLine(text);
    if (d) {
      if (isTodayBanner(text, d, today)) {
        removed.push({ rule: 'today-banner', label: 'Ngày hôm nay của cổng thông tin (portal date banner)', text });
      } else if (!date) {
        date = d.iso;
        banner = !title && !d.hasTime ? text : null;
      } else if (banner !== null && title) {
        // A date-only line above the title, then a dated line under it: the first was the
        // portal's calendar (printed on the day the page was saved), the second is the article's.
        removed.push({
          rule: 'today-banner',
          label: 'Ngày hôm nay của cổng thông tin (portal date banner)',
          text: banner,
        });
        date = d.iso;
        banner = null;
      } else removed.push({ rule: 'extra-date', label: 'Dòng ngày cập nhật (second date line)', text });
      continue;
    }
    const src = text.length <= 60 ? parseSourceLine(text) : null;
    if (src && (title || date)) {
      source ??= src;
      continue;
    }
    if (title && foldForMatch(text) === foldForMatch(title)) {
      removed.push({ rule: 'repeated-title', label: 'Tiêu đề lặp lại (repeated title)', text });
      continue;
    }
    if (titleLike(text)) {
      if (!title) {
        title = text;
        continue;
      }
      // Two title-like lines: an all-caps site name above the real title.
      const letters = title.replace(/[^\p{L}]/gu, '');
      if (!date && letters === letters.toUpperCase() && i <= 2) {
        removed.push({ rule: 'site-name', label: 'Tên cổng thông tin thay cho tiêu đề (site name)', text: title });
        title = text;
        continue;
      }
      if (slogan && !title) title = text;
      break;
    }
    // A sentence: a slogan when a date and a title-like line follow it, otherwise the body.
    if (!title && !date && !slogan && text.length <= 250 && texts.slice(i + 1, i + 3).some((t) => dateLine(t))) {
      slogan = { text };
      continue;
    }
    if (slogan && !title && titleLike(text)) {
      title = text;
      continue;
    }
    break;
  }
  if (slogan) {
    if (title)
      removed.push({
        rule: 'slogan',
        label: 'Khẩu hiệu của cổng thông tin thay cho tiêu đề (site slogan)',
        text: slogan.text,
      });
    else title = slogan.text.replace(/[.]+$/, '');
  }
  return { title, date, source, consumed: i };
}

function phrasing(text: string): PhrasingContent[] {
  return [{ type: 'text', value: text }];
}

function blockToNode(b: Block): RootContent {
  if (b.node) return b.node;
  switch (b.kind) {
    case 'heading':
      return { type: 'heading', depth: b.depth ?? 2, children: phrasing(b.text) };
    case 'list':
      return {
        type: 'list',
        ordered: !!b.ordered,
        spread: false,
        children: (b.items ?? []).map((item) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: phrasing(item) }],
        })),
      };
    case 'caption':
      return { type: 'paragraph', children: [{ type: 'emphasis', children: phrasing(b.text) }] };
    default:
      return { type: 'paragraph', children: phrasing(b.text) };
  }
}

function summarise(paragraphs: string[]): string {
  const first = paragraphs.find((p) => p.length >= 40) ?? paragraphs[0] ?? '';
  if (first.length <= 300) return first;
  const sentencesEnd = [...first.slice(0, 300).matchAll(/[.!?…](?=\s)/g)].map((m) => m.index + 1);
  const at = sentencesEnd.filter((x) => x >= 80).pop();
  if (at) return first.slice(0, at);
  return `${first.slice(0, 280).replace(/\s+\S*$/, '')}…`;
}

/**
 * The page's own address (og:url, canonical link) when it is a whole http(s) address. Anything
 * else ("http://", a relative path, javascript:) is dropped with a note: it must not fail the
 * file, and the editor can fill in source.url by hand.
 */
function sourceAddress(url: string | undefined, notes: string[]): string | null {
  if (!url) return null;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname) return url.trim();
  notes.push(
    `Địa chỉ nguồn "${url.slice(0, 200)}" (og:url hoặc canonical) không phải một địa chỉ http(s) đầy đủ: đã bỏ; hãy điền source.url nếu biết (invalid source URL dropped).`,
  );
  return null;
}

/** Turn one decoded input into an article. */
export function importArticle(raw: string, kind: 'text' | 'html', options: ImportOptions): ImportedArticle {
  const removed: RemovedBlock[] = [];
  const notes: string[] = [];
  // Bidi controls and hidden format characters go before anything reads the text (repairText
  // drops them too, for every other caller), counted for the report.
  const { text: input, count: hidden } = stripHiddenControls(raw);
  if (hidden) {
    notes.push(
      `Đã bỏ ${hidden} ký tự điều khiển ẩn (đảo hướng chữ U+202A–202E, U+2066–2069, dấu hướng U+200E/U+200F…): chúng có thể làm chữ hiển thị khác với nội dung thật (${hidden} bidi/invisible format control(s) removed).`,
    );
  }
  let blocks: Block[];
  let header: Header;
  let meta: { title?: string; date?: string; url?: string } = {};

  if (kind === 'html') {
    const html = htmlToBlocks(input);
    removed.push(...html.removed);
    notes.push(...html.notes);
    meta = html.meta;
    // Pictures are not header lines: the header is read from the text blocks, pictures in it stay.
    const textBlocks = html.blocks.filter((b) => b.kind !== 'image');
    const texts = textBlocks.map((b) => b.text);
    header = takeHeader(texts, options.today, removed);
    // The page's <h1>/<title> wins over a guess from the text.
    if (meta.title) {
      if (header.title && foldForMatch(header.title) !== foldForMatch(meta.title)) {
        // The header "title" was body text after all: give it back.
        header.consumed = texts.indexOf(header.title);
      } else if (header.title === null && header.consumed > 0) {
        // nothing
      }
      header.title = meta.title;
    }
    header.date ??= meta.date ?? null;
    const cut =
      header.consumed < textBlocks.length ? html.blocks.indexOf(textBlocks[header.consumed]!) : html.blocks.length;
    blocks = [...html.blocks.slice(0, cut).filter((b) => b.kind === 'image'), ...html.blocks.slice(cut)];
  } else {
    const text = repairText(input);
    const lines = rawLines(text);
    header = takeHeader(
      lines.map((l) => l.text),
      options.today,
      removed,
    );
    const rest = lines.slice(header.consumed);
    if (rest.length) rest[0] = { ...rest[0]!, blankBefore: true };
    blocks = linesToBlocks(rest, isHardWrapped(rest));
  }

  // Chrome: blocks of a known kind go; after a block that ends the article, the rest is page furniture.
  const kept: Block[] = [];
  let ended = false;
  for (const b of blocks) {
    if (b.kind === 'image') {
      if (ended)
        removed.push({
          rule: 'after-article',
          label: 'Ảnh trong khối bên lề sau bài (picture in the page furniture after the article)',
          text: `ảnh ${b.image?.src ?? ''}`,
        });
      else kept.push(b);
      continue;
    }
    const chrome =
      b.kind === 'node' && b.node?.type !== 'paragraph' && b.node?.type !== 'heading' ? null : matchChrome(b.text);
    if (ended) {
      removed.push(
        chrome
          ? { rule: chrome.id, label: chrome.label, text: b.text }
          : {
              rule: 'after-article',
              label: 'Khối bên lề sau phần bình luận/đánh giá (page furniture after the article)',
              text: b.text,
            },
      );
      continue;
    }
    if (chrome) {
      removed.push({ rule: chrome.id, label: chrome.label, text: b.text });
      if (chrome.endsArticle && kept.some((k) => k.text.length > 150)) ended = true;
      continue;
    }
    if (header.title && foldForMatch(b.text) === foldForMatch(header.title)) {
      removed.push({ rule: 'repeated-title', label: 'Tiêu đề lặp lại (repeated title)', text: b.text });
      continue;
    }
    kept.push(b);
  }

  // Captions: a one-sentence photo description between paragraphs; alt text left beside a caption.
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i]!;
    if (
      b.kind === 'paragraph' &&
      !b.node &&
      b.text.length <= 160 &&
      /^(đồng chí|đ\/c|quang cảnh|toàn cảnh|các đại biểu|đại biểu|lãnh đạo|ảnh:|\(ảnh)/iu.test(b.text) &&
      /\s(trao|tặng|phát biểu|chụp ảnh|cùng|dự|thăm|tại)\s|quang cảnh|toàn cảnh|^ảnh:|^\(ảnh/iu.test(b.text) &&
      !/\s(yêu cầu|đề nghị|nhấn mạnh|cho biết|khẳng định)\s/iu.test(b.text) &&
      (b.text.match(/[.!?](\s|$)/g) ?? []).length <= 1
    ) {
      b.kind = 'caption';
    }
  }
  const withoutAlt: Block[] = [];
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i]!;
    const next = kept[i + 1];
    if (
      next?.kind === 'caption' &&
      (b.kind === 'paragraph' || b.kind === 'heading') &&
      !b.node &&
      b.text.length <= 60 &&
      b.text.split(/\s+/).length <= 8 &&
      !/[.!?…:]$/.test(b.text) &&
      !parseByline(b.text)
    ) {
      removed.push({
        rule: 'image-alt-text',
        label: 'Chữ thay thế của ảnh bên cạnh chú thích (orphaned alt text)',
        text: b.text,
      });
      continue;
    }
    withoutAlt.push(b);
  }
  kept.length = 0;
  kept.push(...withoutAlt);

  // Byline and source at the end.
  let author: string | null = null;
  let source = header.source;
  for (let n = 0; n < 3 && kept.length > 1; n++) {
    const last = kept[kept.length - 1]!;
    if (last.kind === 'list' || last.kind === 'heading') break;
    const by = parseByline(last.text);
    if (!by) break;
    if (by.author && !author) author = by.author;
    else if (by.source && !source) source = by.source;
    else break;
    kept.pop();
  }

  const paragraphs = kept.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  let publishedAt = header.date;
  if (!publishedAt && paragraphs[0]) {
    const lead = leadDate(paragraphs[0]);
    if (lead) {
      publishedAt = lead.iso;
      notes.push('Ngày đăng lấy từ câu mở đầu "Ngày …" (no time stated: 00:00).');
    }
  }
  let title = header.title ? squeeze(header.title) : null;
  let titleDerived = false;
  if (!title) {
    const first = paragraphs[0] ?? kept[0]?.text ?? '';
    const sentence = /^.*?[.!?…](?=\s|$)/u.exec(first)?.[0] ?? first;
    title = sentence.length > 160 ? `${sentence.slice(0, 150).replace(/\s+\S*$/, '')}…` : sentence.replace(/\.$/, '');
    titleDerived = true;
    notes.push(
      'Nguồn không có tiêu đề: tiêu đề tạm lấy từ câu đầu, bài để ở dạng nháp (draft) cho biên tập viên đặt tiêu đề.',
    );
  }
  if (!publishedAt) notes.push('Nguồn không ghi ngày đăng: để trống publishedAt (không tự đặt ngày).');

  const body: Root = { type: 'root', children: kept.map(blockToNode) };
  const unitText = [title, ...kept.map((b) => b.text)].join('\n');
  return {
    title,
    titleDerived,
    summary: summarise(paragraphs.length ? paragraphs : kept.map((b) => b.text)) || title,
    publishedAt,
    author,
    source,
    sourceUrl: sourceAddress(meta.url, notes),
    units: options.units.match(unitText),
    awards: proposeAwards(paragraphs, options.units),
    body,
    removed,
    notes,
  };
}
