/**
 * Vietnamese explanations for every kind of content error an editor can cause, with the
 * technical detail kept after them for developers.
 *
 * Schema issues get their Vietnamese wording from zod's error map (src/model/issue-messages.ts);
 * the label and example of the field at fault come from the schema itself (schema-walker.ts).
 * - `explainContentError` turns an error thrown by a build (Astro's schema, frontmatter, image
 *   and MDX errors, the content guard's and integrity check's reports, a bad date) into
 *   EditorMessages: file, field, what is wrong, an example, and the technical text.
 *   The content guard (src/editor/content-guard.ts) words its own checks (duplicate ids, NFC, YAML
 *   and MDX syntax, images, alt text) before Astro runs; this covers what reaches Astro anyway
 *   (`astro dev`, astro build without the guard) and anything unexpected.
 */

import { stringify } from 'yaml';
import { formatProblems, type ContentProblem } from '#src/model/integrity.ts';
import { dottedPath } from '#src/model/schemas/field-text.ts';
import {
  COLLECTIONS,
  contentSchemas,
  describeSchema,
  fieldAt,
  type CollectionName,
  type FieldNode,
} from './schema-walker.ts';

export type ErrorKind = 'schema' | 'reference' | 'date' | 'image' | 'mdx' | 'yaml' | 'content' | 'unknown';

export interface EditorMessage {
  kind: ErrorKind;
  /** File at fault, relative to the project, when known. */
  file?: string;
  /** Field (dotted) or "nội dung (dòng N)". */
  field?: string;
  /** The field's Vietnamese label, from the schema (src/model/schemas/), when it has one. */
  label?: string;
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

/** A path as messages name files: relative to where the command was started. */
const relativeToCwd = (path: string) =>
  path.startsWith(`${process.cwd()}/`) ? path.slice(process.cwd().length + 1) : path;

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

/** The schema's field at a path ("recipients.0.unit", "recipients[0].unit"), when the collection has it. */
function schemaField(collection: string | undefined, path: string | undefined): FieldNode | undefined {
  if (!collection || !path || !(COLLECTIONS as readonly string[]).includes(collection)) return undefined;
  const fields = describeSchema(contentSchemas()[collection as CollectionName]);
  return fieldAt(fields, path.replace(/\.\d+(?=\.|$)|\[\d+\]/g, ''));
}

/** The collection of a content file: the last folder named like one ("…/news/nam-2022/bai.md"). */
const collectionOfFile = (file: string) =>
  file
    .split('/')
    .slice(0, -1)
    .findLast((folder) => (COLLECTIONS as readonly string[]).includes(folder));

/** The label of the field, as the message names it (nothing when the schema has no such field). */
const labelOf = (field: FieldNode | undefined) => (field?.label ? { label: field.label } : {});

/** ["recipients", 0, "unit"] from Astro's "recipients.0.unit". */
const keysOf = (astroPath: string): PropertyKey[] =>
  astroPath ? astroPath.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];

const GENERIC_EXAMPLE = 'Xem ví dụ đúng trong thông báo, hoặc tạo tệp mẫu bằng "npm run new" để so sánh.';

