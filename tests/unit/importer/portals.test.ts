/**
 * Portals the seeds do not cover, one fixture per style (tests/fixtures/import/portals/): WordPress
 * (block and classic themes), Drupal 7 and 10, home-made table layouts, raw text saved from pages
 * with menus, breadcrumb trails, section labels and separator lines, and legacy font encodings
 * (TCVN3, VNI). Each file is checked for title, date, byline, chrome removed and award proposals;
 * the checks are one test each, so a run counts how many pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type InputResult } from '#src/importer/run.ts';
import { FIXTURES, newsIssues, tempContent } from './support.ts';

const PORTALS = join(FIXTURES, 'portals');
const TODAY = '2026-11-23';

interface PortalCase {
  file: string;
  title: string;
  publishedAt: string | null;
  author: string | null;
  /** Page furniture that must not be left in the body. */
  chrome: string[];
  /** Body text that must be kept (nothing of the article lost with the chrome). */
  kept: string[];
  /** Proposed awards: [form, conferring unit's text or null]. */
  awards: [string, string | null][];
  /** Words a note of the report must hold (legacy encodings). */
  note?: string;
}

const PORTAL_CASES: PortalCase[] = [
  {
    file: 'wordpress.html',
    title: 'Liên đoàn Lao động tỉnh Nam Định tặng Bằng khen cho 12 tập thể',
    publishedAt: '2026-12-02T08:15:00+07:00',
    author: 'Trần Thu Hà',
    chrome: [
      '* * *',
      'Chia sẻ',
      'Facebook',
      'Có liên quan',
      'Tết Sum vầy',
      'Để lại',
      'Chúc mừng',
      'Thẻ',
      'Bài trước',
      '©',
    ],
    kept: ['## Những kết quả nổi bật', '- Hơn 3.000 sáng kiến', '> Phong trào thi đua', 'đổi mới nội dung'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'wordpress-classic.html',
    title: 'Công đoàn Bệnh viện Đa khoa tỉnh Nam Định đón nhận Cờ thi đua',
    publishedAt: '2026-12-02T14:30:00+07:00',
    author: 'Ths. Nguyễn Văn Hùng',
    chrome: [
      '-o0o-',
      '___',
      'Bạn đang ở',
      'Facebook',
      'Zalo',
      'Bài viết liên quan',
      'Đại hội Công đoàn',
      'Văn bản mới',
    ],
    kept: ['thăm hỏi hơn 200 lượt đoàn viên'],
    awards: [['co-thi-dua', 'Tổng Liên đoàn Lao động Việt Nam']],
  },
  {
    file: 'drupal7.html',
    title: 'Ký kết thỏa ước lao động tập thể ngành dệt may',
    publishedAt: '2026-12-02T08:15:00+07:00',
    author: 'Nhóm PV',
    chrome: [
      'Trang chủ',
      'Tin tức',
      '* * *',
      'Từ khóa',
      'Đọc thêm',
      'Thêm bình luận',
      'Tin mới',
      'Ban Chấp hành',
      'Bản quyền',
    ],
    kept: ['Thỏa ước có hiệu lực 3 năm', 'ít nhất 5%'],
    awards: [],
  },
  {
    file: 'drupal10.html',
    title: 'Hội thao công nhân viên chức ngành Y tế năm 2026',
    publishedAt: '2026-11-30T16:40:00+07:00',
    author: 'Ban Tuyên giáo Công đoàn ngành Y tế',
    chrome: ['~~~', '•••', 'Thẻ', 'hội thao\n', 'Bình luận', 'Tin mới', 'Tập huấn', '©', 'bientap'],
    kept: ['30 bộ huy chương', 'hoàn thành tốt nhiệm vụ chuyên môn'],
    awards: [],
  },
  {
    file: 'menu-trail.txt',
    title: 'Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Nam Định tổ chức Tết Sum vầy cho đoàn viên',
    publishedAt: '2026-11-30T08:15:00+07:00',
    author: 'Phạm Minh Đức',
    chrome: [
      'Giới thiệu',
      'Bạn đang ở',
      'Hoạt động công đoàn',
      '* * *',
      '---',
      'In bài viết',
      'Các tin khác',
      'Đại hội',
    ],
    kept: ['Mỗi suất quà trị giá 1.000.000 đồng'],
    awards: [['giay-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'slash-trail.txt',
    title: 'Những điểm mới về thời giờ làm việc, thời giờ nghỉ ngơi người lao động cần biết',
    publishedAt: '2026-12-02T00:00:00+07:00',
    author: 'Luật sư Nguyễn Văn Bình',
    chrome: ['Trang chủ', 'Chính sách - Pháp luật', '___', '•••', '===', 'Lượt xem', 'Nguồn'],
    kept: ['không quá 48 giờ trong một tuần', 'kịp thời kiến nghị'],
    awards: [],
  },
  {
    file: 'homemade-table.html',
    title: 'Công đoàn Bệnh viện Đa khoa tỉnh Nam Định tổ chức hội nghị người lao động năm 2026',
    publishedAt: '2026-11-30T10:20:00+07:00',
    author: 'Phạm Thị Lan',
    chrome: ['Trang chủ', 'Liên kết website', '* * * * *', 'Số lần đọc', 'Các tin khác', 'Khám sức khỏe', 'Bản quyền'],
    kept: ['ký kết thỏa ước lao động tập thể'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'tcvn3.txt',
    title: 'Liên đoàn Lao động tỉnh Nam Định trao Bằng khen cho đoàn viên xuất sắc',
    publishedAt: '2009-03-15T09:30:00+07:00',
    author: 'Hoàng Văn Tâm',
    chrome: ['®', 'µ', '«'],
    kept: ['bảo vệ quyền lợi hợp pháp, chính đáng của người lao động'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
    note: 'TCVN3',
  },
  {
    file: 'vni.html',
    title: 'Công đoàn ngành Giáo dục tổng kết năm học 2008 – 2009',
    publishedAt: '2009-06-22T00:00:00+07:00',
    author: 'Nguyễn Thị Thu Hương',
    chrome: ['ñ', 'ø', 'Trang chủ', 'Bản quyền'],
    kept: ['phong trào thi đua “Hai tốt”, chăm lo đời sống cho đội ngũ nhà giáo'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
    note: 'VNI',
  },
  // The same WordPress and Drupal 7 pages copied whole as text (site name, menu one item a line,
  // trail, title, "Đăng ngày … bởi admin", share buttons one a line, related posts, comments).
  {
    file: 'wordpress.txt',
    title: 'Liên đoàn Lao động tỉnh Nam Định tặng Bằng khen cho 12 tập thể',
    publishedAt: '2026-12-02T00:00:00+07:00',
    author: 'Trần Thu Hà',
    chrome: [
      'Chuyển đến',
      'Vì quyền lợi',
      'Giới thiệu',
      'Liên hệ',
      '»',
      'admin',
      '* * *',
      'Chia sẻ',
      'Facebook',
      '\nX\n',
      'Có liên quan',
      'Tết Sum vầy',
      'Thẻ',
      'bình luận',
      '©',
    ],
    kept: ['đổi mới nội dung, hình thức thi đua'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'drupal7.txt',
    title: 'Ký kết thỏa ước lao động tập thể ngành dệt may',
    publishedAt: '2026-12-02T08:15:00+07:00',
    author: 'Nhóm PV',
    chrome: [
      'Chuyển tới',
      'Giới thiệu',
      'Bạn đang ở đây',
      'quantri',
      '* * *',
      'Từ khóa',
      'Đọc thêm',
      'Tin mới',
      'Ban Chấp hành',
      'Bản quyền',
    ],
    kept: ['Thỏa ước có hiệu lực 3 năm', 'ít nhất 5%'],
    awards: [],
  },
  // The next three were written after the rules above, as a held-out check (see the closing
  // note: 12 of their 15 checks passed on first run; the two kinds they exposed, a section label
  // above the date and an author field beside the body, are now rules).
  {
    file: 'wp-newspaper.html',
    title: 'Tổ chức 60 mâm cơm Tết cho công nhân khó khăn',
    publishedAt: '2026-12-01T08:30:00+07:00',
    author: 'Quang Huy',
    chrome: ['\\*\\*\\*', 'Facebook', 'Zalo', 'THẺ', 'Bài trước', 'BÀI LIÊN QUAN', 'Theo dõi', '©', '1.245'],
    kept: ['Mỗi gia đình được nhận một mâm cơm Tết'],
    awards: [['giay-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'drupal-bootstrap.html',
    title: 'Đại hội Công đoàn cơ sở Bệnh viện Đa khoa tỉnh nhiệm kỳ 2026 - 2031',
    publishedAt: '2026-11-27T09:00:00+07:00',
    author: 'Hồng Nhung',
    chrome: ['o0o', 'Từ khóa', 'Tin xem nhiều', 'Bản quyền', 'Ngày đăng'],
    kept: ['bầu Ban Chấp hành gồm 11 đồng chí'],
    awards: [['bang-khen', 'Liên đoàn Lao động tỉnh Nam Định']],
  },
  {
    file: 'copied-page.txt',
    title: 'Trao Kỷ niệm chương cho 20 cán bộ công đoàn tiêu biểu',
    publishedAt: '2026-11-27T09:00:00+07:00',
    author: 'PV',
    chrome: ['Home', 'Thi đua - Khen thưởng', '-----', 'Chia sẻ', 'Bình luận'],
    kept: ['phần thưởng cao quý của Tổng Liên đoàn'],
    awards: [['ky-niem-chuong', null]],
  },
  {
    // A phrase left in TCVN3 inside a Unicode article: reported, not half-repaired.
    file: 'legacy-suspect.txt',
    title: 'Công đoàn cơ sở phát động thi đua cuối năm',
    publishedAt: '2026-12-01T07:30:00+07:00',
    author: 'Đỗ Thanh Hải',
    chrome: [],
    kept: ['“Lao ®éng giái, lao ®éng s¸ng t¹o”'],
    awards: [],
    note: 'KHÔNG tự chuyển',
  },
];

let results: InputResult[] = [];
beforeAll(async () => {
  const tree = tempContent('units');
  // Promise.resolve: the same test whether runImport returns the results or a promise of them.
  results = await Promise.resolve(
    runImport({ inputs: PORTAL_CASES.map((c) => join(PORTALS, c.file)), outDir: tree.news, today: TODAY }),
  );
});
const result = (file: string): InputResult => {
  const r = results.find((x) => x.source.endsWith(`/${file}`));
  if (!r?.ok) throw new Error(`${file} did not import: ${r?.error}`);
  return r;
};

describe.each(PORTAL_CASES)('$file', (c) => {
  it('title', () => expect(result(c.file).title).toBe(c.title));
  it('date', () => expect(result(c.file).publishedAt).toBe(c.publishedAt));
  it('byline', () => expect(result(c.file).author).toBe(c.author));
  it('chrome removed, article kept', () => {
    const body = result(c.file).body!;
    for (const text of c.chrome) expect(body, text).not.toContain(text);
    for (const text of c.kept) expect(body, text).toContain(text);
  });
  it('award proposals', () => {
    const awards = result(c.file).awards!.map((a) => [a.form, a.conferredBy]);
    expect(awards).toEqual(c.awards);
  });
  it('legacy encoding noted only where there is one', () => {
    const notes = result(c.file).notes!.join('\n');
    if (c.note === undefined) expect(notes).not.toContain('bảng mã cũ');
    else expect(notes).toContain(c.note);
  });
  it('writes a valid article', () => {
    expect(newsIssues(join(process.cwd(), result(c.file).files![0]!.path))).toEqual([]);
  });
});

it('the fixtures are the files of the table', () => {
  for (const c of PORTAL_CASES) expect(readFileSync(join(PORTALS, c.file), 'utf8').length).toBeGreaterThan(200);
});
