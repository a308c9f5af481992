/**
 * Every collection schema with valid and invalid examples. Each invalid example asserts the
 * field path and a distinctive part of the Vietnamese message an editor will read.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, schemas } from '../support/schema-tools.ts';

/** A copy of `base` with `path` ("a.b.0.c") set to `value` (or removed when value is DELETE). */
const DELETE = Symbol('delete');
function withField<T>(base: T, path: string, value: unknown): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let cursor: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) cursor = cursor[k] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === DELETE) delete cursor[last];
  else cursor[last] = value;
  return copy as T;
}

/** "Công đoàn" written with decomposed marks (NFD), as some editors and scrapers produce. */
const NFD_TEXT = 'Công đoàn Viên chức'.normalize('NFD');

const validNews = {
  title: 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh',
  summary: 'Năm 2022, Công đoàn cơ sở VKSND tỉnh Quảng Ngãi được tặng Bằng khen.',
  publishedAt: '2023-02-02T16:18:00+07:00',
  updatedAt: '2023-02-03T08:00:00+07:00',
  author: 'Tô Thị Ái, Công đoàn Viên chức tỉnh',
  source: { name: 'kiemsat.vn', url: 'https://kiemsat.vn/' },
  units: ['cong-doan-vksnd-tinh-quang-ngai'],
  awards: ['2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai'],
  tags: ['thi đua'],
  category: 'thi-dua-khen-thuong',
  hero: { image: './hoi-nghi.jpg', alt: 'Quang cảnh Hội nghị', caption: 'Quang cảnh Hội nghị.' },
  draft: false,
};

const validAward = {
  form: 'bang-khen',
  title: 'Hoàn thành xuất sắc nhiệm vụ',
  conferredBy: { unit: 'lien-doan-lao-dong-tinh-quang-ngai', level: 'lien-doan-tinh' },
  year: 2022,
  decision: { number: '38/QĐ-LĐLĐ', date: '2023-01-15' },
  recipients: [
    { kind: 'collective', unit: 'cong-doan-vksnd-tinh-quang-ngai' },
    {
      kind: 'individual',
      name: 'Nguyễn Văn A',
      role: 'Phó Chủ tịch Công đoàn',
      unit: 'cong-doan-vksnd-tinh-quang-ngai',
    },
  ],
  campaign: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  article: 'cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh',
  citation: 'Liên đoàn Lao động tỉnh Quảng Ngãi tặng Bằng khen…',
};

const validUnit = {
  name: 'Công đoàn Viên chức tỉnh Bắc Giang',
  shortName: 'CĐVC tỉnh Bắc Giang',
  aliases: ['Công đoàn Viên chức tỉnh Bắc Giang'],
  level: 'cong-doan-cap-tren-co-so',
  parent: 'lien-doan-lao-dong-tinh-bac-giang',
  province: 'Bắc Giang',
  foundedOn: '1996-06-22',
  terms: [{ from: 2018, to: 2023, congress: 'lần thứ V', leaders: [{ name: 'Nguyễn Văn B', role: 'Chủ tịch' }] }],
  figures: [{ year: 2023, members: 3120, baseUnions: 55 }],
  contact: { address: 'Bắc Giang', phone: '0204 000 000', email: 'congdoan@example.vn' },
  website: 'https://congdoan.example.vn/',
  lineage: [{ relation: 'successor', unit: 'cong-doan-vien-chuc-tinh-bac-ninh', date: '2025-07-01', kind: 'merged' }],
};

