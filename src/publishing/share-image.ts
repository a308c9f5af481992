/**
 * The generated share image (Open Graph / Twitter card) for articles without a hero image.
 *
 * An SVG template rendered to PNG by sharp (librsvg): about 10 ms an image, against about a
 * second for a headless-browser or Satori renderer. Every image is cached between builds under
 * a content-hash file name (template version + the text drawn), so a rebuild only renders the
 * articles whose title, category or date changed, and identical inputs are rendered once.
 *
 * Text is drawn with a font that covers Vietnamese (DejaVu Sans, Noto Sans or Liberation Sans,
 * whichever fontconfig has); see tests/unit/share-image.test.ts.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** Bump when the template changes, so cached images are redrawn. */
export const TEMPLATE_VERSION = 1;

export const SHARE_IMAGE_FONTS = "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', sans-serif";

export interface ShareImageInput {
  title: string;
  /** Small line above the title, e.g. the category. */
  kicker: string;
  /** Line at the bottom, e.g. the site name and date. */
  footer: string;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

/**
 * Break text into at most `maxLines` lines of about `maxChars` characters, on spaces; the last
 * line ends with "…" when text is left over. A word longer than a line is cut.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    let word = words[i]!;
    if ([...word].length > maxChars) word = `${[...word].slice(0, maxChars - 1).join('')}…`;
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= maxChars) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    line = '';
    i = words.length;
  }
  if (i < words.length) {
    const last = lines[maxLines - 1]!;
    const room = maxChars - 1;
    lines[maxLines - 1] = `${
      [...last].length > room
        ? [...last]
            .slice(0, room)
            .join('')
            .replace(/\s+\S*$/, '')
        : last
    }…`;
  }
  return lines;
}

/** Title size and line length chosen so that short titles are big and long ones still fit. */
function titleLayout(title: string): { size: number; chars: number; lines: number } {
  const n = [...title].length;
  if (n <= 50) return { size: 68, chars: 26, lines: 3 };
  if (n <= 90) return { size: 58, chars: 31, lines: 4 };
  return { size: 50, chars: 36, lines: 5 };
}

export function shareImageSvg(input: ShareImageInput): string {
  const { size, chars, lines: maxLines } = titleLayout(input.title);
  const lines = wrapText(input.title, chars, maxLines);
  const lineHeight = Math.round(size * 1.22);
  const top = 190;
  const title = lines
    .map(
      (l, i) =>
        `<text x="80" y="${top + i * lineHeight}" font-size="${size}" font-weight="bold" fill="#ffffff">${escapeXml(l)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}">
<rect width="100%" height="100%" fill="#8e1b1b"/>
<rect x="0" y="0" width="24" height="100%" fill="#f2c94c"/>
<g font-family="${SHARE_IMAGE_FONTS}">
<text x="80" y="110" font-size="30" font-weight="bold" fill="#f2c94c" letter-spacing="1">${escapeXml(input.kicker.toLocaleUpperCase('vi'))}</text>
${title}
<rect x="80" y="${SHARE_IMAGE_HEIGHT - 110}" width="1040" height="2" fill="#ffffff" opacity="0.35"/>
<text x="80" y="${SHARE_IMAGE_HEIGHT - 58}" font-size="30" fill="#ffffff">${escapeXml(input.footer)}</text>
</g>
</svg>`;
}

/** Content-hash file name: the same text and template give the same name, on any machine. */
export function shareImageKey(input: ShareImageInput): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, input.title.normalize('NFC'), input.kicker, input.footer]))
    .digest('hex')
    .slice(0, 20);
  return `${hash}.png`;
}

/** Where rendered images are kept between builds (SHARE_IMAGE_CACHE overrides). */
export function shareImageCacheDir(root = process.cwd()): string {
  return resolve(root, process.env.SHARE_IMAGE_CACHE ?? 'node_modules/.cache/share-images');
}

export interface RenderResult {
  png: Buffer;
  /** Whether the image came from the cache. */
  cached: boolean;
}

/** Images being drawn ahead of their pages (see prewarmShareImages), by cache file. */
const drawing = new Map<string, Promise<boolean>>();

async function draw(input: ShareImageInput, file: string, cacheDir: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const png = await sharp(Buffer.from(shareImageSvg(input)))
    .png({ compressionLevel: 6 })
    .toBuffer();
  await mkdir(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, file);
  return png;
}

/**
 * Start drawing the images that are not cached yet, `concurrency` at a time, in the background
 * (sharp works off the main thread), so that they are ready by the time their pages are built.
 * Only files are produced: nothing is held in memory. Failures are left for renderShareImage
 * to retry and report.
 */
export async function prewarmShareImages(
  inputs: ShareImageInput[],
  cacheDir = shareImageCacheDir(),
  concurrency = 2,
): Promise<number> {
  const missing: { input: ShareImageInput; file: string }[] = [];
  for (const input of inputs) {
    const file = join(cacheDir, shareImageKey(input));
    if (drawing.has(file)) continue;
    try {
      await access(file);
    } catch {
      missing.push({ input, file });
    }
  }
  let next = 0;
  const ready = new Map<string, () => void>();
  for (const { file } of missing) {
    drawing.set(file, new Promise<boolean>((resolve) => ready.set(file, () => resolve(true))));
  }
  const worker = async () => {
    while (next < missing.length) {
      const { input, file } = missing[next++]!;
      try {
        await draw(input, file, cacheDir);
      } catch {
        // renderShareImage draws it again and reports the error with the page.
      }
      ready.get(file)!();
    }
  };
  void Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return missing.length;
}

/** Render (or reuse) the share image. Writes to the cache atomically (temp file, then rename). */
export async function renderShareImage(input: ShareImageInput, cacheDir = shareImageCacheDir()): Promise<RenderResult> {
  const file = join(cacheDir, shareImageKey(input));
  const pending = drawing.get(file);
  if (pending) {
    await pending;
    drawing.delete(file);
  }
  try {
    return { png: await readFile(file), cached: !pending };
  } catch {
    // Not cached yet (or drawing ahead failed): draw it now.
  }
  return { png: await draw(input, file, cacheDir), cached: false };
}
