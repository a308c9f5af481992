import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { allFields, contentSchemas, describeSchema, type FieldNode } from '#src/editor/schema-walker.ts';
import { dottedPath } from '#src/model/schemas/field-text.ts';
import { checkContentIntegrity, ContentIntegrityError } from '#src/model/integrity.ts';
import {
  explainContentError,
  failureReport,
  formatEditorMessage,
  verboseFromEnv,
  type ErrorKind,
} from '#src/editor/messages.ts';
import { editorIssueMessage } from '#src/model/issue-messages.ts';

const schemas = contentSchemas();
const news = { title: 'Tin', summary: 'Tóm tắt' };
const award = { form: 'bang-khen', year: 2022, recipients: [{ kind: 'collective', name: 'Công đoàn X' }] };
const unit = { name: 'Công đoàn X', level: 'cong-doan-co-so' };

const firstIssue = (schema: keyof typeof schemas, data: unknown) => {
  const result = schemas[schema].safeParse(data);
  if (result.success) throw new Error('expected a schema error');
  return result.error.issues[0]!;
};

/** Vietnamese with its diacritics, and the technical detail in parentheses at the end. */
const VIETNAMESE = /[ảạăâđêôơưếềểễệốồổỗộớờởỡợứừửữựắằẳẵặấầẩẫậ]/;

