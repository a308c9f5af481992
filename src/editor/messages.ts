/**
 * Vietnamese explanations for every kind of content error an editor can cause, with the
 * technical detail kept after them for developers.
 *
 * - `editorIssueMessage` is zod's global error map (installed by src/schemas/fields.ts): any
 *   schema issue without a message of its own (a list given as text, "có" for a yes/no field,
 *   a missing block, a reference that is not an id…) gets a Vietnamese message naming the field,
 *   what is wrong and an example of the right value, built from the editor's own value where
 *   possible. Messages written in the schemas still win.
 * - `explainContentError` turns an error thrown by a build (Astro's schema, frontmatter, image
 *   and MDX errors, the content guard's and integrity check's reports, a bad date) into
 *   EditorMessages: file, field, what is wrong, an example, and the technical text.
 *   The content guard (src/lib/content-guard.ts) words its own checks (duplicate ids, NFC, YAML
 *   and MDX syntax, images, alt text) before Astro runs; this covers what reaches Astro anyway
 *   (`astro dev`, astro build without the guard) and anything unexpected.
 */
import type { z } from 'astro/zod';

// ---------------------------------------------------------------------------------------------
// zod issues

type Issue = z.core.$ZodRawIssue & { path?: PropertyKey[]; input?: unknown };

