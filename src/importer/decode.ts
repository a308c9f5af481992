/**
 * Turning an input file's bytes into text, or a clear reason why not.
 */

export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

export type InputKind = 'text' | 'html';

/** Decode an input file. Throws ImportInputError with a message an editor can act on. */
export function decodeInput(bytes: Uint8Array, fileName: string): { text: string; kind: InputKind } {
  if (bytes.length === 0) throw new ImportInputError('tệp rỗng, không có nội dung để nhập (empty file)');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ImportInputError(
      `tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB; giới hạn ${MAX_INPUT_BYTES / 1024 / 1024} MB cho một bài viết): có thể đây không phải một bài báo, hãy tách nhỏ hoặc kiểm tra lại (file too large)`,
    );
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new ImportInputError('tệp nhị phân (có byte NUL), không phải văn bản hay HTML (binary file)');
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  if (controls > sample.length * 0.05) {
    throw new ImportInputError('tệp nhị phân (nhiều ký tự điều khiển), không phải văn bản hay HTML (binary file)');
  }
  let text: string;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  try {
    text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportInputError(
      'tệp không phải UTF-8 hợp lệ; hãy lưu lại tệp với bảng mã UTF-8 (ví dụ trong trình soạn thảo: "Save with encoding → UTF-8") rồi nhập lại (invalid UTF-8)',
    );
  }
  if (text.trim().length === 0)
    throw new ImportInputError('tệp chỉ có khoảng trắng, không có nội dung để nhập (blank file)');
  const looksHtml =
    /\.(x?html?|php|aspx?|jsp)$/i.test(fileName) ||
    /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2000));
  return { text, kind: looksHtml ? 'html' : 'text' };
}