describe('schema errors without a message of their own get a Vietnamese one', () => {
  it.each([
    [
      'a list given as text',
      'news',
      { ...news, units: 'cong-doan-x' },
      'units',
      /^Đơn vị liên quan \("units"\) phải là một danh sách.*units: \["cong-doan-x"\]/,
      /expected array, received string/,
    ],
    [
      '"có" for a yes/no field',
      'news',
      { ...news, draft: 'có' },
      'draft',
      /^Bản nháp \("draft"\) chỉ nhận true \(có\) hoặc false \(không\).*draft: true/,
      /expected boolean/,
    ],
    ['"không" for a yes/no field', 'awards', { ...award, draft: 'không' }, 'draft', /draft: false/, /expected boolean/],
    [
      'a block given as text',
      'news',
      { ...news, source: 'kiemsat.vn' },
      'source',
      /^Nguồn \("source"\) cần các trường con.*"source:"/,
      /expected object/,
    ],
    [
      'a number where a list item must be text',
      'news',
      { ...news, tags: ['thi đua'], units: [5] },
      'units.0',
      /^"units\[0\]" cần chữ.*- "5"/,
      /expected string, received number/,
    ],
    [
      'a quoted year',
      'awards',
      { ...award, year: '2022' },
      'year',
      /Cần một năm bằng số, ví dụ: 2022/,
      /expected a number/,
    ],
    [
      'a list where one value is expected',
      'units',
      { ...unit, parent: ['a', 'b'] },
      'parent',
      /^Đơn vị cấp trên trực tiếp \("parent"\) chỉ nhận một giá trị.*parent: "a"/,
      /received array/,
    ],
    [
      'a missing required field',
      'units',
      { name: 'Công đoàn X' },
      'level',
      /Cấp đơn vị \(level\) "undefined" không có trong danh mục/,
      /unknown value/,
    ],
    [
      'a missing list',
      'awards',
      { form: 'bang-khen', year: 2022 },
      'recipients',
      /^Thiếu trường bắt buộc Người nhận \("recipients"\)/,
      /received undefined/,
    ],
    [
      'an unknown award form',
      'awards',
      { ...award, form: 'bang-khen-tinh' },
      'form',
      /không có trong danh mục.*bang-khen \(Bằng khen\)/,
      /unknown value/,
    ],
    [
      'a bad e-mail address',
      'units',
      { ...unit, contact: { email: 'congdoan@' } },
      'contact.email',
      /Email không hợp lệ, ví dụ/,
      /.*/,
    ],
    ['a misspelt field', 'news', { ...news, tag: ['x'] }, '', /Trường không có trong mẫu: "tag"/, /unknown field/],
  ] as const)('%s', (_what, schema, data, path, vietnamese, technical) => {
    const issue = firstIssue(schema, data);
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toMatch(vietnamese);
    expect(issue.message).toMatch(VIETNAMESE);
    expect(issue.message).toMatch(technical);
  });

  it.each([
    [
      { code: 'too_small', origin: 'array', minimum: 1, path: ['recipients'], input: [] },
      /"recipients" cần ít nhất 1 mục/,
    ],
    [{ code: 'too_big', origin: 'string', maximum: 80, path: ['title'], input: 'x' }, /dài quá: tối đa 80 ký tự/],
    [
      { code: 'invalid_format', format: 'url', path: ['website'], input: 'congdoan.vn' },
      /website: https:\/\/congdoan.example.vn\//,
    ],
    [{ code: 'invalid_union', path: ['article'], input: 5, errors: [] }, /mã một mục khác.*article: cong-doan/],
    [
      { code: 'invalid_value', values: ['in-force', 'revoked'], path: ['status'], input: 'x' },
      /Chọn một trong: in-force, revoked; ví dụ: status: in-force/,
    ],
    [{ code: 'custom', path: ['x'], input: 1 }, /"x" không hợp lệ/],
  ])('error map: %o', (issue, expected) => {
    expect(editorIssueMessage(issue as never)).toMatch(expected);
  });
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const integrityError = () => {
  const problems = checkContentIntegrity(
    {
      news: [],
      units: [],
      awards: [
        {
          id: '2022-bang-khen',
          filePath: 'content/awards/2022-bang-khen.yaml',
          data: {
            ...award,
            status: 'in-force',
            draft: false,
            recipients: [{ kind: 'collective', unit: { id: 'khong-co', collection: 'units' } }],
          },
        },
      ],
    } as never,
    new Date('2026-01-01T00:00:00Z'),
  );
  return new ContentIntegrityError(problems);
};

const mdxError = () =>
  thrown(() => unified().use(remarkParse).use(remarkMdx).parse('Đoạn một.\n\n<Khung>\nchưa đóng\n'));
const yamlError = () => thrown(() => parseYaml('title: "Hội nghị\nsummary: x\n'));

describe('explainContentError: one Vietnamese explanation per kind of build error', () => {
  it.each<[string, () => unknown, ErrorKind, RegExp, RegExp | undefined]>([
    [
      'schema (Astro)',
      () =>
        Object.assign(
          new Error(
            '**news → hoi-nghi** data does not match collection schema.\n\n  **draft**: "draft" chỉ nhận true (có) hoặc false (không), ví dụ: draft: true. (invalid_type)\n',
          ),
          {
            name: 'InvalidContentEntryDataError',
          },
        ),
      'schema',
      /content\/news\/hoi-nghi\.md → draft \(Bản nháp\): "draft" chỉ nhận true/,
      /npm run new/,
    ],
    [
      'schema in English (a message not worded by us)',
      () =>
        Object.assign(
          new Error('**units → x** data does not match collection schema.\n\n  **level**: Invalid input\n'),
          { name: 'InvalidContentEntryDataError' },
        ),
      'schema',
      /content\/units\/x\.md → level \(Cấp đơn vị\): Giá trị không hợp lệ: Invalid input/,
      /npm run new/,
    ],
    [
      'schema in English, for a field whose schema gives an example',
      () =>
        Object.assign(
          new Error('**awards → x** data does not match collection schema.\n\n  **decision.date**: Invalid input\n'),
          { name: 'InvalidContentEntryDataError' },
        ),
      'date',
      /content\/awards\/x\.yaml → decision\.date \(Ngày quyết định\): Giá trị không hợp lệ/,
      /^date: 2023-01-15 \(Ngày quyết định\)/,
    ],
    [
      'reference',
      integrityError,
      'reference',
      /content\/awards\/2022-bang-khen\.yaml → recipients\[0\]\.unit \(Đơn vị \(tập thể, hoặc nơi công tác của cá nhân\)\): không tìm thấy "khong-co" trong content\/units\//,
      undefined,
    ],
    [
      'date (schema)',
      () =>
        Object.assign(
          new Error(
            '**news → a** data does not match collection schema.\n\n  **publishedAt**: "2023-02-30T10:00:00+07:00" không phải ngày giờ có thật (kiểm tra ngày, tháng, giờ), ví dụ: 2023-02-02T16:18:00+07:00.\n',
          ),
          {
            name: 'InvalidContentEntryDataError',
          },
        ),
      'date',
      /publishedAt \(Ngày giờ đăng\): .*không phải ngày giờ có thật/,
      undefined,
    ],
    [
      'date (runtime)',
      () => new RangeError('Invalid time value'),
      'date',
      /ngày hoặc giờ không hợp lệ/,
      /2023-02-02T16:18:00\+07:00/,
    ],
    [
      'image not found (Astro)',
      () =>
        Object.assign(new Error('Could not find requested image `./images/hoi-nghi.jpg`. Does it exist?'), {
          name: 'ImageNotFound',
          loc: { file: 'content/news/a.md' },
        }),
      'image',
      /content\/news\/a\.md → hero\.image: Không tìm thấy ảnh "\.\/images\/hoi-nghi\.jpg"/,
      /image: \.\/images\/hoi-nghi\.jpg/,
    ],
    [
      'image without alt (schema)',
      () =>
        Object.assign(
          new Error(
            '**news → a** data does not match collection schema.\n\n  **hero.alt**: Không được để trống, ví dụ: "Quang cảnh Hội nghị". (must not be empty)\n',
          ),
          { name: 'InvalidContentEntryDataError' },
        ),
      'image',
      /hero\.alt \(Mô tả ảnh \(bắt buộc\)\): Không được để trống/,
      /^alt: Mô tả nội dung ảnh \(Mô tả ảnh \(bắt buộc\)\)/,
    ],
    [
      'MDX syntax',
      () => Object.assign(mdxError() as object, { file: 'content/news/a.mdx' }),
      'mdx',
      /content\/news\/a\.mdx → nội dung \(dòng \d+\): Lỗi cú pháp MDX/,
      /<\/Khung>/,
    ],
    ['YAML syntax', yamlError, 'yaml', /Lỗi cú pháp YAML/, /ngoặc kép/],
    [
      'unknown',
      () => new Error('ENOSPC: no space left on device'),
      'unknown',
      /lỗi kỹ thuật.*npm run check:content/,
      undefined,
    ],
  ])('%s', (_what, make, kind, explained, example) => {
    const messages = explainContentError(make());
    expect(messages.length).toBeGreaterThan(0);
    const [first] = messages;
    expect(first!.kind).toBe(kind);
    const text = formatEditorMessage(first!);
    expect(text).toMatch(explained);
    if (example) expect(first!.example).toMatch(example);
    // Developers keep the technical detail.
    expect(text).toMatch(/\(Chi tiết kỹ thuật: .+\)/);
    expect(first!.technical.length).toBeGreaterThan(0);
  });

  // Whatever is thrown, the editor gets one explanation in Vietnamese and the developer the
  // technical text, in parentheses, as it was.
  it.each<[string, unknown, ErrorKind, string]>([
    ['undefined', undefined, 'unknown', 'undefined'],
    ['null', null, 'unknown', 'null'],
    ['a number', 42, 'unknown', '42'],
    ['a Vietnamese string', 'Thiếu tệp cấu hình', 'content', 'Thiếu tệp cấu hình'],
    ['an empty object', {}, 'unknown', '[object Object]'],
    ['an object whose message is not text', { message: 5 }, 'unknown', '[object Object]'],
  ])('%s: one explanation in Vietnamese, the technical text in parentheses', (_what, value, kind, technical) => {
    const messages = explainContentError(value);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind, technical });
    expect(messages[0]!.problem).toMatch(VIETNAMESE);
    expect(formatEditorMessage(messages[0]!)).toMatch(
      new RegExp(`\\n  \\(Chi tiết kỹ thuật: ${technical.replace(/[[\]]/g, '\\$&')}\\)$`),
    );
  });
});