/** "recipients[0].unit" from ["recipients", 0, "unit"]. */
export function dottedPath(path: readonly PropertyKey[] | undefined): string {
  return (path ?? []).reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

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
  const name = path ? `"${path}"` : 'Tệp';
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

// ---------------------------------------------------------------------------------------------
// Build errors

export type ErrorKind = 'schema' | 'reference' | 'date' | 'image' | 'mdx' | 'yaml' | 'content' | 'unknown';

export interface EditorMessage {
  kind: ErrorKind;
  /** File at fault, relative to the project, when known. */
  file?: string;
  /** Field (dotted) or "nội dung (dòng N)". */
  field?: string;
  /** What is wrong, in Vietnamese. */
  problem: string;
  /** An example of the right value or the fix, in Vietnamese. */
  example?: string;
  /** The technical text, unchanged, for developers. */
  technical: string;
}

const COLLECTION_FOLDERS: Record<string, { folder: string; ext: string }> = {
  news: { folder: 'content/news', ext: '.md' },
  awards: { folder: 'content/awards', ext: '.yaml' },
  units: { folder: 'content/units', ext: '.md' },
};

const fileOfEntry = (collection: string, id: string) => {
  const c = COLLECTION_FOLDERS[collection];
  return c ? `${c.folder}/${id}${c.ext}` : `${collection}/${id}`;
};

const strip = (text: string) => text.replace(/\*\*/g, '').replace(/`/g, '"').trim();

interface ErrorLike {
  name?: string;
  message?: string;
  title?: string;
  hint?: string;
  reason?: string;
  line?: number;
  column?: number;
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
  file?: string;
  source?: string;
  ruleId?: string;
  problems?: { file: string; field: string; message: string }[];
  mark?: { line?: number };
  place?: { line?: number; start?: { line?: number } };
}

const hasVietnamese = (text: string) =>
  /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]|[àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(text.normalize('NFC'));

/** Which kind of problem a message speaks of, from its field and its technical tag. */
function kindOf(message: string, field = ''): ErrorKind {
  if (/reference\)|không tìm thấy "[^"]*" trong content\//i.test(message)) return 'reference';
  if (/^hero\b|image/i.test(field) || /\(image |image not found|without alt/i.test(message)) return 'image';
  if (
    /(publishedAt|updatedAt|date|On)$|^year$/.test(field.replace(/\[\d+\]/g, '')) ||
    /date-time|ISO 8601|YYYY-MM-DD/.test(message)
  )
    return 'date';
  return 'schema';
}

/** "  **recipients.0.unit**: message" lines of Astro's schema errors. */
function schemaLines(message: string): { field: string; text: string }[] {
  return [...message.matchAll(/^\s*\*\*([^*]+)\*\*: (.*)$/gm)].map((m) => ({ field: m[1]!, text: m[2]! }));
}

/** Explain an error thrown while loading or building content. Never throws. */
export function explainContentError(error: unknown): EditorMessage[] {
  const e: ErrorLike = (error && typeof error === 'object' ? error : { message: String(error) }) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const name = typeof e.name === 'string' ? e.name : '';
  const technical =
    [name, message, typeof e.hint === 'string' ? e.hint : ''].filter(Boolean).join(': ') || 'unknown error';

  // Our own reports (content guard, integrity check): already Vietnamese, one per problem.
  if (Array.isArray(e.problems) && e.problems.length) {
    return e.problems.map((p) => ({
      kind: kindOf(p.message, p.field),
      file: p.file,
      field: p.field,
      problem: p.message,
      technical,
    }));
  }

  // Astro: "**news → id** data does not match collection schema." then one line per issue.
  const entry = /\*\*(\w+) → ([^*]+)\*\*/.exec(message);
  if (entry && /ContentEntry(Data|Frontmatter)Error|InvalidContentEntry|does not match/.test(`${name} ${message}`)) {
    const file = fileOfEntry(entry[1]!, entry[2]!);
    const lines = schemaLines(message.slice(entry.index + entry[0].length));
    if (lines.length === 0) lines.push({ field: '', text: message });
    return lines.map(({ field, text }) => ({
      kind: kindOf(text, field),
      file,
      field: field.replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      problem: hasVietnamese(text) ? strip(text) : `Giá trị không hợp lệ: ${strip(text)}`,
      example: 'Xem ví dụ đúng trong thông báo, hoặc tạo tệp mẫu bằng "npm run new" để so sánh.',
      technical,
    }));
  }

  // Astro: "Could not find requested image `./images/x.jpg`. Does it exist?"
  const image = /Could not find requested image [`"]([^`"]+)[`"]/.exec(message);
  if (name === 'ImageNotFound' || image) {
    const src = image?.[1] ?? 'ảnh';
    return [
      {
        kind: 'image',
        ...(e.loc?.file ? { file: e.loc.file } : {}),
        field: 'hero.image',
        problem: `Không tìm thấy ảnh "${src}". Đường dẫn tính từ thư mục của bài viết; tên tệp phân biệt chữ hoa, chữ thường.`,
        example: 'Đặt ảnh vào content/news/images/ và ghi: image: ./images/hoi-nghi.jpg (kèm alt: "Mô tả ảnh").',
        technical,
      },
    ];
  }

  // MDX syntax (micromark / @mdx-js): carries a reason, a line and the file.
  const file = e.loc?.file ?? e.file ?? e.id;
  const isMdx =
    /mdx|micromark|acorn/i.test(`${e.source ?? ''} ${e.ruleId ?? ''} ${name}`) ||
    (typeof file === 'string' && file.endsWith('.mdx'));
  if (isMdx && !/yaml/i.test(name)) {
    const inReason = /\((\d+):\d+/.exec(e.reason ?? '')?.[1];
    const line =
      e.loc?.line ?? e.line ?? e.place?.line ?? e.place?.start?.line ?? (inReason ? Number(inReason) : undefined);
    return [
      {
        kind: 'mdx',
        ...(file ? { file } : {}),
        field: line ? `nội dung (dòng ${line})` : 'nội dung',
        problem: `Lỗi cú pháp MDX${line ? ` ở dòng ${line}` : ''}: ${strip(e.reason ?? message)}.`,
        example:
          'Trong tệp .mdx, thẻ như <Khung> phải được đóng (</Khung>); dấu {, } và < trong câu chữ phải viết là \\{, \\} và &lt;. Bài không dùng thành phần nào thì đổi đuôi tệp thành .md.',
        technical,
      },
    ];
  }

  // YAML (frontmatter or award files).
  if (/yaml/i.test(name) || /MarkdownFrontmatterParseError|frontmatter/i.test(`${name} ${e.title ?? ''}`)) {
    const line = e.loc?.line ?? e.mark?.line ?? e.line;
    return [
      {
        kind: 'yaml',
        ...(file ? { file } : {}),
        field: line ? `phần đầu tệp (dòng ${line})` : 'phần đầu tệp',
        problem: `Lỗi cú pháp YAML${line ? ` ở dòng ${line}` : ''}: dấu ngoặc kép, ngoặc vuông chưa đóng, thiếu dấu ":" sau tên trường, hoặc thụt lề bằng phím Tab.`,
        example:
          'title: "Hội nghị: tổng kết năm 2024" — đặt chữ có dấu ":" trong ngoặc kép; thụt lề bằng hai dấu cách.',
        technical,
      },
    ];
  }

  // Dates that JavaScript could not use.
  if (/Invalid time value|Invalid Date|RangeError/i.test(`${name} ${message}`)) {
    return [
      {
        kind: 'date',
        problem: 'Một ngày hoặc giờ không hợp lệ (ví dụ ngày 31/02, tháng 13, hay thiếu múi giờ).',
        example:
          'publishedAt: 2023-02-02T16:18:00+07:00 (ngày giờ, giờ Việt Nam); decision.date: 2023-07-24 (chỉ ngày).',
        technical,
      },
    ];
  }

  if (hasVietnamese(message)) return [{ kind: 'content', problem: strip(message), technical }];

  return [
    {
      kind: 'unknown',
      problem:
        'Bản dựng gặp lỗi kỹ thuật không do một trường nội dung cụ thể. Trang đang xuất bản không bị thay đổi. Hãy chạy "npm run check:content" để kiểm tra nội dung; nếu nội dung không có lỗi, gửi thông tin kỹ thuật dưới đây cho người phụ trách kỹ thuật.',
      technical,
    },
  ];
}

/** One explanation as an editor reads it, the technical text last. */
export function formatEditorMessage(m: EditorMessage): string {
  const where = [m.file, m.field].filter(Boolean).join(' → ');
  return [
    `• ${where ? `${where}: ` : ''}${m.problem}`,
    ...(m.example ? [`  Cách sửa / ví dụ: ${m.example}`] : []),
    `  (Chi tiết kỹ thuật: ${m.technical.split('\n')[0]!.slice(0, 400)})`,
  ].join('\n');
}

export function formatEditorMessages(messages: EditorMessage[]): string {
  return `Giải thích bằng tiếng Việt (${messages.length} lỗi):\n${messages.map(formatEditorMessage).join('\n')}`;
}