/** The fix for a field: its example from the schema when it has one. */
const exampleFor = (field: FieldNode | undefined) =>
  field?.example === undefined
    ? GENERIC_EXAMPLE
    : `${stringify({ [field.name]: field.example }, { lineWidth: 0 }).trim()} (${field.label ?? field.name}); tệp mẫu tạo bằng "npm run new" có đủ các trường để so sánh.`;

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
      ...labelOf(schemaField(collectionOfFile(p.file), p.field)),
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
    return lines.map(({ field, text }) => {
      const node = schemaField(entry[1]!, field);
      return {
        kind: kindOf(text, field),
        file,
        field: dottedPath(keysOf(field)),
        ...labelOf(node),
        problem: hasVietnamese(text) ? strip(text) : `Giá trị không hợp lệ: ${strip(text)}`,
        example: exampleFor(node),
        technical,
      };
    });
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

  // astro:assets, while Vite bundles: "Could not process image metadata for `/…/anh.jpg`" (a file
  // that is not the image its name says, or a damaged one).
  const broken = /Could not process image metadata for [`"]([^`"]+)[`"]/.exec(message);
  if (broken || /NoImageMetadata/.test(name)) {
    const path = broken?.[1] ?? 'ảnh';
    return [
      {
        kind: 'image',
        file: relativeToCwd(path),
        problem: `Tệp ảnh "${relativeToCwd(path)}" hỏng hoặc không phải ảnh thật (ví dụ một tệp khác được đổi đuôi thành .jpg), nên không đọc được kích thước ảnh.`,
        example:
          'Mở ảnh bằng phần mềm xem ảnh; lưu lại (xuất) thành .jpg hoặc .png rồi thay tệp cũ, giữ nguyên tên tệp.',
        technical,
      },
    ];
  }

  // An .mdx body that compiled but fails while its page renders: a {…} expression naming
  // something the file does not have (ReferenceError), a component that is not imported.
  const stack = typeof (e as { stack?: unknown }).stack === 'string' ? (e as { stack: string }).stack : '';
  if (/MDX component/i.test(e.hint ?? '') || /_createMdxContent|MDXContent/.test(stack)) {
    // The bundle's chunk of the article is named after its file ("bai-mau_wEM5J7X_.mjs").
    const chunk = /chunks\/([\w.-]+?)_[\w-]+\.mjs/.exec(
      stack.split('\n').find((l) => /_createMdxContent/.test(l)) ?? '',
    )?.[1];
    const component = /Expected component [`"]([^`"]+)[`"] to be defined/.exec(message)?.[1];
    return [
      {
        kind: 'mdx',
        ...(chunk ? { file: `${chunk}.mdx (content/news/)` } : {}),
        field: 'nội dung',
        problem: component
          ? `Bài .mdx dùng thành phần <${component}> nhưng chưa nhập (import) nó.`
          : `Một biểu thức trong dấu { } của bài .mdx không chạy được: ${strip(message)}. Chữ thường có dấu { hay } phải viết là \\{ và \\}.`,
        example: component
          ? 'Chạy "npm run check:content" để biết tệp và dòng; bài không cần thành phần nào thì đổi đuôi tệp thành .md.'
          : 'Tìm trong bài chỗ dùng tên đó trong dấu { } và sửa lại; bài không cần thành phần hay biểu thức nào thì đổi đuôi tệp thành .md.',
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
        'Gặp lỗi kỹ thuật không do một trường nội dung cụ thể. Hãy chạy "npm run check:content" để kiểm tra nội dung; nếu nội dung không có lỗi, gửi thông tin kỹ thuật dưới đây cho người phụ trách kỹ thuật.',
      technical,
    },
  ];
}

/** The first line that says something: not Vite's "Build failed with 1 error:" or "[plugin …]" heading. */
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^(?:\w+: )?Build failed with \d+ errors?:$|^\[plugin [^\]]*\]$/.test(l)) ??
  text.split('\n')[0]!;

/**
 * One explanation as an editor reads it, the technical text last: its first line, when asked for
 * (`technical`, default true) or when the error is not one of content (then it is the only clue).
 */
export function formatEditorMessage(m: EditorMessage, { technical = true }: { technical?: boolean } = {}): string {
  const field = m.field && m.label ? `${m.field} (${m.label})` : m.field;
  const where = [m.file, field].filter(Boolean).join(' → ');
  return [
    `• ${where ? `${where}: ` : ''}${m.problem}`,
    ...(m.example ? [`  Cách sửa / ví dụ: ${m.example}`] : []),
    ...(technical || m.kind === 'unknown' ? [`  (Chi tiết kỹ thuật: ${firstLine(m.technical).slice(0, 400)})`] : []),
  ].join('\n');
}

