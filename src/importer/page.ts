/**
 * A page from HTTP → text, through the same decoding as a file: the charset named by the
 * Content-Type header or the page's own <meta> is honoured (old portals send windows-1252 or
 * windows-1258), a UTF-8 or unnamed page goes to decodeInput unchanged.
 */
import { decodeInput, ImportInputError, type InputKind } from './decode.ts';

/** The charset a Content-Type header or the first bytes' <meta> name, lower-case, or null. */
export function pageCharset(bytes: Uint8Array, contentType: string | null): string | null {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  return fromMeta ? fromMeta.toLowerCase() : null;
}

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

export function decodePage(page: { bytes: Uint8Array; url: string; contentType: string | null }): {
  text: string;
  kind: InputKind;
} {
  const isHtml = /html|xml/i.test(page.contentType ?? '') || !page.contentType;
  const name = isHtml ? 'page.html' : new URL(page.url).pathname;
  const charset = pageCharset(page.bytes, page.contentType);
  const bom = page.bytes[0] === 0xef || page.bytes[0] === 0xff || page.bytes[0] === 0xfe;
  if (!charset || UTF8.has(charset) || bom) return decodeInput(page.bytes, name);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new ImportInputError(
      `trang khai báo bảng mã "${charset}" mà trình nhập không biết; hãy lưu trang với bảng mã UTF-8 rồi nhập tệp (unknown charset)`,
    );
  }
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return decodeInput(page.bytes, name);
  // Re-encoded as UTF-8 so the same checks (size, binary, blank, kind) apply as to a file.
  return decodeInput(new TextEncoder().encode(decoder.decode(page.bytes)), name);
}
