/**
 * The rules behind the portal fixtures, table-driven: the TCVN3 and VNI tables on real phrases
 * (union names, people, award forms), the whole-text test that decides between repairing and
 * reporting, input that is not UTF-8, word-month dates, role-word bylines, and the chrome kinds
 * (separator lines, breadcrumb trails, menu lines).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '#src/importer/article.ts';
import { parseByline } from '#src/importer/byline.ts';
import { matchChrome } from '#src/importer/chrome.ts';
import { dateLine, parseVietnameseDate } from '#src/importer/dates.ts';
import { decodeInput } from '#src/importer/decode.ts';
import { detectLegacyEncoding, fromTcvn3, fromVni, isVietnameseSyllable } from '#src/importer/legacy-fonts.ts';
import { formatReport, runImport } from '#src/importer/run.ts';
import { UnitMatcher } from '#src/importer/units.ts';
import { FIXTURES, SEEDS, tempContent } from './support.ts';

const PORTALS = join(FIXTURES, 'portals');
const TODAY = '2026-11-23';

describe('legacy font encodings: tables and the whole-text test', () => {
  // Real phrases as .VnTime (TCVN3) and VNI-Times pages show them when read as Latin-1.
  it.each([
    ['C«ng ®oµn', 'Công đoàn'],
    ['Tæng Liªn ®oµn Lao ®éng ViÖt Nam', 'Tổng Liên đoàn Lao động Việt Nam'],
    ['Liªn ®oµn Lao ®éng tØnh Qu¶ng Ng·i', 'Liên đoàn Lao động tỉnh Quảng Ngãi'],
    ['C«ng ®oµn c¬ së', 'Công đoàn cơ sở'],
    ['B»ng khen', 'Bằng khen'],
    ['GiÊy khen', 'Giấy khen'],
    ['Cê thi ®ua', 'Cờ thi đua'],
    [
      'Kû niÖm ch­¬ng V× sù nghiÖp x©y dùng tæ chøc C«ng ®oµn',
      'Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn',
    ],
    ['Hu©n ch­¬ng Lao ®éng h¹ng Ba', 'Huân chương Lao động hạng Ba'],
    ['ChiÕn sÜ thi ®ua c¬ së', 'Chiến sĩ thi đua cơ sở'],
    ['NguyÔn ThÞ Thu H­¬ng', 'Nguyễn Thị Thu Hương'],
    ['§Æng V¨n Th¾ng', 'Đặng Văn Thắng'],
    ['Ng­êi lao ®éng', 'Người lao động'],
    ['Tr­¬ng Quúnh Nh­', 'Trương Quỳnh Như'],
  ])('TCVN3 %s → %s', (legacy, unicode) => {
    expect(fromTcvn3(legacy)).toBe(unicode);
  });

  it.each([
    ['Coâng ñoaøn', 'Công đoàn'],
    ['Toång Lieân ñoaøn Lao ñoäng Vieät Nam', 'Tổng Liên đoàn Lao động Việt Nam'],
    ['Lieân ñoaøn Lao ñoäng tænh Quaûng Ngaõi', 'Liên đoàn Lao động tỉnh Quảng Ngãi'],
    ['Coâng ñoaøn cô sôû', 'Công đoàn cơ sở'],
    ['Baèng khen', 'Bằng khen'],
    ['Giaáy khen', 'Giấy khen'],
    ['Côø thi ñua', 'Cờ thi đua'],
    [
      'Kyû nieäm chöông Vì söï nghieäp xaây döïng toå chöùc Coâng ñoaøn',
      'Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn',
    ],
    ['Huaân chöông Lao ñoäng haïng Ba', 'Huân chương Lao động hạng Ba'],
    ['Chieán só thi ñua cô sôû', 'Chiến sĩ thi đua cơ sở'],
    ['Nguyeãn Thò Thu Höông', 'Nguyễn Thị Thu Hương'],
    ['ÑAÏI HOÄI COÂNG ÑOAØN', 'ĐẠI HỘI CÔNG ĐOÀN'],
    ['Ngöôøi lao ñoäng', 'Người lao động'],
    ['Tröông Quyønh Nhö', 'Trương Quỳnh Như'],
    ['Ñaëng Vaên Thaéng', 'Đặng Văn Thắng'],
  ])('VNI %s → %s', (legacy, unicode) => {
    expect(fromVni(legacy)).toBe(unicode);
  });

  it.each([
    ['Tæng Liªn ®oµn Lao ®éng ViÖt Nam tÆng B»ng khen cho C«ng ®oµn c¬ së', 'tcvn3', true],
    ['Toång Lieân ñoaøn Lao ñoäng Vieät Nam taëng Baèng khen cho Coâng ñoaøn cô sôû', 'vni', true],
    ['Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen cho Công đoàn cơ sở các tỉnh, thành phố.', null, false],
    ['Le café est très bon à Paris, où les élèves étudient à côté du musée.', null, false],
    [
      'Nhiều đoàn viên hưởng ứng khẩu hiệu “Lao ®éng giái, lao ®éng s¸ng t¹o” trong năm nay, đạt kết quả cao, được biểu dương, khen thưởng kịp thời ở các cấp công đoàn.',
      'tcvn3',
      false,
    ],
  ])('%s → %s (certain: %s)', (text, encoding, certain) => {
    const verdict = detectLegacyEncoding(text);
    expect(verdict?.encoding ?? null).toBe(encoding);
    expect(verdict?.certain ?? false).toBe(certain);
  });

  it.each(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')))(
    'seed %s (Unicode) shows no legacy encoding',
    (seed) => {
      expect(detectLegacyEncoding(readFileSync(join(SEEDS, seed), 'utf8'))).toBeNull();
    },
  );

  it.each([
    ['công', true],
    ['nghiêng', true],
    ['khuya', true],
    ['người', true],
    ['giữ', true],
    ['quyết', true],
    ['c«ng', false],
    ['coâng', false],
    ['hoãng', true],
    ['xyz', false],
    ['trường', true],
    ['tắt́', false],
  ])('syllable? %s → %s', (word, ok) => {
    expect(isVietnameseSyllable(word)).toBe(ok);
  });

  it('reads a TCVN3 file saved as raw bytes (not UTF-8), then repairs it', () => {
    const text = readFileSync(join(PORTALS, 'tcvn3.txt'), 'utf8');
    const decoded = decodeInput(Buffer.from(text, 'latin1'), 'bai.txt');
    expect(decoded.notes.join(' ')).toContain('Windows-1252');
    const article = importArticle(decoded.text, decoded.kind, { units: new UnitMatcher([]), today: TODAY });
    expect(article.title).toBe('Liên đoàn Lao động tỉnh Nam Định trao Bằng khen cho đoàn viên xuất sắc');
  });

  it("carries the decoder's note into the import report (a TCVN3 file read as Windows-1252)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'legacy-note-'));
    const text = readFileSync(join(PORTALS, 'tcvn3.txt'), 'utf8');
    writeFileSync(join(dir, 'bai-tcvn3.txt'), Buffer.from(text, 'latin1'));
    const tree = tempContent('units');
    const [result] = await runImport({
      inputs: [join(dir, 'bai-tcvn3.txt')],
      outDir: tree.news,
      today: TODAY,
      dryRun: true,
    });
    expect(result!.ok).toBe(true);
    expect(result!.notes!.join(' ')).toContain('Windows-1252');
    expect(formatReport([result!])).toContain('Windows-1252');
  });

  it.each([
    [
      'iso-8859-1',
      Buffer.from(
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me</p></body></html>',
        'latin1',
      ),
      'Café crème',
    ],
    [
      'windows-1258',
      Buffer.from([
        ...Buffer.from(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>C',
        ),
        0xf4,
        0x6e,
        0x67,
        0x20,
        0xf0,
        0x6f,
        0x61,
        0xcc,
        0x6e,
        ...Buffer.from('</p></body></html>'),
      ]),
      'Công đoàn',
    ],
  ])('reads a page that is not UTF-8 in the charset it declares (%s)', (_name, bytes, text) => {
    const decoded = decodeInput(bytes, 'page.html');
    expect(decoded.kind).toBe('html');
    expect(decoded.text.normalize('NFC')).toContain(text);
  });

  it('takes the charset an HTTP response names over none in the page', () => {
    const bytes = Buffer.from('<html><body><p>Caf\xe9 cr\xe8me</p></body></html>', 'latin1');
    expect(() => decodeInput(bytes, 'page.html')).toThrow('UTF-8');
    expect(decodeInput(bytes, 'page.html', 'ISO-8859-1').text).toContain('Café crème');
  });

  it('still refuses bytes that are neither UTF-8 nor a declared or certain legacy text', () => {
    expect(() =>
      decodeInput(Buffer.from('Tin c\xf3ng \xf0o\xe0n\n\nN\xf4i dung b\xe0i vi\xeat.\n', 'latin1'), 'x.txt'),
    ).toThrow('UTF-8');
  });
});

describe('dates as WordPress and Drupal print them', () => {
  it.each([
    ['Thứ Hai, 02/12/2026 - 08:15', '2026-12-02T08:15:00+07:00'],
    ['02 Tháng Mười Hai, 2026', '2026-12-02T00:00:00+07:00'],
    ['2 tháng 12, 2026', '2026-12-02T00:00:00+07:00'],
    ['Tháng Mười Hai 2, 2026', '2026-12-02T00:00:00+07:00'],
    ['15 Tháng Năm, 2025 lúc 7:05 sáng', '2025-05-15T07:05:00+07:00'],
    ['1 tháng Giêng năm 2024', '2024-01-01T00:00:00+07:00'],
    ['Đăng ngày 30 Tháng Mười Một, 2026', '2026-11-30T00:00:00+07:00'],
    ['02 Tháng Mười Hai 2026', '2026-12-02T00:00:00+07:00'],
    ['Gửi bởi quantri vào T4, 02/12/2026 - 08:15', '2026-12-02T08:15:00+07:00'],
    ['Đăng ngày 02 Tháng Mười Hai, 2026 bởi admin', '2026-12-02T00:00:00+07:00'],
    ['Posted by admin on 02/12/2026', '2026-12-02T00:00:00+07:00'],
    ['2 tháng năm năm 2025', '2025-05-02T00:00:00+07:00'],
  ])('%s → %s', (line, iso) => {
    expect(dateLine(line)?.iso).toBe(iso);
  });
});

it.each([['trong 12 tháng năm 2025'], ['Tháng Năm rực rỡ 2025']])('not a date: %s', (text) => {
  expect(parseVietnameseDate(text)).toBeNull();
});

describe('bylines by role word, collective and unit signatures', () => {
  it.each([
    ['Tin, ảnh: Trần Thu Hà', 'Trần Thu Hà'],
    ['Bài và ảnh: Hoàng Minh', 'Hoàng Minh'],
    ['Tin và ảnh - Lê Văn Nam', 'Lê Văn Nam'],
    ['Thực hiện: Nguyễn Minh Đức', 'Nguyễn Minh Đức'],
    ['Phóng viên: Hoàng Văn Tâm', 'Hoàng Văn Tâm'],
    ['Người viết: Phạm Thị Lan', 'Phạm Thị Lan'],
    ['Tác giả: Nguyễn Thị Thu Hương', 'Nguyễn Thị Thu Hương'],
    ['Trình bày: Mai Anh', 'Mai Anh'],
    ['Nhóm PV', 'Nhóm PV'],
    ['CTV Minh Hà', 'CTV Minh Hà'],
    ['BBT', 'BBT'],
    ['Ban Tuyên giáo', 'Ban Tuyên giáo'],
    ['Ban Tuyên giáo – Nữ công LĐLĐ tỉnh', 'Ban Tuyên giáo – Nữ công LĐLĐ tỉnh'],
    ['Ths. Nguyễn Văn Hùng', 'Ths. Nguyễn Văn Hùng'],
    ['Luật sư Nguyễn Văn Bình', 'Luật sư Nguyễn Văn Bình'],
    ['Thạc sĩ Lê Thị Hoa', 'Thạc sĩ Lê Thị Hoa'],
    ['Nguyễn Văn An (LĐLĐ tỉnh Nam Định)', 'Nguyễn Văn An (LĐLĐ tỉnh Nam Định)'],
  ])('%s → %s', (line, author) => {
    expect(parseByline(line)).toEqual({ author, source: null });
  });

  it.each([
    ['Ban Chấp hành Công đoàn cơ sở đã họp và thống nhất nhiều nội dung quan trọng cho năm tới.'],
    ['Phòng Tổ chức đã hoàn thành kế hoạch.'],
    ['Cộng tác viên tích cực của bản tin là những đoàn viên trẻ.'],
  ])('not a byline: %s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('chrome kinds: separators, trails, menus', () => {
  it.each([
    ['* * *', 'separator'],
    ['***', 'separator'],
    ['---', 'separator'],
    ['___', 'separator'],
    ['•••', 'separator'],
    ['===', 'separator'],
    ['~~~', 'separator'],
    ['-o0o-', 'separator'],
    ['---oOo---', 'separator'],
    ['❖❖❖', 'separator'],
    ['. . .', 'separator'],
    ['Trang chủ / Tin tức', 'breadcrumb'],
    ['Trang chủ » Tin tức » Hoạt động', 'breadcrumb'],
    ['Bạn đang ở: Trang chủ / Tin tức', 'breadcrumb'],
    ['Vị trí hiện tại: Tin tức', 'breadcrumb'],
    ['Tin tức › Hoạt động công đoàn › Văn hóa thể thao', 'breadcrumb'],
    ['Trang chủ | Giới thiệu | Tin tức | Liên hệ', 'breadcrumb'],
    ['Giới thiệu | Tin tức | Văn bản | Liên hệ', 'navigation'],
    ['Tin tức - Sự kiện', 'navigation'],
    ['Trang chủ', 'navigation'],
    ['Chuyển đến nội dung', 'navigation'],
    ['Bỏ qua nội dung chính', 'navigation'],
    ['Bạn đang ở đây', 'breadcrumb'],
    ['Có liên quan', 'related'],
  ])('%s → %s', (text, rule) => {
    expect(matchChrome(text)?.id).toBe(rule);
  });

  it.each([
    ['Hoạt động công đoàn'],
    ['Tin tức'],
    ['Đồng chí Chủ tịch phát biểu: “Công đoàn phải là chỗ dựa của người lao động”.'],
    ['100'],
    ['A - B'],
    ['Điểm mới: lương tăng 5% - 7% tùy vùng'],
  ])('body text stays: %s', (text) => {
    expect(matchChrome(text)).toBeNull();
  });
});

describe('the title of a text whose header came with it', () => {
  const body =
    'Sáng 1/12, Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026 với sự tham dự của đông đảo đoàn viên, người lao động trong toàn đơn vị.';
  it.each([
    // site name, slogan, menu items one a line, a trail, then the title over its date
    [
      [
        'Công đoàn Nam Định',
        'Vì quyền lợi người lao động',
        'Trang chủ',
        'Giới thiệu',
        'Tin tức',
        'Trang chủ » Tin tức',
        'Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026',
        '02/12/2026 08:15',
      ],
      'Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026',
      '2026-12-02',
    ],
    // a section label, the date, the title
    [
      ['Trang chủ / Tin tức', 'Hoạt động công đoàn', '02/12/2026', 'Công đoàn cơ sở tổ chức hội nghị người lao động'],
      'Công đoàn cơ sở tổ chức hội nghị người lao động',
      '2026-12-02',
    ],
    // a section label right above the title
    [
      ['Hoạt động công đoàn', 'Công đoàn cơ sở tổ chức hội nghị người lao động', '02/12/2026'],
      'Công đoàn cơ sở tổ chức hội nghị người lao động',
      '2026-12-02',
    ],
    // title and date only: as before
    [['Hội nghị người lao động năm 2026', '02/12/2026 08:15'], 'Hội nghị người lao động năm 2026', '2026-12-02'],
    // a long line above the title is not a site header: read from the top as before, where the
    // header stops at the second title-like line (its date is not reached: a known limit)
    [
      [
        'Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026 tại hội trường lớn',
        'Hội nghị thành công',
        '02/12/2026',
      ],
      'Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026 tại hội trường lớn',
      null,
    ],
  ] as [string[], string, string | null][])('%j → %s', (header, title, day) => {
    const article = importArticle([...header, '', body].join('\n'), 'text', {
      units: new UnitMatcher([]),
      today: TODAY,
    });
    expect(article.title).toBe(title);
    expect(article.publishedAt?.slice(0, 10) ?? null).toBe(day);
  });
});

describe('the title of a saved page', () => {
  const para =
    '<p>Sáng 1/12, Công đoàn cơ sở tổ chức hội nghị người lao động năm 2026 với sự tham dự của đông đảo đoàn viên, người lao động trong toàn đơn vị, bàn nhiều nội dung thiết thực.</p>';
  const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
  it.each([
    [
      'a site-name <h1> in the header, the post title in an <h2>',
      page(
        '<title>Hội nghị người lao động năm 2026 – Công đoàn X</title>',
        `<header class="site-header"><h1 class="site-title">Công đoàn X</h1></header><article class="post"><h2 class="entry-title">Hội nghị người lao động năm 2026</h2><div class="entry-content">${para}</div></article>`,
      ),
    ],
    [
      "a sidebar widget's title before the post's",
      page(
        '',
        `<aside class="sidebar"><h2 class="widget-title">Bài viết mới</h2></aside><div class="post"><h3 class="post-title">Hội nghị người lao động năm 2026</h3><div class="post-body">${para}</div></div>`,
      ),
    ],
    [
      'no heading: the longest part of <title> that is not the site name',
      page('<title>Tin tức | Hội nghị người lao động năm 2026 | Công đoàn X</title>', `<div>${para}</div>`),
    ],
    [
      'a logo <h1> and og:title',
      page(
        '<meta property="og:title" content="Hội nghị người lao động năm 2026">',
        `<div class="logo"><h1>Công đoàn X</h1></div><div class="content-detail">${para}</div>`,
      ),
    ],
    [
      "the comments' heading holds the title too",
      page(
        '',
        `<div class="post-content">${para}</div><div id="comments"><h3 class="comments-title">2 bình luận về “Hội nghị người lao động năm 2026 tại đơn vị”</h3></div><h2 class="entry-title">Hội nghị người lao động năm 2026</h2>`,
      ),
    ],
  ])('%s', (_case, html) => {
    const article = importArticle(html, 'html', { units: new UnitMatcher([]), today: TODAY });
    expect(article.title).toBe('Hội nghị người lao động năm 2026');
  });
});
