import { z } from 'astro/zod';
import { LINEAGE_KINDS, LINEAGE_RELATIONS, UNIT_LEVELS } from '../vocabulary.ts';
import { field } from './field-text.ts';
import { calendarDate, count, strictObject, text, url, vocabulary, year } from './fields.ts';
import type { SchemaTools } from './types.ts';

/** A unit profile: one union organisation (or agency) of the hierarchy in docs/domain.md. */
export const unitSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Full official name: "Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi". */
    name: text({
      label: 'Tên đầy đủ',
      hint: 'Tên chính thức, ví dụ: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi.',
      example: 'Công đoàn Viên chức tỉnh Bắc Giang',
    }),
    /** Short form used in headlines: "Công đoàn VKSND tỉnh Quảng Ngãi". */
    shortName: text({
      label: 'Tên ngắn',
      hint: 'Dùng trong tiêu đề, ví dụ: Công đoàn VKSND tỉnh Quảng Ngãi.',
      example: 'Công đoàn VKSND tỉnh Quảng Ngãi',
    }).optional(),
    /** Other names the unit goes by in text, for matching mentions (importer, lint). */
    aliases: field(z.array(text({ example: 'CĐVC tỉnh Bắc Giang' })), {
      label: 'Tên gọi khác',
      hint: 'Các cách gọi khác trong bài viết, để nhận ra đơn vị.',
    }).default([]),
    /** Place in the union hierarchy. */
    level: vocabulary(UNIT_LEVELS, (l) => l.label, { label: 'Cấp đơn vị' }),
    /** The unit directly above. */
    parent: field(reference('units'), { label: 'Đơn vị cấp trên trực tiếp', example: 'ma-don-vi-cap-tren' }).optional(),
    /** Province or city, as named at the time of the profile: "Quảng Ngãi". */
    province: text({
      label: 'Tỉnh, thành phố',
      hint: 'Theo tên tại thời điểm của hồ sơ, ví dụ: Quảng Ngãi.',
      example: 'Quảng Ngãi',
    }).optional(),
    /** Founding date, "YYYY-MM-DD". */
    foundedOn: calendarDate({ label: 'Ngày thành lập', example: '1990-05-01' }).optional(),
    /** Date the unit ceased to exist (merged away, dissolved). */
    dissolvedOn: calendarDate({ label: 'Ngày giải thể, sáp nhập', example: '2025-07-01' }).optional(),
    /** Terms of office (nhiệm kỳ) with their leaders. */
    terms: field(
      z.array(
        strictObject({
          /** First year of the term. */
          from: year({ label: 'Từ năm', example: 2023 }),
          /** Last year of the term, not before `from`. */
          to: year({ label: 'Đến năm', example: 2028 }),
          /** Congress number, e.g. "lần thứ II", "khóa XXV". */
          congress: text({ label: 'Đại hội', hint: 'Ví dụ: lần thứ II, khóa XXV.', example: 'lần thứ II' }).optional(),
          /** The leaders elected for the term. */
          leaders: field(
            z.array(
              strictObject({
                /** The leader's full name. */
                name: text({ label: 'Họ và tên', example: 'Nguyễn Văn A' }),
                /** Role in the union: "Chủ tịch", "Phó Chủ tịch". */
                role: text({ label: 'Chức vụ công đoàn', hint: 'Ví dụ: Chủ tịch, Phó Chủ tịch.', example: 'Chủ tịch' }),
                /** Other post held, e.g. "Phó Viện trưởng VKSND tối cao". */
                note: text({
                  label: 'Chức vụ khác',
                  hint: 'Ví dụ: Phó Viện trưởng VKSND tối cao.',
                  example: 'Phó Viện trưởng',
                }).optional(),
              }),
            ),
            { label: 'Lãnh đạo' },
          ).default([]),
        }).refine((t) => t.to >= t.from, {
          error:
            'Năm kết thúc nhiệm kỳ (to) phải sau năm bắt đầu (from), ví dụ: from: 2018, to: 2023. (term ends before it starts)',
          path: ['to'],
        }),
      ),
      { label: 'Nhiệm kỳ' },
    ).default([]),
    /** Figures by year: members (đoàn viên), base unions (CĐCS), staff (CCVCLĐ). */
    figures: field(
      z.array(
        strictObject({
          /** The year the figures are for. */
          year: year({ label: 'Năm', example: 2024 }),
          /** Union members (đoàn viên). */
          members: count({ label: 'Số đoàn viên', example: 3120 }).optional(),
          /** Base unions (công đoàn cơ sở) under the unit. */
          baseUnions: count({ label: 'Số công đoàn cơ sở', example: 55 }).optional(),
          /** Staff (cán bộ, công chức, viên chức, lao động). */
          staff: count({ label: 'Số CCVCLĐ', example: 3504 }).optional(),
          /** Where the figure was stated (an article id or a document). */
          source: text({
            label: 'Nguồn số liệu',
            hint: 'Mã bài viết hoặc tên văn bản.',
            example: 'ma-bai-viet',
          }).optional(),
        }),
      ),
      { label: 'Số liệu theo năm' },
    ).default([]),
    /** How to reach the unit. */
    contact: field(
      strictObject({
        /** Postal address. */
        address: text({ label: 'Địa chỉ', example: 'Số 1 đường Hùng Vương' }).optional(),
        /** Telephone number. */
        phone: text({ label: 'Điện thoại', example: '0255 3822 000' }).optional(),
        /** E-mail address. */
        email: field(
          z.email({ error: 'Email không hợp lệ, ví dụ: congdoan@example.vn. (expected an e-mail address)' }),
          {
            label: 'Email',
            example: 'congdoan@example.vn',
          },
        ).optional(),
      }),
      { label: 'Liên hệ' },
    ).optional(),
    /** The unit's own website. */
    website: url({ label: 'Trang web', example: 'https://congdoan.example.vn/' }).optional(),
    /** Lineage: renamed from, merged into, split from… with the date and kind. */
    lineage: field(
      z.array(
        strictObject({
          /** Whether the other unit came before (predecessor) or after (successor). */
          relation: vocabulary(LINEAGE_RELATIONS, (r) => r, { label: 'Quan hệ', example: 'predecessor' }),
          /** The other unit. */
          unit: field(reference('units'), { label: 'Đơn vị', example: 'ma-don-vi-tien-than' }),
          /** The day the change took effect. */
          date: calendarDate({ label: 'Ngày', example: '2025-07-01' }),
          /** Renamed, merged or split. */
          kind: vocabulary(LINEAGE_KINDS, (l) => l, { label: 'Hình thức', example: 'merged' }),
          /** The act behind the change. */
          note: text({
            label: 'Ghi chú',
            hint: 'Ví dụ: Theo Nghị quyết số 202/2025/QH15.',
            example: 'Theo Nghị quyết số 202/2025/QH15',
          }).optional(),
        }),
      ),
      { label: 'Lịch sử tổ chức', hint: 'Đổi tên, hợp nhất, chia tách: đơn vị tiền thân hoặc kế thừa.' },
    ).default([]),
  });

export type UnitData = z.infer<ReturnType<typeof unitSchema>>;
