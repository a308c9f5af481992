/**
 * Raw text → blocks: hard-wrapped lines rejoined into paragraphs, list items, headings,
 * photo captions told apart by their layout. Pure.
 */
import type { RootContent } from 'mdast';
import { matchChrome } from './chrome.ts';
import type { ImageRef } from './images/refs.ts';
import { squeeze } from './text-repair.ts';

export type BlockKind = 'paragraph' | 'heading' | 'list' | 'caption' | 'node' | 'image';

export interface Block {
  kind: BlockKind;
  /** Plain text of the block (list: items joined by newlines). */
  text: string;
  items?: string[];
  ordered?: boolean;
  depth?: 2 | 3 | 4;
  /** A picture of the page (kind "image"; its node is the placeholder images.ts resolves). */
  image?: ImageRef;
  /** Already-built Markdown node (HTML input). */
  node?: RootContent;
  /** Leading spaces of the first line in the raw text. */
  indent?: number;
  /** The block follows a photo marker or a blank-separated image slot. */
  afterPhotoMarker?: boolean;
}

export interface RawLine {
  text: string;
  indent: number;
  /** Index of the raw line in the file. */
  index: number;
  blankBefore: boolean;
}

const TERMINAL = /[.!?…:;]["”’»)]*$|\.\/\.$/u;
const BULLET = /^(?:[•·▪►*+]|[-–—](?=\s))\s*/u;
const STARTS_LOWER = /^[\p{Ll}\d(“"«]/u;

/** Split text into non-blank lines, keeping their indentation and whether a blank line preceded them. */
export function rawLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  let blank = false;
  text.split('\n').forEach((line, index) => {
    const trimmed = squeeze(line);
    if (trimmed === '') {
      blank = true;
      return;
    }
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    out.push({ text: trimmed, indent, index, blankBefore: blank || out.length === 0 });
    blank = false;
  });
  return out;
}

/**
 * Whether the file is hard-wrapped: many lines end mid-sentence and the next line goes on
 * in lower case (seed 000). In that mode any line not ending a sentence continues.
 */
export function isHardWrapped(lines: RawLine[]): boolean {
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (!b.blankBefore && !TERMINAL.test(a.text) && STARTS_LOWER.test(b.text)) midSentence++;
  }
  return midSentence >= 3 && midSentence >= lines.length * 0.15;
}

function isListItem(text: string): boolean {
  return BULLET.test(text) && text.replace(BULLET, '').length > 0;
}

function isHeading(text: string): 2 | 3 | null {
  if (text.length > 120 || TERMINAL.test(text) || text.length < 4) return null;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 12 && letters === letters.toUpperCase() && text.split(/\s+/).length >= 3) return 2;
  if (/^(?:[IVX]{1,4}|[A-D])\.\s+\p{Lu}/u.test(text)) return 2;
  if (/^(?:phần|chương)\s+[\dIVX]+\b/iu.test(text)) return 2;
  return null;
}

/** Group raw lines (after the header has been taken off) into blocks. */
export function linesToBlocks(lines: RawLine[], wrapped: boolean): Block[] {
  const blocks: Block[] = [];
  const bodyIndents = lines
    .filter((l) => l.text.length > 200)
    .map((l) => l.indent)
    .sort((a, b) => a - b);
  const typicalIndent = bodyIndents.length ? bodyIndents[Math.floor(bodyIndents.length / 2)]! : 0;
  let current: Block | null = null;
  let previous: RawLine | null = null;
  let markerPending = false;

  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };

  for (const line of lines) {
    const chrome = matchChrome(line.text);
    const listItem = !chrome && isListItem(line.text);
    const heading = !chrome && !listItem ? isHeading(line.text) : null;
    const photoMarker = chrome?.id === 'photo-table';
    const cur = current as Block | null;
    const continues =
      cur !== null &&
      cur.kind === 'paragraph' &&
      previous !== null &&
      !line.blankBefore &&
      !chrome &&
      !listItem &&
      !markerPending &&
      !TERMINAL.test(previous.text) &&
      (wrapped || /[,(\-–]$/.test(previous.text) || STARTS_LOWER.test(line.text)) &&
      // A deeply indented line after a normal one is a caption, not a continuation.
      !(line.indent >= typicalIndent + 5 && line.indent > previous.indent + 3);
    if (continues) {
      cur.text = `${cur.text} ${line.text}`;
      previous = line;
      continue;
    }
    if (listItem && cur?.kind === 'list') {
      cur.items!.push(line.text.replace(BULLET, ''));
      cur.text = cur.items!.join('\n');
      previous = line;
      continue;
    }
    flush();
    if (listItem) {
      const item = line.text.replace(BULLET, '');
      current = { kind: 'list', text: item, items: [item], ordered: false, indent: line.indent };
    } else if (heading && !markerPending) {
      current = { kind: 'heading', text: line.text, depth: heading, indent: line.indent };
    } else {
      current = { kind: 'paragraph', text: line.text, indent: line.indent, afterPhotoMarker: markerPending };
    }
    markerPending = photoMarker;
    if (photoMarker) {
      (current as Block).afterPhotoMarker = false;
    }
    previous = line;
  }
  flush();

  // Deeply indented short lines (a photo's caption laid out under the image).
  for (const b of blocks) {
    if (b.kind === 'paragraph' && (b.indent ?? 0) >= Math.max(6, typicalIndent + 5) && b.text.length <= 300) {
      b.kind = 'caption';
    }
    if (b.kind === 'paragraph' && b.afterPhotoMarker && b.text.length <= 400) b.kind = 'caption';
  }
  return blocks;
}
