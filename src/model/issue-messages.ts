/**
 * Vietnamese messages for schema issues: `editorIssueMessage` is zod's global error map, so
 * any schema issue without a message of its own (a list given as text, "có" for a yes/no field,
 * a missing block, a reference that is not an id…) gets a Vietnamese message naming the field,
 * what is wrong and an example of the right value, built from the editor's own value where
 * possible. Messages written in the schemas still win. Nothing is installed on import: the
 * places that define the collections call `installEditorMessages` (src/content.config.ts for
 * Astro, `contentSchemas()` in src/editor/cms-config.ts for the editor's tools).
 */
import type { z } from 'astro/zod';
import { dottedPath, fieldTextOf } from './schemas/field-text.ts';

type Issue = z.core.$ZodRawIssue & { path?: PropertyKey[]; input?: unknown; schema?: unknown };

const TYPE_NAMES: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  boolean: 'true/false',
  array: 'danh sách',
  object: 'nhóm trường con',
  date: 'ngày',
  undefined: 'trống',
  null: 'trống',
};

function received(input: unknown): string {
  if (input === undefined || input === null) return 'undefined';
  if (Array.isArray(input)) return 'array';
  if (input instanceof Date) return 'date';
  return typeof input;
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
const YES = /^(có|co|yes|đúng|dung|true|bật|bat|1|x)$/i;
const NO = /^(không|khong|no|sai|false|tắt|tat|0)$/i;

/** The technical half of a message: code and the expected/received types. */
function technical(issue: Issue): string {
  const parts: string[] = [issue.code ?? 'invalid'];
  if ('expected' in issue && issue.expected)
    parts.push(`expected ${String(issue.expected)}, received ${received(issue.input)}`);
  if ('minimum' in issue && issue.minimum !== undefined) parts.push(`minimum ${String(issue.minimum)}`);
  if ('maximum' in issue && issue.maximum !== undefined) parts.push(`maximum ${String(issue.maximum)}`);
  if ('format' in issue && issue.format) parts.push(`format ${String(issue.format)}`);
  return `(${parts.join(': ')})`;
}

/**
 * zod error map: a Vietnamese message for an issue whose schema gave none. Returns undefined
 * for nothing (every issue gets a message), so it can be installed as `customError`.
 */
export function editorIssueMessage(issue: Issue): string {
  const path = dottedPath(issue.path);
  // The field by its label when the schema that raised the issue has one (src/model/schemas/).
  const label = fieldTextOf(issue.schema ?? issue.inst).label;
  const name = path ? (label ? `${label} ("${path}")` : `"${path}"`) : 'Tệp';
  const last = issue.path?.at(-1);
  const field = typeof last === 'number' ? String(issue.path?.at(-2) ?? 'ten-truong') : String(last ?? 'ten-truong');
  // How the example line starts: "field: " or, for an item of a list, "- ".
  const lhs = typeof last === 'number' ? '- ' : `${field}: `;
  const input = issue.input;
  const tech = technical(issue);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      if (input === undefined) {
        return `Thiếu trường bắt buộc ${name}: hãy thêm dòng "${field}: …" (cần ${TYPE_NAMES[expected] ?? expected}). ${tech}`;
      }
      if (expected === 'array') {
        const item = typeof input === 'string' || typeof input === 'number' ? show(input) : '…';
        return `${name} phải là một danh sách (kể cả khi chỉ có một mục), ví dụ: ${field}: [${item}], hoặc mỗi mục một dòng "  - …" bên dưới "${field}:". ${tech}`;
      }
      if (expected === 'object') {
        return `${name} cần các trường con, mỗi trường một dòng thụt lề hai dấu cách bên dưới "${field}:" (ví dụ "  name: …"), không phải ${show(input)}. Tệp mẫu tạo bằng "npm run new" có đủ các trường con. ${tech}`;
      }
      if (expected === 'boolean') {
        const guess =
          typeof input === 'string' && YES.test(input.trim())
            ? 'true'
            : typeof input === 'string' && NO.test(input.trim())
              ? 'false'
              : 'true hoặc false';
        return `${name} chỉ nhận true (có) hoặc false (không), viết không có ngoặc kép, ví dụ: ${lhs}${guess}. ${tech}`;
      }
      if (expected === 'number') {
        const digits = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? input.trim() : '2022';
        return `${name} phải là một số, viết không có ngoặc kép, ví dụ: ${lhs}${digits}. ${tech}`;
      }
      if (expected === 'string') {
        if (Array.isArray(input))
          return `${name} chỉ nhận một giá trị, không phải danh sách; hãy giữ một mục, ví dụ: ${lhs}${show(input[0] ?? '…')}. ${tech}`;
        if (typeof input === 'object') return `${name} chỉ nhận một giá trị (chữ), không phải nhóm trường con. ${tech}`;
        return `${name} cần chữ; hãy đặt giá trị trong ngoặc kép, ví dụ: ${lhs}"${String(input)}". ${tech}`;
      }
      if (expected === 'date') {
        return `${name} cần một ngày, ví dụ: ${lhs}2023-07-24 (ngày 24/7/2023). ${tech}`;
      }
      return `${name} không đúng kiểu: cần ${TYPE_NAMES[expected] ?? expected}, nhưng đang là ${TYPE_NAMES[received(input)] ?? received(input)}. ${tech}`;
    }
    case 'invalid_value': {
      const values = (issue as { values?: unknown[] }).values ?? [];
      return `${name} = ${show(input)} không được chấp nhận. Chọn một trong: ${values.map((v) => String(v)).join(', ')}; ví dụ: ${lhs}${String(values[0] ?? '…')}. ${tech}`;
    }
    case 'too_small': {
      const min = Number((issue as { minimum?: unknown }).minimum);
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array') return `${name} cần ít nhất ${min} mục, mỗi mục một dòng bắt đầu bằng "- ". ${tech}`;
      if (origin === 'string')
        return min <= 1 ? `${name} không được để trống. ${tech}` : `${name} cần ít nhất ${min} ký tự. ${tech}`;
      return `${name} phải từ ${min} trở lên, ví dụ: ${lhs}${min}. ${tech}`;
    }
    case 'too_big': {
      const max = Number((issue as { maximum?: unknown }).maximum);
      const origin = (issue as { origin?: string }).origin;
      if (origin === 'array') return `${name} có nhiều nhất ${max} mục. ${tech}`;
      if (origin === 'string') return `${name} dài quá: tối đa ${max} ký tự. ${tech}`;
      return `${name} phải không lớn hơn ${max}. ${tech}`;
    }
    case 'invalid_format': {
      const format = String((issue as { format?: string }).format);
      const example =
        format === 'email' ? 'congdoan@example.vn' : format === 'url' ? 'https://congdoan.example.vn/' : '…';
      return `${name} = ${show(input)} không đúng dạng ${format}, ví dụ: ${lhs}${example}. ${tech}`;
    }
    case 'unrecognized_keys': {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return `Trường không có trong mẫu: ${keys.map((k) => `"${k}"`).join(', ')}${path ? ` (trong ${name})` : ''}. Hãy sửa tên trường cho đúng hoặc xóa. ${tech}`;
    }
    case 'invalid_union':
      if (input === undefined) return `Thiếu trường bắt buộc ${name}: hãy thêm dòng "${field}: …". ${tech}`;
      return `${name} = ${show(input)} không đúng dạng. Nếu đây là mã một mục khác (đơn vị, bài viết, khen thưởng), hãy ghi đúng tên tệp không có đuôi, ví dụ: ${lhs}cong-doan-vksnd-tinh-quang-ngai. ${tech}`;
    default:
      return `${name} không hợp lệ (${show(input)}). Hãy so với tệp mẫu tạo bằng "npm run new". ${tech}`;
  }
}

/** Install the Vietnamese error map as zod's global fallback (messages in schemas still win). */
export function installEditorMessages(zod: {
  config: (c: { customError: (issue: Issue) => string }) => unknown;
}): void {
  zod.config({ customError: editorIssueMessage });
}
