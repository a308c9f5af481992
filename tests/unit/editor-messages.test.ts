import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { contentSchemas } from '#src/editor/cms-config.ts';
import { checkContentIntegrity, ContentIntegrityError } from '#src/model/content-model.ts';
import { explainContentError, formatEditorMessage, type ErrorKind } from '#src/editor/messages.ts';
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
      /phải là một danh sách.*units: \["cong-doan-x"\]/,
      /expected array, received string/,
    ],
    [
      '"có" for a yes/no field',
      'news',
      { ...news, draft: 'có' },
      'draft',
      /chỉ nhận true \(có\) hoặc false \(không\).*draft: true/,
      /expected boolean/,
    ],
    ['"không" for a yes/no field', 'awards', { ...award, draft: 'không' }, 'draft', /draft: false/, /expected boolean/],
    [
      'a block given as text',
      'news',
      { ...news, source: 'kiemsat.vn' },
      'source',
      /cần các trường con.*"source:"/,
      /expected object/,
    ],
    [
      'a number where a list item must be text',
      'news',
      { ...news, tags: ['thi đua'], units: [5] },
      'units.0',
      /cần chữ.*- "5"/,
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
      /chỉ nhận một giá trị.*parent: "a"/,
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
      /Thiếu trường bắt buộc "recipients"/,
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
      /content\/news\/hoi-nghi\.md → draft: "draft" chỉ nhận true/,
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
      /content\/units\/x\.md → level: Giá trị không hợp lệ: Invalid input/,
      undefined,
    ],
    [
      'reference',
      integrityError,
      'reference',
      /content\/awards\/2022-bang-khen\.yaml → recipients\[0\]\.unit: không tìm thấy "khong-co" trong content\/units\//,
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
      /publishedAt: .*không phải ngày giờ có thật/,
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
      /hero\.alt: Không được để trống/,
      undefined,
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

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 42, 'chuỗi', {}, { message: 5 }]) {
      expect(() => explainContentError(value)).not.toThrow();
    }
  });
});