describe('news schema', () => {
  it('accepts a complete article and resolves references and dates', () => {
    const result = schemas.news.parse(validNews);
    expect(result.publishedAt).toEqual(new Date('2023-02-02T09:18:00Z'));
    expect(result.units).toEqual([{ id: 'cong-doan-vksnd-tinh-quang-ngai', collection: 'units' }]);
    expect(result.awards[0]).toEqual({
      id: '2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai',
      collection: 'awards',
    });
  });

  it('accepts a minimal article and fills the defaults', () => {
    const result = schemas.news.parse({ title: 'Tin', summary: 'Tóm tắt.', publishedAt: '2023-02-02T16:18:00+07:00' });
    expect(result).toMatchObject({ units: [], awards: [], tags: [], category: 'tin-tuc', draft: false });
  });

  it('accepts an undated article (the source states no date) and a YAML Date', () => {
    expect(schemas.news.parse({ title: 'Tin', summary: 'Tóm tắt.' }).publishedAt).toBeUndefined();
    const d = new Date('2016-10-27T03:56:00Z');
    expect(schemas.news.parse({ title: 'Tin', summary: 'Tóm tắt.', publishedAt: d }).publishedAt).toEqual(d);
  });

  it.each([
    ['missing title', 'title', DELETE, 'Cần một đoạn chữ'],
    ['title of the wrong type', 'title', ['a'], 'Cần một đoạn chữ'],
    [
      'title YAML read as a number (0b101)',
      'title',
      5,
      'YAML đọc giá trị này là số, không phải chữ; hãy đặt chữ trong ngoặc kép',
    ],
    ['title YAML read as a date (2023-03-10)', 'title', new Date('2023-03-10'), 'YAML đọc giá trị này là ngày tháng'],
    ['escape character in the title', 'title', 'Hội nghị \u001b[31m', 'Có ký tự điều khiển ẩn U+001B'],
    ['bidi override in the summary', 'summary', 'Tóm tắt \u202egnas', 'Có ký tự điều khiển ẩn U+202E'],
    [
      'javascript: source url',
      'source.url',
      'javascript:alert(1)',
      'không được dùng: chỉ nhận địa chỉ web bắt đầu bằng https://',
    ],
    ['data: source url', 'source.url', 'data:text/html,x', 'không được dùng'],
    ['blank title', 'title', '   ', 'Không được để trống'],
    ['missing summary', 'summary', DELETE, 'Cần một đoạn chữ'],
    ['title not NFC', 'title', NFD_TEXT, 'dạng dựng sẵn (NFC)'],
    ['day-first date as the portal prints it', 'publishedAt', '02/02/2023', 'không đúng dạng ngày giờ'],
    ['date-time without an offset', 'publishedAt', '2023-02-02T16:18:00', 'không đúng dạng ngày giờ'],
    ['30 February', 'publishedAt', '2023-02-30T10:00:00+07:00', 'không phải ngày giờ có thật'],
    ['hour 24', 'publishedAt', '2023-02-02T24:10:00+07:00', 'không phải ngày giờ có thật'],
    ['date as a number', 'publishedAt', 20230202, 'Cần ngày giờ có múi giờ'],
    ['updatedAt before publishedAt', 'updatedAt', '2023-02-01T08:00:00+07:00', 'updatedAt phải sau publishedAt'],
    ['unknown category', 'category', 'the-thao', 'Chuyên mục (category) "the-thao" không có trong danh mục'],
    ['bad source url', 'source.url', 'kiemsat.vn', 'Cần một địa chỉ web đầy đủ'],
    ['source without name', 'source.name', DELETE, 'Cần một đoạn chữ'],
    ['hero without alt text', 'hero.alt', DELETE, 'Cần một đoạn chữ'],
    ['blank hero alt text', 'hero.alt', '', 'Không được để trống'],
    ['blank tag', 'tags', ['thi đua', ''], 'Không được để trống'],
    [
      'misspelt field (would be lost)',
      'ngayDang',
      '2023-02-02T16:18:00+07:00',
      'Trường không có trong mẫu: "ngayDang"',
    ],
    ['unknown field inside source', 'source.link', 'https://kiemsat.vn/', 'Trường không có trong mẫu: "link"'],
  ])('rejects %s', (_case, field, value, message) => {
    const issues = issuesOf(schemas.news, withField(validNews, field, value));
    const expectedPath =
      ({ tags: 'tags.1', ngayDang: '', 'source.link': 'source' } as Record<string, string>)[field] ?? field;
    expect(issues).toContainEqual({ path: expectedPath, message: expect.stringContaining(message) });
  });
});