export function formatEditorMessages(messages: EditorMessage[], options: { technical?: boolean } = {}): string {
  return `Giải thích bằng tiếng Việt (${messages.length} lỗi):\n${messages.map((m) => formatEditorMessage(m, options)).join('\n')}`;
}

/** How to ask for the technical detail of a failure (docs/huong-dan-bien-tap.md). */
export const VERBOSE_HINT = 'chi tiết kỹ thuật: thêm --verbose hoặc đặt CONGDOAN_VERBOSE=1';

/** Whether the environment asks for the technical detail: CONGDOAN_VERBOSE=1 (or true, yes). */
export const verboseFromEnv = (env: Readonly<Record<string, string | undefined>>): boolean =>
  /^(1|true|yes|on)$/i.test(env.CONGDOAN_VERBOSE?.trim() ?? '');

export interface FailureReportOptions {
  /** What the failure means for the command, for editors: "bản dựng dừng lại, …". */
  consequence: string;
  /** The check, for developers: "content check failed". */
  check: string;
  /** Show the technical detail: the stack trace and the error's own text. */
  verbose?: boolean;
}

export interface FailureReport {
  /** Everything to print: the Vietnamese report, then a one-line summary (then, verbose, the detail). */
  text: string;
  /** Whether the failure is the content's (an editor can fix it), not the program's. */
  content: boolean;
}

type WithProblems = { problems?: ContentProblem[]; cause?: unknown };

/** The content problems an error carries (the guard's, the integrity check's), itself or as its cause. */
function problemsOf(error: unknown): ContentProblem[] | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as WithProblems).cause, depth++) {
    const problems = (e as WithProblems).problems;
    if (Array.isArray(problems) && problems.length) return problems;
  }
  return undefined;
}

/** The stack and causes of an error, for `--verbose`. */
function technicalDetail(error: unknown): string {
  const lines: string[] = [];
  for (let e = error, depth = 0; e !== undefined && depth < 5; e = (e as WithProblems | undefined)?.cause, depth++) {
    // An error with problems has the report above as its message: its name and frames suffice.
    const stack =
      e instanceof Error && problemsOf(e)
        ? [e.name, ...(e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l))].join('\n')
        : e instanceof Error
          ? (e.stack ?? `${e.name}: ${e.message}`)
          : String(e);
    lines.push(`${depth ? 'Caused by: ' : ''}${stack}`);
    if (!e || typeof e !== 'object') break;
  }
  return lines.join('\n');
}

/**
 * How a failed command ends (npm run build, check:content, import, new): the Vietnamese report
 * (file, field, what is wrong, the fix), a one-line summary, and no stack trace unless `verbose`.
 * Never throws.
 */
export function failureReport(
  error: unknown,
  { consequence, check, verbose = false }: FailureReportOptions,
): FailureReport {
  const problems = problemsOf(error);
  const messages = problems ? [] : explainContentError(error);
  const content = problems !== undefined || messages.some((m) => m.kind !== 'unknown');
  const count = problems?.length ?? messages.length;
  const report = problems
    ? formatProblems(problems, { check })
    : formatEditorMessages(messages, { technical: verbose });
  const summary = content
    ? `✗ ${count} lỗi nội dung: ${consequence}. Hãy sửa theo hướng dẫn ở trên rồi chạy lại${verbose ? '' : ` (${VERBOSE_HINT})`}. (${check}: ${count} content error${count === 1 ? '' : 's'})`
    : `✗ Lỗi kỹ thuật, không phải lỗi nội dung: ${consequence}. Hãy gửi thông báo này cho người phụ trách kỹ thuật${verbose ? '' : ` (${VERBOSE_HINT})`}. (${check}: unexpected error)`;
  return {
    text: [
      report,
      ...(verbose ? [`Chi tiết kỹ thuật (technical detail):\n${technicalDetail(error)}`] : []),
      summary,
    ].join('\n'),
    content,
  };
}
