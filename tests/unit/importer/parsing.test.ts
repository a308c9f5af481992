/** Table-driven tests of the importer's pure pieces: dates, bylines, chrome rules, text repair, blocks, units, awards. */
import { describe, expect, it } from 'vitest';
import { awardsInSentence, sentences } from '#src/importer/awards.ts';
import { isHardWrapped, linesToBlocks, rawLines } from '#src/importer/blocks.ts';
import { parseByline } from '#src/importer/byline.ts';
import { matchChrome } from '#src/importer/chrome.ts';
import { dateLine, isTodayBanner, leadDate, parseVietnameseDate } from '#src/importer/dates.ts';
import { decodeInput } from '#src/importer/decode.ts';
import { decide, sha256 } from '#src/importer/manifest.ts';
import { repairText } from '#src/importer/text-repair.ts';
import { UnitMatcher } from '#src/importer/units.ts';

describe('dates', () => {
  it.each([
    ['02/02/2023 16:18', '2023-02-02T16:18:00+07:00'],
    ['Chủ nhật - 18/06/2023 23:05', '2023-06-18T23:05:00+07:00'],
    ['Thứ năm, 27 Tháng 10 2016 10:56', '2016-10-27T10:56:00+07:00'],
    ['Cập nhật lúc 08:30 ngày 25/11/2022', '2022-11-25T08:30:00+07:00'],
    ['Thứ Sáu, 25/11/2022, 08:30 (GMT+7)', '2022-11-25T08:30:00+07:00'],
    ['25-11-2022', '2022-11-25T00:00:00+07:00'],
    ['25.11.2022 - 7h30', '2022-11-25T07:30:00+07:00'],
    ['Ngày đăng: 5/1/2024', '2024-01-05T00:00:00+07:00'],
    ['ngày 25 tháng 11 năm 2022', '2022-11-25T00:00:00+07:00'],
    ['2022-11-25T08:30:00+07:00', '2022-11-25T08:30:00+07:00'],
    ['Đăng lúc 2:05 PM ngày 25/11/2022', '2022-11-25T14:05:00+07:00'],
  ])('%s → %s', (line, iso) => {
    expect(dateLine(line)?.iso).toBe(iso);
  });

  it.each([
    ['31/02/2023 10:00'], // no such day
    ['25/13/2022'],
    ['Thực hiện Chỉ thị số 30-CT/TW ngày 18/2/1998 của Bộ Chính trị'], // a date inside a sentence is not a date line
    ['Công đoàn Viên chức tỉnh Bắc Giang'],
  ])('%s is not a date line', (line) => {
    expect(dateLine(line)).toBeNull();
  });

  it.each([
    ['Hôm nay: Thứ Hai, 23/11/2026', true],
    ['Thứ Hai, 23/11/2026', true], // the run day with a weekday and no time: the portal's banner
    ['Thứ Hai, 23/11/2026 08:15', false], // with a time it is an article published today
    ['23/11/2026', false],
    ['Chủ nhật - 18/06/2023 23:05', false],
  ])('today banner? %s → %s', (line, banner) => {
    expect(isTodayBanner(line, parseVietnameseDate(line)!, '2026-11-23')).toBe(banner);
  });

  it.each([
    ['Ngày 25/11/2022, LĐLĐ tỉnh tổ chức hội nghị.', '2022-11-25T00:00:00+07:00'],
    ['(LĐ) - Sáng ngày 3/1/2024, Công đoàn tổ chức', '2024-01-03T00:00:00+07:00'],
    ['Chiều ngày 5 tháng 6 năm 2023, tại Hà Nội', '2023-06-05T00:00:00+07:00'],
    ['Trong năm 2022, Công đoàn…', null],
    ['Thực hiện Chỉ thị ngày 18/2/1998, …', null],
  ])('lead "%s" → %s', (text, iso) => {
    expect(leadDate(text)?.iso ?? null).toBe(iso);
  });
});

