import { describe, expect, it } from 'vitest';
import { foldForMatch, foldVietnamese, isNfc, normalizeText, vietnameseSlug } from '#src/text/vietnamese.ts';

describe('vietnameseSlug', () => {
  it.each([
    ['Công đoàn Viên chức', 'cong-doan-vien-chuc'],
    ['Công đoàn VKSND tỉnh Quảng Ngãi', 'cong-doan-vksnd-tinh-quang-ngai'],
    ['ĐẠI HỘI Đảng bộ', 'dai-hoi-dang-bo'],
    ['Tổ công đoàn Thanh tra & Khiếu tố', 'to-cong-doan-thanh-tra-va-khieu-to'],
    ['  “Gương mặt của năm” (2020, 2021)  ', 'guong-mat-cua-nam-2020-2021'],
    ['Người lao động', 'nguoi-lao-dong'],
    ['Cờ thi đua\u00a0ngành Kiểm sát', 'co-thi-dua-nganh-kiem-sat'],
    // Decomposed (NFD) input gives the same slug as composed input.
    ['Công đoàn'.normalize('NFD'), 'cong-doan'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(vietnameseSlug(input)).toBe(expected);
  });

  it('cuts long titles at a word boundary', () => {
    const slug = vietnameseSlug(
      'Giải pháp tạo chuyển biến tích cực, rõ nét trong hoạt động của Công đoàn Viên chức tỉnh Bắc Giang nhiệm kỳ mới',
      60,
    );
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^giai-phap-tao-chuyen-bien/);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Công đoàn', 'Cong doan'],
    ['Đoàn viên', 'Doan vien'],
    ['người lao động', 'nguoi lao dong'],
    ['thi đua', 'thi dua'],
    ['Bằng khen', 'Bang khen'],
    ['Ủy ban Kiểm tra', 'Uy ban Kiem tra'],
    ['ABC 123', 'ABC 123'],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it.each([
    ['  Công   ĐOÀN ', 'cong doan'],
    ['Cờ Thi Đua', 'co thi dua'],
  ])('foldForMatch %j → %j', (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });
});

describe('normalizeText / isNfc', () => {
  it('composes NFD text and replaces no-break spaces', () => {
    const nfd = 'Công\u00a0đoàn'.normalize('NFD');
    expect(isNfc(nfd)).toBe(false);
    const out = normalizeText(nfd);
    expect(out).toBe('Công đoàn');
    expect(isNfc(out)).toBe(true);
  });
});