/** A value each kind of field accepts (the schema's example where it gives one). */
function validValue(field: FieldNode): unknown {
  if (field.example !== undefined) return field.example;
  switch (field.kind) {
    case 'object':
      return Object.fromEntries(field.fields!.map((f) => [f.name, validValue(f)]));
    case 'list':
      return [field.fields ? Object.fromEntries(field.fields.map((f) => [f.name, validValue(f)])) : 'Chữ'];
    case 'select':
      return field.multiple ? [field.options![0]] : field.options![0];
    case 'relation':
      return field.multiple ? ['ma-muc'] : 'ma-muc';
    case 'image':
      return './images/anh.jpg';
    case 'datetime':
      return '2023-02-02T16:18:00+07:00';
    case 'date':
      return '2023-07-24';
    case 'number':
      return field.min ?? 1;
    case 'boolean':
      return false;
    case 'string':
      return 'Chữ';
  }
}

/** A value of the wrong type for the field: text for a number, a number for text… */
const wrongValue = (field: FieldNode): unknown =>
  field.kind === 'number' || field.kind === 'list' || field.kind === 'object'
    ? 'sai'
    : field.kind === 'boolean'
      ? 'có'
      : field.multiple
        ? 'sai'
        : 42;

/** `data` with the field at a dotted path (list items: the first) set to `value`. */
function withValue(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(data);
  const keys = path.split('.');
  let cursor: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = cursor[key];
    cursor = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
  }
  cursor[keys.at(-1)!] = value;
  return copy;
}

