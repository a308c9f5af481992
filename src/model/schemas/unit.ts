import { z } from 'astro/zod';
import { LINEAGE_KINDS, UNIT_LEVELS } from '../vocabulary.ts';
import { calendarDate, count, strictObject, text, url, vocabulary, year } from './fields.ts';
import type { SchemaTools } from './types.ts';

/** A unit profile: one union organisation (or agency) of the hierarchy in DOMAIN.md. */
export const unitSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Full official name: "Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi". */
    name: text('Công đoàn Viên chức tỉnh Bắc Giang'),
    /** Short form used in headlines: "Công đoàn VKSND tỉnh Quảng Ngãi". */
    shortName: text('Công đoàn VKSND tỉnh Quảng Ngãi').optional(),
    /** Other names the unit goes by in text, for matching mentions (importer, lint). */
    aliases: z.array(text('CĐVC tỉnh Bắc Giang')).default([]),
    /** Place in the union hierarchy. */
    level: vocabulary(UNIT_LEVELS, (l) => l.label, 'Cấp đơn vị (level)'),
    /** The unit directly above. */
    parent: reference('units').optional(),
    /** Province or city, as named at the time of the profile: "Quảng Ngãi". */
    province: text('Quảng Ngãi').optional(),
    /** Founding date, "YYYY-MM-DD". */
    foundedOn: calendarDate().optional(),
    /** Date the unit ceased to exist (merged away, dissolved). */
    dissolvedOn: calendarDate().optional(),
    /** Terms of office (nhiệm kỳ) with their leaders. */
    terms: z
      .array(
        strictObject({
          from: year(),
          to: year(),
          /** Congress number, e.g. "lần thứ II", "khóa XXV". */
          congress: text('khóa XXV').optional(),
          leaders: z
            .array(
              strictObject({
                name: text('Nguyễn Duy Giảng'),
                /** Role in the union: "Chủ tịch", "Phó Chủ tịch". */
                role: text('Chủ tịch'),
                /** Other post held, e.g. "Phó Viện trưởng VKSND tối cao". */
                note: text('Phó Viện trưởng VKSND tối cao').optional(),
              }),
            )
            .default([]),
        }).refine((t) => t.to >= t.from, {
          error: 'Năm kết thúc nhiệm kỳ (to) phải sau năm bắt đầu (from), ví dụ: from: 2018, to: 2023.',
          path: ['to'],
        }),
      )
      .default([]),
    /** Figures by year: members (đoàn viên), base unions (CĐCS), staff (CCVCLĐ). */
    figures: z
      .array(
        strictObject({
          year: year(),
          members: count(3120).optional(),
          baseUnions: count(55).optional(),
          staff: count(3504).optional(),
          /** Where the figure was stated (an article id or a document). */
          source: text('cong-doan-vien-chuc-lang-son-cham-lo-quyen-loi').optional(),
        }),
      )
      .default([]),
    contact: strictObject({
      address: text('Số 1 đường Hùng Vương').optional(),
      phone: text('0255 3822 000').optional(),
      email: z.email({ error: 'Email không hợp lệ, ví dụ: congdoan@example.vn.' }).optional(),
    }).optional(),
    website: url().optional(),
    /** Lineage: renamed from, merged into, split from… with the date and kind. */
    lineage: z
      .array(
        strictObject({
          relation: z.enum(['predecessor', 'successor'], {
            error: 'relation phải là predecessor (đơn vị tiền thân) hoặc successor (đơn vị kế thừa).',
          }),
          unit: reference('units'),
          date: calendarDate(),
          kind: vocabulary(LINEAGE_KINDS, (l) => l, 'Hình thức (kind)'),
          note: text('Theo Nghị quyết số 202/2025/QH15').optional(),
        }),
      )
      .default([]),
  });

export type UnitData = z.infer<ReturnType<typeof unitSchema>>;
