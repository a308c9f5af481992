/**
 * An image checked by its content, whatever the server or the file name said: sharp reads the
 * real type and size and decodes it whole (a truncated file is refused). Web formats are kept as
 * they are (JPEG, PNG, WebP, GIF, AVIF). A page that is HTML, an SVG holding script, a file too
 * large in bytes or pixels, or a tracking pixel is refused with a Vietnamese reason for the report.
 *
 * SVG: a plain drawing is accepted and rasterised to PNG at its own size (capped at 2,000 px wide).
 * An SVG is a document that can run script when opened from the site's address, and "plain" is a
 * judgement on a text format; a PNG runs nothing, so no check has to be perfect. An SVG with
 * script, event handlers, javascript: links, embedded HTML or links to other files is refused.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export const IMAGE_LIMITS = {
  /** Bytes of one image file (a source may stop downloading at this size). */
  maxBytes: 8 * 1024 * 1024,
  /** Pixels of one image (width × height): beyond this a file is a poster scan or a decompression bomb. */
  maxPixels: 40_000_000,
  /** Smaller on either side: an icon, a spacer or a tracking pixel, not an article's picture. */
  minSide: 32,
  /** SVG drawings are rasterised to at most this width. */
  svgWidth: 2000,
};
export type ImageLimits = typeof IMAGE_LIMITS;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
const EXTENSION: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', avif: 'avif' };

export interface CheckedImage {
  ok: true;
  format: ImageFormat;
  ext: string;
  width: number;
  height: number;
  /** The bytes to store (the original, or the PNG of an SVG). */
  bytes: Uint8Array;
  /** sha256 of `bytes`, hex. */
  hash: string;
  /** It came as SVG and was rasterised. */
  fromSvg?: boolean;
}
export type ImageCheck = CheckedImage | { ok: false; reason: string };

export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The start of a file as text (for telling HTML and SVG from binary images). */
function head(bytes: Uint8Array, n = 1024): string {
  return Buffer.from(bytes.subarray(0, n))
    .toString('latin1')
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart()
    .toLowerCase();
}

/** What makes an SVG more than a drawing, or null. */
export function activeSvgContent(svg: string): string | null {
  const s = svg.toLowerCase();
  if (/<script[\s>/]/.test(s)) return 'có thẻ <script>';
  if (/\son[a-z]+\s*=/.test(s)) return 'có thuộc tính sự kiện on…=';
  if (/(javascript|vbscript|data\s*:\s*text\/html)\s*:/.test(s.replace(/\s+/g, ''))) return 'có địa chỉ javascript:';
  if (/<foreignobject[\s>/]/.test(s)) return 'nhúng HTML (<foreignObject>)';
  if (/<!entity/.test(s)) return 'khai báo thực thể XML (<!ENTITY>)';
  if (
    /<(iframe|embed|object|link|meta|base|handler|listener|set|animate)\b[^>]*\b(href|src|to|attributename)\s*=\s*["']?\s*(on|href|javascript)/.test(
      s,
    )
  )
    return 'có thẻ tạo hành vi';
  for (const m of s.matchAll(/(?:xlink:)?href\s*=\s*["']\s*([^"'\s]*)/g))
    if (!m[1]!.startsWith('#') && !m[1]!.startsWith('data:image/'))
      return `tham chiếu tệp khác ("${m[1]!.slice(0, 60)}")`;
  if (/@import|url\(\s*["']?\s*(?!#)/.test(s)) return 'tham chiếu tệp khác trong CSS';
  return null;
}

/** Check one fetched image by its content. */
export async function checkImage(bytes: Uint8Array, limits: ImageLimits = IMAGE_LIMITS): Promise<ImageCheck> {
  if (bytes.length === 0) return { ok: false, reason: 'tệp rỗng (0 byte)' };
  if (bytes.length > limits.maxBytes)
    return { ok: false, reason: `quá lớn (${megabytes(bytes.length)} > ${megabytes(limits.maxBytes)})` };
  const start = head(bytes);
  let input = bytes;
  let fromSvg = false;
  if (start.startsWith('<')) {
    const isSvg = /<svg[\s>]/.test(head(bytes, 4096)) && !/<html[\s>]|<body[\s>]/.test(head(bytes, 4096));
    if (!isSvg)
      return /<!doctype html|<html|<head|<body|<\?php|<div|<p[\s>]|<title/.test(start)
        ? { ok: false, reason: 'không phải ảnh mà là một trang HTML (máy chủ trả về trang web, thường là trang lỗi)' }
        : { ok: false, reason: 'không phải ảnh (tệp văn bản)' };
    const active = activeSvgContent(Buffer.from(bytes).toString('utf8'));
    if (active) return { ok: false, reason: `ảnh SVG ${active}: có thể chạy mã trên trang, không nhập` };
    try {
      const meta = await sharp(bytes, { limitInputPixels: limits.maxPixels }).metadata();
      const width = Math.min(meta.width ?? limits.svgWidth, limits.svgWidth);
      input = await sharp(bytes, { limitInputPixels: limits.maxPixels })
        .resize({ width, withoutEnlargement: true })
        .png()
        .toBuffer();
      fromSvg = true;
    } catch (error) {
      return { ok: false, reason: `ảnh SVG không đọc được (${(error as Error).message})` };
    }
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'không phải ảnh hoặc định dạng không đọc được' };
  }
  const format: ImageFormat | null =
    meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp' || meta.format === 'gif'
      ? meta.format
      : meta.format === 'heif' && meta.compression === 'av1'
        ? 'avif'
        : null;
  if (!format)
    return {
      ok: false,
      reason: `định dạng ${String(meta.format ?? 'không rõ').toUpperCase()} không dùng được trên web`,
    };
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = (rotated ? meta.height : meta.width) ?? 0;
  const height = (rotated ? meta.width : meta.height) ?? 0;
  const frames = meta.pages ?? 1;
  if (width * height > limits.maxPixels)
    return {
      ok: false,
      reason: `quá nhiều điểm ảnh (${width}×${height} = ${((width * height) / 1e6).toFixed(0)} triệu > ${limits.maxPixels / 1e6} triệu)`,
    };
  if (width < limits.minSide || height < limits.minSide)
    return {
      ok: false,
      reason: `quá nhỏ (${width}×${height} px): biểu tượng hoặc ảnh trang trí, không phải ảnh của bài`,
    };
  try {
    // Decoding every pixel: a truncated or corrupt file fails here, not in the build.
    await sharp(input, { failOn: 'truncated', limitInputPixels: limits.maxPixels * Math.max(1, frames) }).stats();
  } catch (error) {
    return { ok: false, reason: `tệp ảnh hỏng hoặc bị cắt cụt (${(error as Error).message.split('\n')[0]})` };
  }
  return {
    ok: true,
    format,
    ext: EXTENSION[format],
    width,
    height,
    bytes: input,
    hash: createHash('sha256').update(input).digest('hex'),
    ...(fromSvg ? { fromSvg } : {}),
  };
}
