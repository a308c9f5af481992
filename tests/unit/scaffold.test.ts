import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contentSchemas, describeSchema, fieldPaths } from '#src/editor/schema-walker.ts';
import { scaffold, ScaffoldError, type ScaffoldKind } from '#src/editor/scaffold.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { readMarkdownText } from '../support/scaffold-text.ts';

const now = new Date('2026-11-23T14:05:09Z'); // 21:05:09 in Vietnam
const knownUnits = ['cong-doan-vksnd-tinh-quang-ngai', 'lien-doan-lao-dong-tinh-quang-ngai'];

const dataOf = (kind: ScaffoldKind, text: string) => (kind === 'award' ? parse(text) : readMarkdownText(text).data);

describe('scaffold', () => {
  it.each([
    ['news', 'Đại hội Công đoàn cơ sở: nhiệm kỳ 2025–2030', 'news', 'dai-hoi-cong-doan-co-so-nhiem-ky-2025-2030.md'],
    ['news', 'Đoàn viên ĐƯỢC tặng quà Tết', 'news', 'doan-vien-duoc-tang-qua-tet.md'],
    ['award', 'Bằng khen “Hoàn thành xuất sắc nhiệm vụ”', 'awards', '2026-bang-khen-hoan-thanh-xuat-sac-nhiem-vu.yaml'],
    ['unit', 'Công đoàn Trường THPT Lê Lợi', 'units', 'cong-doan-truong-thpt-le-loi.md'],
  ] as const)('%s "%s" → content/%s/%s', (kind, title, folder, fileName) => {
    const file = scaffold(kind, { title, now, knownUnits });
    expect(file.collection).toBe(folder);
    expect(file.fileName).toBe(fileName);
    expect(file.text.normalize('NFC')).toBe(file.text);
  });

  it.each(['news', 'award', 'unit'] as const)(
    '%s: every field of the schema is in the file, set or commented out',
    (kind) => {
      const file = scaffold(kind, { title: 'Tiêu đề thử', now, knownUnits, unit: knownUnits[0] });
      const schema = contentSchemas()[file.collection];
      for (const path of fieldPaths(describeSchema(schema))) {
        const name = path.split('.').pop()!;
        expect(file.text, path).toMatch(new RegExp(`^(# )?\\s*(- )?${name}:`, 'm'));
      }
      // And the file passes the schema as it is (the build test builds it too).
      expect(schema.safeParse(dataOf(kind, file.text)).success).toBe(true);
    },
  );

  it('news: publishedAt is now in +07:00, a draft, with the defaults of the schema', () => {
    const data = dataOf('news', scaffold('news', { title: 'Tin mới', now }).text);
    expect(data).toMatchObject({
      title: 'Tin mới',
      draft: true,
      units: [],
      awards: [],
      tags: [],
      category: 'tin-tuc',
    });
    // YAML reads the unquoted timestamp as a Date; the text keeps the +07:00 offset.
    expect(scaffold('news', { title: 'Tin mới', now }).text).toMatch(/^publishedAt: "2026-11-23T21:05:09\+07:00"$/m);
  });

  it.each([
    [{ unit: 'cong-doan-vksnd-tinh-quang-ngai' }, { kind: 'collective', unit: 'cong-doan-vksnd-tinh-quang-ngai' }],
    [{}, { kind: 'collective', name: 'Tên tập thể hoặc cá nhân được khen thưởng' }],
  ])('award with %o has recipient %o, the year of now in Vietnam, and is a draft', (opts, recipient) => {
    const data = dataOf('award', scaffold('award', { title: 'Giấy khen', now, knownUnits, ...opts }).text);
    expect(data).toMatchObject({
      form: 'bang-khen',
      year: 2026,
      recipients: [recipient],
      status: 'in-force',
      draft: true,
    });
  });

  it('new year in Vietnam before UTC: 31/12 at 20:00 UTC is already next year', () => {
    const data = dataOf('award', scaffold('award', { title: 'Giấy khen', now: new Date('2025-12-31T20:00:00Z') }).text);
    expect(data.year).toBe(2026);
  });

  it('unit: level and parent from the options', () => {
    const data = dataOf(
      'unit',
      scaffold('unit', {
        title: 'Công đoàn X',
        now,
        knownUnits,
        level: 'cong-doan-cap-tren-co-so',
        parent: knownUnits[1],
      }).text,
    );
    expect(data).toMatchObject({
      name: 'Công đoàn X',
      level: 'cong-doan-cap-tren-co-so',
      parent: knownUnits[1],
      aliases: [],
      terms: [],
    });
  });

  it.each([
    [
      'award',
      { title: 'X', unit: 'cong-doan-vksnd' },
      /Không có đơn vị "cong-doan-vksnd".*cong-doan-vksnd-tinh-quang-ngai/,
    ],
    ['unit', { title: 'X', parent: 'khong-co' }, /Không có đơn vị "khong-co" \(tùy chọn --parent\)/],
    ['award', { title: 'X', form: 'bang-khen-tinh' }, /"bang-khen-tinh" \(tùy chọn --form\) không có trong danh mục/],
    ['unit', { title: 'X', level: 'tinh' }, /"tinh" \(tùy chọn --level\) không có trong danh mục/],
    // The closest existing value, with or without tone marks, by id or label.
    [
      'award',
      { title: 'X', unit: 'cong-doan-vksnd-tinh-quang-ngia' },
      /Có phải bạn muốn: `cong-doan-vksnd-tinh-quang-ngai`\?/,
    ],
    [
      'award',
      { title: 'X', form: 'Giấy khen' },
      /"Giấy khen" \(tùy chọn --form\) .*Có phải bạn muốn: `giay-khen` \(Giấy khen\)\?/,
    ],
    ['unit', { title: 'X', level: 'cong-doan-coso' }, /Có phải bạn muốn: `cong-doan-co-so` \(Công đoàn cơ sở\)\?/],
    ['news', { title: '   ' }, /Cần một tiêu đề/],
    ['news', { title: '“…”' }, /Không tạo được tên tệp/],
  ] as const)('%s %o is refused in Vietnamese', (kind, opts, message) => {
    expect(() => scaffold(kind, { now, knownUnits, ...opts })).toThrow(ScaffoldError);
    expect(() => scaffold(kind, { now, knownUnits, ...opts })).toThrow(message);
  });
});

