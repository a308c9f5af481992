/**
 * A page from HTTP → text, through the same decoding as a file: UTF-8 first; a page that is not
 * UTF-8 is read in the charset its Content-Type header or its own <meta> names (old portals send
 * windows-1252 or windows-1258), then checked like a file.
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

export function decodePage(page: { bytes: Uint8Array; url: string; contentType: string | null }): {
  text: string;
  kind: InputKind;
  notes: string[];
} {
  const isHtml = /html|xml/i.test(page.contentType ?? '') || !page.contentType;
  const name = isHtml ? 'page.html' : new URL(page.url).pathname;
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(page.contentType ?? '')?.[1]?.toLowerCase();
  // UTF-8 first, as for a file (portals often name a charset they do not use).
  let firstError: unknown;
  try {
    return decodeInput(page.bytes, name, fromHeader);
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    firstError = error;
  }
  // Not UTF-8: the charset the header or the page's <meta> names, then the same checks again.
  const charset = pageCharset(page.bytes, page.contentType);
  if (!charset) throw firstError;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new ImportInputError(
      `trang khai báo bảng mã "${charset}" mà trình nhập không biết; hãy lưu trang với bảng mã UTF-8 rồi nhập tệp (unknown charset)`,
    );
  }
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) throw firstError;
  return decodeInput(new TextEncoder().encode(decoder.decode(page.bytes)), name);
}
