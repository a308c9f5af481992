/**
 * Turning an input file's bytes into text, or a clear reason why not.
 */
import { detectLegacyEncoding } from './legacy-fonts.ts';

export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

export type InputKind = 'text' | 'html';

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** Throws the size message for a file of `size` bytes over `limit`: both stated, in MB and bytes. */
export function checkInputSize(size: number, limit = MAX_INPUT_BYTES): void {
  if (size <= limit) return;
  throw new ImportInputError(
    `tệp quá lớn (${megabytes(size)}, ${size} byte; giới hạn ${megabytes(limit)} = ${limit} byte cho một bài viết): có thể đây không phải một bài báo, hãy tách nhỏ hoặc kiểm tra lại (file too large: ${size} > ${limit} bytes)`,
  );
}

/** The encoding a byte-order mark names, and the mark's length. */
function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  return { encoding: 'utf-8', length: 0 };
}

/** Code units (bytes for UTF-8, characters for UTF-16) that only binary files are full of. */
function checkNotBinary(units: ArrayLike<number>): void {
  const n = Math.min(units.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (u === 0) throw new ImportInputError('tệp nhị phân (có byte NUL), không phải văn bản hay HTML (binary file)');
    if (u < 0x09 || (u > 0x0d && u < 0x20)) controls++;
  }
  if (controls > n * 0.05) {
    throw new ImportInputError('tệp nhị phân (nhiều ký tự điều khiển), không phải văn bản hay HTML (binary file)');
  }
}

/** Single-byte encodings old Vietnamese pages declare (TCVN3/VNI pages declare Latin-1 or Windows-1252). */
const SINGLE_BYTE: Record<string, 'windows-1252' | 'windows-1258'> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'windows-1252',
  'windows-1258': 'windows-1258',
  cp1258: 'windows-1258',
};

/** The charset an HTML page declares in its first bytes (`<meta charset>` or `http-equiv`), lower case. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Bytes that are not UTF-8, read the way the page says (a declared single-byte charset) or, for
 * a file that declares nothing, as Windows-1252 when that yields text in a legacy Vietnamese font
 * encoding beyond doubt (the importer then repairs it). Null when neither holds.
 */
function decodeSingleByte(bytes: Uint8Array, httpCharset?: string): { text: string; note: string } | null {
  const declared = httpCharset?.trim().toLowerCase() || declaredCharset(bytes);
  const encoding = declared ? SINGLE_BYTE[declared] : undefined;
  if (encoding) {
    return {
      text: new TextDecoder(encoding).decode(bytes),
      note: `Tệp không phải UTF-8: đọc theo bảng mã ${declared} mà trang khai báo (read as the declared ${declared}).`,
    };
  }
  if (declared) return null;
  const text = new TextDecoder('windows-1252').decode(bytes);
  return detectLegacyEncoding(text)?.certain
    ? {
        text,
        note: 'Tệp không phải UTF-8 và không khai báo bảng mã: đọc theo Windows-1252 vì nội dung là chữ gõ bằng phông cũ (read as Windows-1252: legacy font text).',
      }
    : null;
}

/**
 * Decode an input file: UTF-8 (with or without a byte-order mark), or UTF-16 LE/BE with a
 * byte-order mark (what Windows Notepad saves as "Unicode"). The binary check runs on the bytes of
 * UTF-8 and on the decoded characters of UTF-16, whose ASCII letters hold a NUL byte each.
 * Throws ImportInputError with a message an editor can act on.
 */
export function decodeInput(
  bytes: Uint8Array,
  fileName: string,
  /** The charset an HTTP response's Content-Type named; it wins over the page's own `<meta>`. */
  httpCharset?: string,
): { text: string; kind: InputKind; notes: string[] } {
  if (bytes.length === 0) throw new ImportInputError('tệp rỗng, không có nội dung để nhập (empty file)');
  checkInputSize(bytes.length);
  const bom = byteOrderMark(bytes);
  const utf16 = bom.encoding !== 'utf-8';
  if (!utf16) checkNotBinary(bytes.subarray(0, 8192));
  let text: string;
  const notes: string[] = [];
  try {
    text = new TextDecoder(bom.encoding, { fatal: true }).decode(bytes.subarray(bom.length));
  } catch {
    const single = utf16 ? null : decodeSingleByte(bytes, httpCharset);
    if (single) {
      notes.push(single.note);
      return { text: single.text, kind: inputKind(fileName, single.text), notes };
    }
    throw new ImportInputError(
      utf16
        ? `tệp ${bom.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} bị hỏng (cắt cụt hoặc có ký tự không hợp lệ); hãy lưu lại tệp với bảng mã UTF-8 rồi nhập lại (invalid ${bom.encoding})`
        : 'tệp không phải UTF-8 hợp lệ; hãy lưu lại tệp với bảng mã UTF-8 (ví dụ trong trình soạn thảo: "Save with encoding → UTF-8") rồi nhập lại (invalid UTF-8)',
    );
  }
  if (utf16) {
    const sample = text.slice(0, 8192);
    checkNotBinary(Array.from(sample, (c) => c.charCodeAt(0)));
  }
  if (text.trim().length === 0)
    throw new ImportInputError('tệp chỉ có khoảng trắng, không có nội dung để nhập (blank file)');
  return { text, kind: inputKind(fileName, text), notes };
}

function inputKind(fileName: string, text: string): InputKind {
  const looksHtml =
    /\.(x?html?|php|aspx?|jsp)$/i.test(fileName) ||
    /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
  return looksHtml ? 'html' : 'text';
}