describe('every field of every schema: a wrong value is explained in Vietnamese, naming the field', () => {
  const cases = (Object.keys(schemas) as (keyof typeof schemas)[]).flatMap((collection) => {
    const fields = describeSchema(schemas[collection]);
    // Every field filled in: an award with a revocation is a revoked one.
    const valid = {
      ...Object.fromEntries(fields.map((f) => [f.name, validValue(f)])),
      ...(collection === 'awards' ? { status: 'revoked' } : {}),
    };
    return allFields(fields).map((field) => [`${collection}.${field.path}`, collection, field, valid] as const);
  });

  it('starts from documents every schema accepts', () => {
    for (const [, collection, , valid] of cases) expect(schemas[collection].safeParse(valid).error).toBeUndefined();
  });

  it.each(cases)('%s', (_name, collection, field, valid) => {
    const result = schemas[collection].safeParse(withValue(valid, field.path, wrongValue(field)));
    const issue = result.error?.issues.find(
      (i) => i.path.filter((k) => typeof k === 'string').join('.') === field.path,
    );
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    // The schema's message: Vietnamese, then the technical part in parentheses.
    expect(issue!.message).toMatch(VIETNAMESE);
    expect(issue!.message).toMatch(/ \([^()]*(\([^()]*\)[^()]*)*\)\.?$/);
    // As the build reports it, and as the editor reads it: the field by its path and its label.
    const astro = Object.assign(
      new Error(
        `**${collection} → bai-mau** data does not match collection schema.\n\n  **${issue!.path.join('.')}**: ${issue!.message}\n`,
      ),
      { name: 'InvalidContentEntryDataError' },
    );
    const [explained] = explainContentError(astro);
    expect(explained!.label).toBe(field.label);
    expect(formatEditorMessage(explained!)).toContain(` → ${dottedPath(issue!.path)} (${field.label}): `);
  });
});

describe('failureReport: how a failed command ends', () => {
  const options = { consequence: 'bản dựng dừng lại', check: 'build failed' };
  const problems = [
    { file: 'content/news/a.md', field: 'units[0]', message: 'không tìm thấy "x" trong content/units/.' },
  ];
  const guardError = Object.assign(new Error('Nội dung có 1 lỗi'), { name: 'ContentGuardError', problems });
  const viteError = Object.assign(
    new Error(
      'Build failed with 1 error:\n\n[plugin astro:assets:esm]\nNoImageMetadata: Could not process image metadata for `/x/content/news/images/a.jpg`.',
    ),
  );
  const mdxRender = Object.assign(new ReferenceError('khongCo is not defined'), {
    hint: 'This issue often occurs when your MDX component encounters runtime errors.',
  });

  it.each([
    [
      'the guard’s problems',
      guardError,
      true,
      /^Nội dung có 1 lỗi \(build failed\):\n {2}• content\/news\/a\.md → units\[0\]: /,
    ],
    ['problems as the cause', new Error('wrapped', { cause: guardError }), true, /• content\/news\/a\.md → units\[0\]/],
    ['a damaged image, while Vite bundles', viteError, true, /Tệp ảnh ".*a\.jpg" hỏng hoặc không phải ảnh thật/],
    [
      'an MDX expression failing as the page renders',
      mdxRender,
      true,
      /biểu thức trong dấu \{ \} .*khongCo is not defined/,
    ],
    [
      'a program error',
      new TypeError('x is not a function'),
      false,
      /\(Chi tiết kỹ thuật: TypeError: x is not a function\)/,
    ],
    [
      'Vite’s heading is not the detail',
      new Error('Build failed with 1 error:\n\n[plugin x]\nEACCES: permission denied'),
      false,
      /\(Chi tiết kỹ thuật: EACCES: permission denied\)/,
    ],
  ])('%s', (_what, error, content, report) => {
    const quiet = failureReport(error, options);
    expect(quiet.content).toBe(content);
    expect(quiet.text).toMatch(report);
    // The summary is the last line; no stack trace, the way to get it named.
    const last = quiet.text.split('\n').at(-1)!;
    expect(last).toMatch(
      content ? /^✗ 1 lỗi nội dung: bản dựng dừng lại\. / : /^✗ Lỗi kỹ thuật, không phải lỗi nội dung: /,
    );
    expect(last).toContain('--verbose hoặc đặt CONGDOAN_VERBOSE=1');
    expect(quiet.text).not.toMatch(/^\s+at \S/m);
    const loud = failureReport(error, { ...options, verbose: true });
    expect(loud.text).toMatch(/Chi tiết kỹ thuật \(technical detail\):\n/);
    expect(loud.text).toMatch(/^\s+at \S/m);
    expect(loud.text.split('\n').at(-1)).not.toContain('CONGDOAN_VERBOSE');
  });

  it.each([
    [{}, false],
    [{ CONGDOAN_VERBOSE: '1' }, true],
    [{ CONGDOAN_VERBOSE: 'true' }, true],
    [{ CONGDOAN_VERBOSE: '0' }, false],
    [{ CONGDOAN_VERBOSE: '' }, false],
  ])('CONGDOAN_VERBOSE %o → %s', (env, verbose) => {
    expect(verboseFromEnv(env)).toBe(verbose);
  });
});