describe('award schema', () => {
  it('accepts a complete record and resolves its references', () => {
    const result = schemas.awards.parse(validAward);
    expect(result.conferredBy?.unit).toEqual({ id: 'lien-doan-lao-dong-tinh-quang-ngai', collection: 'units' });
    expect(result.article).toEqual({ id: 'cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh', collection: 'news' });
    expect(result.status).toBe('in-force');
    expect(result.decision?.date).toBe('2023-01-15');
  });

  it.each([
    ['a named authority', { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' }],
    ['no conferrer (the source does not say)', DELETE],
  ])('accepts a record with %s as conferrer', (_case, conferredBy) => {
    expect(issuesOf(schemas.awards, withField(validAward, 'conferredBy', conferredBy))).toEqual([]);
  });

  it('accepts a revoked record with its revocation', () => {
    const revoked = {
      ...validAward,
      status: 'revoked',
      revocation: { date: '2024-03-01', reason: 'Quyết định thu hồi do khai sai thành tích.' },
    };
    expect(issuesOf(schemas.awards, revoked)).toEqual([]);
  });

  it('accepts YAML dates (unquoted) for the decision date', () => {
    const result = schemas.awards.parse(withField(validAward, 'decision.date', new Date('2023-07-24T00:00:00Z')));
    expect(result.decision?.date).toBe('2023-07-24');
  });

  it.each([
    [
      'unknown award form',
      'form',
      'bang-khen-tinh',
      'form',
      'Hình thức khen thưởng (form) "bang-khen-tinh" không có trong danh mục',
    ],
    ['missing form', 'form', DELETE, 'form', 'Hình thức khen thưởng (form)'],
    [
      'unknown conferrer level',
      'conferredBy.level',
      'xa',
      'conferredBy.level',
      'Cấp của cơ quan khen thưởng (conferredBy.level) "xa" không có trong danh mục',
    ],
    ['conferrer with neither unit nor name', 'conferredBy', { level: 'tinh' }, 'conferredBy', 'conferredBy cần "unit"'],
    ['empty recipients', 'recipients', [], 'recipients', 'Cần ít nhất một người nhận'],
    [
      'recipient with neither unit nor name',
      'recipients',
      [{ kind: 'collective' }],
      'recipients.0',
      'Mỗi người nhận (recipients) cần "unit"',
    ],
    [
      'unknown recipient kind',
      'recipients',
      [{ kind: 'group', unit: 'x' }],
      'recipients.0.kind',
      'Loại người nhận (recipients[0].kind) "group" không có trong danh mục',
    ],
    ['year as text', 'year', '2022', 'year', 'Cần một năm bằng số'],
    ['missing year', 'year', DELETE, 'year', 'Cần một năm bằng số'],
    ['year before 1945', 'year', 1930, 'year', 'Năm phải từ 1945 trở đi'],
    ['fractional year', 'year', 2022.5, 'year', 'Năm phải là số nguyên'],
    ['day-first decision date', 'decision.date', '24/7/2023', 'decision.date', 'không phải ngày hợp lệ'],
    ['impossible decision date', 'decision.date', '2023-02-29', 'decision.date', 'không phải ngày hợp lệ'],
    [
      'unknown status',
      'status',
      'expired',
      'status',
      'Hiệu lực (status) "expired" không có trong danh mục. Chọn một trong: in-force (Còn hiệu lực)',
    ],
    ['revoked without revocation', 'status', 'revoked', 'revocation', 'cần "revocation" với ngày và lý do'],
    [
      'revocation on a record in force',
      'revocation',
      { date: '2024-03-01', reason: 'Thu hồi.' },
      'status',
      'Có "revocation" nhưng status không phải revoked',
    ],
    ['revocation without reason', 'revocation', { date: '2024-03-01' }, 'revocation.reason', 'Cần một đoạn chữ'],
    ['citation not NFC', 'citation', NFD_TEXT, 'citation', 'dạng dựng sẵn (NFC)'],
    [
      'misspelt recipient field',
      'recipients',
      [{ kind: 'collective', units: 'x' }],
      'recipients.0',
      'Trường không có trong mẫu: "units"',
    ],
  ])('rejects %s', (_case, field, value, path, message) => {
    const issues = issuesOf(schemas.awards, withField(validAward, field, value));
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});

describe('unit schema', () => {
  it('accepts a complete profile and resolves parent and lineage', () => {
    const result = schemas.units.parse(validUnit);
    expect(result.parent).toEqual({ id: 'lien-doan-lao-dong-tinh-bac-giang', collection: 'units' });
    expect(result.lineage[0]?.unit).toEqual({ id: 'cong-doan-vien-chuc-tinh-bac-ninh', collection: 'units' });
    expect(result.foundedOn).toBe('1996-06-22');
  });

  it('accepts a minimal profile', () => {
    expect(schemas.units.parse({ name: 'Viện kiểm sát nhân dân tối cao', level: 'co-quan' })).toMatchObject({
      aliases: [],
      terms: [],
      figures: [],
      lineage: [],
    });
  });

  it.each([
    ['missing name', 'name', DELETE, 'name', 'Cần một đoạn chữ'],
    ['name not NFC', 'name', NFD_TEXT, 'name', 'dạng dựng sẵn (NFC)'],
    [
      'unknown unit level',
      'level',
      'cong-doan-tinh',
      'level',
      'Cấp đơn vị (level) "cong-doan-tinh" không có trong danh mục',
    ],
    ['day-first founding date', 'foundedOn', '22/6/1996', 'foundedOn', 'không phải ngày hợp lệ'],
    ['impossible founding date', 'foundedOn', '1996-06-31', 'foundedOn', 'không phải ngày hợp lệ'],
    [
      'term ending before it starts',
      'terms',
      [{ from: 2023, to: 2018 }],
      'terms.0.to',
      'Năm kết thúc nhiệm kỳ (to) phải sau năm bắt đầu',
    ],
    ['term year as text', 'terms', [{ from: '2018', to: 2023 }], 'terms.0.from', 'Cần một năm bằng số'],
    [
      'leader without role',
      'terms',
      [{ from: 2018, to: 2023, leaders: [{ name: 'Nguyễn Văn B' }] }],
      'terms.0.leaders.0.role',
      'Cần một đoạn chữ',
    ],
    ['bad email', 'contact.email', 'congdoan@', 'contact.email', 'Email không hợp lệ'],
    ['bad website', 'website', 'congdoan.example.vn', 'website', 'Cần một địa chỉ web đầy đủ'],
    ['javascript: website', 'website', 'javascript:alert(1)', 'website', 'không được dùng: chỉ nhận địa chỉ web'],
    [
      'figure source with a bidi override',
      'figures',
      [{ year: 2024, source: 'ma-bai\u202e' }],
      'figures.0.source',
      'U+202E',
    ],
    [
      'unknown lineage relation',
      'lineage',
      [{ relation: 'parent', unit: 'x', date: '2025-07-01', kind: 'merged' }],
      'lineage.0.relation',
      'Quan hệ (lineage[0].relation) "parent" không có trong danh mục. Chọn một trong: predecessor (Đơn vị tiền thân)',
    ],
    [
      'unknown lineage kind',
      'lineage',
      [{ relation: 'successor', unit: 'x', date: '2025-07-01', kind: 'absorbed' }],
      'lineage.0.kind',
      'Hình thức (lineage[0].kind) "absorbed" không có trong danh mục',
    ],
    ['negative member count', 'figures', [{ year: 2023, members: -1 }], 'figures.0.members', 'Không được là số âm'],
    ['member count as text', 'figures', [{ year: 2023, members: '3.120' }], 'figures.0.members', 'Cần một số'],
    [
      'misspelt figures field (would be lost)',
      'figures',
      [{ year: 2023, member: 3120 }],
      'figures.0',
      'Trường không có trong mẫu: "member"',
    ],
    [
      'misspelt leader field',
      'terms',
      [{ from: 2018, to: 2023, leaders: [{ name: 'A', role: 'Chủ tịch', chucVu: 'x' }] }],
      'terms.0.leaders.0',
      'Trường không có trong mẫu: "chucVu"',
    ],
    [
      'lineage without date',
      'lineage',
      [{ relation: 'successor', unit: 'x', kind: 'merged' }],
      'lineage.0.date',
      'Cần một ngày dạng năm-tháng-ngày',
    ],
  ])('rejects %s', (_case, field, value, path, message) => {
    const issues = issuesOf(schemas.units, withField(validUnit, field, value));
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