describe('npm run new (scripts/new.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-cli-'));
  cpSync(join(projectRoot, 'content/units'), join(dir, 'units'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/new.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: 'utf8',
    });

  it('writes the file, prints its path, and refuses to overwrite it', () => {
    const first = run('news', 'Hội nghị', 'tổng kết');
    expect(first.status, first.stderr).toBe(0);
    const path = first.stdout.trim();
    expect(path).toMatch(/news\/hoi-nghi-tong-ket\.md$/);
    const text = readFileSync(join(projectRoot, path), 'utf8');
    expect(text).toContain('title: "Hội nghị tổng kết"');

    const second = run('news', 'Hội nghị tổng kết');
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/đã có; không ghi đè/);
    expect(readFileSync(join(projectRoot, path), 'utf8')).toBe(text);
  });

  it('checks --unit against content/units and explains the usage on a wrong kind', () => {
    expect(run('award', 'Bằng khen', '--unit', 'khong-co').stderr).toMatch(/Không có đơn vị "khong-co"/);
    const ok = run('award', 'Bằng khen', '--unit', 'cong-doan-vksnd-tinh-quang-ngai');
    expect(ok.status, ok.stderr).toBe(0);
    const wrong = run('article', 'X');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/phải là news \(bài viết\), award \(khen thưởng\) hoặc unit \(đơn vị\)/);
  });
});