describe('bylines', () => {
  it.each([
    ['Tin & ảnh: Tô Thị Ái, Công đoàn Viên chức tỉnh', 'Tô Thị Ái, Công đoàn Viên chức tỉnh', null],
    ['Tin, ảnh: Lê Văn Nam', 'Lê Văn Nam', null],
    ['Bài và ảnh: Hoàng Minh', 'Hoàng Minh', null],
    ['Đắc Thái', 'Đắc Thái', null],
    [
      'Nguyễn Thị Thu Mong - Tổ công đoàn Thanh tra & Khiếu tố',
      'Nguyễn Thị Thu Mong – Tổ công đoàn Thanh tra & Khiếu tố',
      null,
    ],
    [
      'PGS-TS Thân Minh Quế, TUV- Bí thư Đảng uỷ Các cơ quan tỉnh',
      'PGS-TS Thân Minh Quế, TUV – Bí thư Đảng uỷ Các cơ quan tỉnh',
      null,
    ],
    ['ThS. Nguyễn Văn Hùng', 'ThS. Nguyễn Văn Hùng', null],
    ['(kiemsat.vn)', null, 'kiemsat.vn'],
    ['Theo Báo Lao Động', null, 'Báo Lao Động'],
    ['Nguồn: congdoan.vn', null, 'congdoan.vn'],
  ])('%s', (line, author, source) => {
    expect(parseByline(line)).toEqual({ author, source });
  });

  it.each([
    ['Công đoàn cơ sở tổ chức hội nghị.'],
    ['Một là, tiếp tục đẩy mạnh công tác chính trị, tư tưởng'],
    ['Quang cảnh Hội nghị.'],
    ['Theo báo cáo, từ đầu năm 2022 đến nay, các Công đoàn bộ phận trực thuộc đã vận động cán bộ.'],
  ])('not a byline: %s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('chrome rules (kinds, not sites)', () => {
  it.each([
    ['(0) Bình luận', 'comments'],
    ['Bài viết chưa có bình luận nào.', 'comments'],
    ['Gửi bình luận', 'comments'],
    ['Ý kiến bạn đọc', 'comments'],
    ['Tổng số điểm của bài viết là: 0 trong 0 đánh giá', 'rating'],
    ['Click để đánh giá bài viết', 'rating'],
    ['Mã bảo mật', 'captcha'],
    ['Mã xác nhận:', 'captcha'],
    ['lên đầu trang', 'back-to-top'],
    ['Về đầu trang', 'back-to-top'],
    ['Tin liên quan', 'related'],
    ['Các tin khác', 'related'],
    ['Bài viết khác:', 'related'],
    ['Đang truy cập75', 'counter'],
    ['Tổng lượt truy cập16,570,808', 'counter'],
    ['Thăm dò ý kiến', 'poll'],
    ['Chia sẻ', 'share'],
    ['In bài viết | Gửi email', 'share'],
    ['Facebook Twitter Zalo', 'share'],
    ['Cỡ chữ: A A A', 'font-size'],
    ['Lượt xem: 245', 'views'],
    ['Trang chủ > Tin tức > Hoạt động', 'breadcrumb'],
    ['Từ khóa: thi đua, khen thưởng', 'tags'],
    ['Tags: công đoàn', 'tags'],
    ['© 2022 Liên đoàn Lao động tỉnh', 'copyright'],
    ['Bản quyền thuộc Công đoàn Viên chức tỉnh', 'copyright'],
    ['leftcenterrightdel', 'photo-table'],
    ['leftcenterright', 'photo-table'],
    ['ẢNH HOẠT ĐỘNG', 'sidebar-heading'],
    ['Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây', 'session'],
  ])('%s → %s', (text, rule) => {
    expect(matchChrome(text)?.id).toBe(rule);
  });

  it.each([
    ['Công đoàn cơ sở tổ chức hội nghị lấy ý kiến bạn đọc về dự thảo quy chế.'],
    ['Bình luận của đồng chí Chủ tịch về kết quả thi đua được nhiều đại biểu đồng tình.'],
    ['Thống kê cho thấy 100% đoàn viên được đóng bảo hiểm xã hội theo quy định.'],
    ['Quang cảnh Hội nghị.'],
    ['Đắc Thái'],
  ])('body text stays: %s', (text) => {
    expect(matchChrome(text)).toBeNull();
  });
});

describe('text repair', () => {
  it.each([
    ['Nhà n¬¬ước', 'Nhà nước'],
    ['Công\u00a0đoàn', 'Công đoàn'],
    ['Co\u0302ng đoa\u0300n', 'Công đoàn'], // decomposed → NFC
    ['CÃ´ng Ä‘oÃ\u00a0n cÆ¡ sá»Ÿ', 'Công đoàn cơ sở'], // UTF-8 read as Windows-1252
    ['đoàn\u200b viên\u00ad', 'đoàn viên'],
    ['A\r\nB', 'A\nB'],
    ['giá 10¬000', 'giá 10¬000'], // not between letters: left alone
  ])('%j → %j', (input, output) => {
    expect(repairText(input)).toBe(output);
  });
});

describe('decoding input files', () => {
  it.each([
    [new Uint8Array([]), 'rỗng'],
    [new Uint8Array([0x41, 0, 0x42]), 'nhị phân'],
    [new Uint8Array([0x54, 0xe0, 0x20, 0x41]), 'UTF-8'],
    [new TextEncoder().encode('  \n\t'), 'khoảng trắng'],
  ])('bad input → error mentioning %s', (bytes, message) => {
    expect(() => decodeInput(bytes, 'x.txt')).toThrow(message);
  });

  it.each([
    ['bai.html', 'Tiêu đề', 'html'],
    ['bai.txt', '<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['bai.txt', 'Hàm <Foo> trong văn bản', 'text'],
  ])('%s %j is read as %s', (name, text, kind) => {
    expect(decodeInput(new TextEncoder().encode(text), name).kind).toBe(kind);
  });
});

describe('paragraph repair', () => {
  it('rejoins a hard-wrapped file, keeps sentence ends and bylines apart', () => {
    const text =
      'Đây cũng là nội dung đã được Liên\nđoàn Lao động thành phố chỉ đạo,\nhướng dẫn các cấp công đoàn. Qua đó, nâng cao ý\nthức trách nhiệm của cán bộ.\nVai trò của tổ chức\nCông đoàn còn được khẳng định qua việc tham gia xây dựng quy chế của\ncơ quan.\nNguyễn Thị Thu Mong - Tổ công\nđoàn Thanh tra & Khiếu tố';
    const lines = rawLines(text);
    expect(isHardWrapped(lines)).toBe(true);
    expect(linesToBlocks(lines, true).map((b) => b.text)).toEqual([
      'Đây cũng là nội dung đã được Liên đoàn Lao động thành phố chỉ đạo, hướng dẫn các cấp công đoàn. Qua đó, nâng cao ý thức trách nhiệm của cán bộ.',
      'Vai trò của tổ chức Công đoàn còn được khẳng định qua việc tham gia xây dựng quy chế của cơ quan.',
      'Nguyễn Thị Thu Mong - Tổ công đoàn Thanh tra & Khiếu tố',
    ]);
  });

  it('keeps one-line paragraphs, lists, headings and indented captions of an unwrapped file', () => {
    const text = [
      '  Công đoàn cơ sở đã tổ chức nhiều hoạt động thiết thực cho đoàn viên trong năm qua, được các cấp ghi nhận và đánh giá cao về hiệu quả thực tế.',
      'Một là, tiếp tục đẩy mạnh công tác chính trị, tư tưởng',
      'Các tổ chức công đoàn cần tích cực tham mưu cho cấp ủy đảng, phối hợp với thủ trưởng cơ quan, đơn vị thường xuyên tổ chức phổ biến.',
      '',
      'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
      '• Thăm hỏi 220 lượt đoàn viên;',
      '• Hỗ trợ hơn 1 tỉ đồng.',
      '',
      '            Hội nghị Cán bộ công chức viên chức năm 2023',
    ].join('\n');
    const lines = rawLines(text);
    expect(isHardWrapped(lines)).toBe(false);
    expect(linesToBlocks(lines, false).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', lines[0]!.text],
      ['paragraph', 'Một là, tiếp tục đẩy mạnh công tác chính trị, tư tưởng'],
      ['paragraph', lines[2]!.text],
      ['heading', 'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'],
      ['list', 'Thăm hỏi 220 lượt đoàn viên;\nHỗ trợ hơn 1 tỉ đồng.'],
      ['caption', 'Hội nghị Cán bộ công chức viên chức năm 2023'],
    ]);
  });
});

const units = new UnitMatcher([
  {
    id: 'ldld-qn',
    name: 'Liên đoàn Lao động tỉnh Quảng Ngãi',
    shortName: 'LĐLĐ tỉnh Quảng Ngãi',
    aliases: [],
    level: 'lien-doan-tinh',
  },
  {
    id: 'cd-vks-qn',
    name: 'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    shortName: 'Công đoàn VKSND tỉnh Quảng Ngãi',
    aliases: ['Công đoàn cơ sở VKSND tỉnh Quảng Ngãi'],
    level: 'cong-doan-co-so',
  },
  {
    id: 'vks-qn',
    name: 'Viện kiểm sát nhân dân tỉnh Quảng Ngãi',
    shortName: 'VKSND tỉnh Quảng Ngãi',
    aliases: [],
    level: 'co-quan',
  },
]);

describe('units', () => {
  it.each([
    ['Công đoàn VKSND tỉnh Quảng Ngãi tổ chức hội nghị', ['cd-vks-qn']], // the longer name wins over the agency inside it
    ['cong doan vksnd tinh quang ngai va VKSND tỉnh Quảng Ngãi', ['cd-vks-qn', 'vks-qn']], // without tone marks
    ['LĐLĐ tỉnh Quảng Ngãi và Liên đoàn Lao động tỉnh Quảng Ngãi', ['ldld-qn']],
    ['LĐLĐ tỉnh Quảng Ngãii', []], // whole words only
    ['Không nhắc đơn vị nào', []],
  ])('%s → %j', (text, ids) => {
    expect(units.match(text)).toEqual(ids);
  });
});

describe('award sentences', () => {
  it.each([
    {
      sentence:
        'Liên đoàn Lao động tỉnh Quảng Ngãi tặng Bằng khen đơn vị “Hoàn thành xuất sắc nhiệm vụ” năm 2022 cho Công đoàn cơ sở VKSND tỉnh Quảng Ngãi.',
      expected: [
        {
          form: 'bang-khen',
          title: 'Hoàn thành xuất sắc nhiệm vụ',
          year: 2022,
          conferredBy: 'ldld-qn',
          recipients: ['cd-vks-qn'],
        },
      ],
    },
    {
      sentence:
        'Năm 2021, Công đoàn VKSND tỉnh Quảng Ngãi được LĐLĐ tỉnh Quảng Ngãi tặng Giấy khen theo Quyết định số 38/QĐ-LĐLĐ ngày 24/7/2021.',
      expected: [
        {
          form: 'giay-khen',
          title: null,
          year: 2021,
          conferredBy: 'ldld-qn',
          recipients: ['cd-vks-qn'],
          decision: { number: '38/QĐ-LĐLĐ', date: '2021-07-24' },
        },
      ],
    },
    {
      sentence: 'Năm 2023, VKSND tỉnh Quảng Ngãi đạt danh hiệu Tập thể lao động xuất sắc, Cờ thi đua của Chính phủ.',
      expected: [
        { form: 'tap-the-lao-dong-xuat-sac', title: null, year: 2023, conferredBy: null, recipients: ['vks-qn'] },
        { form: 'co-thi-dua-chinh-phu', title: null, year: 2023, conferredBy: 'Chính phủ', recipients: ['vks-qn'] },
      ],
    },
    { sentence: 'Tiếp tục phấn đấu năm 2023 đơn vị đạt danh hiệu “Hoàn thành xuất sắc nhiệm vụ.', expected: [] },
    { sentence: 'Công đoàn đề nghị Tổng Liên đoàn tặng Bằng khen cho 3 tập thể năm 2024.', expected: [] },
    { sentence: 'Phong trào thi đua được phát động rộng rãi trong toàn ngành.', expected: [] },
  ])('$sentence', ({ sentence, expected }) => {
    const got = awardsInSentence(sentence, units, null).map((a) => ({
      form: a.form,
      title: a.title,
      year: a.year,
      conferredBy: a.conferredBy?.unit ?? a.conferredBy?.text ?? null,
      recipients: a.recipients.map((r) => r.unit ?? r.name),
      ...(a.decision ? { decision: a.decision } : {}),
    }));
    expect(got).toEqual(expected);
  });

  it('splits sentences without breaking numbers or quotes', () => {
    expect(sentences('Tổng số tiền 151.000.000 đồng. Năm 2023 đơn vị đạt “Hoàn thành xuất sắc nhiệm vụ”. Hết')).toEqual(
      ['Tổng số tiền 151.000.000 đồng.', 'Năm 2023 đơn vị đạt “Hoàn thành xuất sắc nhiệm vụ”.', 'Hết'],
    );
  });
});

describe('overwrite decisions', () => {
  const written = 'a\n';
  it.each([
    [null, undefined, false, 'created'],
    [written, { source: 's', hash: sha256(written), at: '' }, false, 'unchanged'],
    ['old\n', { source: 's', hash: sha256('old\n'), at: '' }, false, 'updated'],
    ['edited\n', { source: 's', hash: sha256('old\n'), at: '' }, false, 'kept-edited'],
    ['edited\n', { source: 's', hash: sha256('old\n'), at: '' }, true, 'overwritten'],
    ['hand-written\n', undefined, false, 'kept-edited'],
  ] as const)('existing %j → %s', (existing, entry, force, outcome) => {
    expect(decide(existing, existing === written ? written : 'a\n', entry, force)).toBe(outcome);
  });
});
