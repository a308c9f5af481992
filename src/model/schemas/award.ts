import { z } from 'astro/zod';
import { AWARD_FORMS, CONFERRER_LEVELS, RECIPIENT_KINDS } from '../vocabulary.ts';
import { calendarDate, strictObject, text, vocabulary, year } from './fields.ts';
import type { SchemaTools } from './types.ts';

const recipient = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Collective (tập thể) or individual (cá nhân). */
    kind: vocabulary(RECIPIENT_KINDS, (k) => k, 'Loại người nhận (kind)'),
    /** The unit: the collective itself, or the unit an individual belongs to. */
    unit: reference('units').optional(),
    /** A person's name, or a collective without a profile, or "Các cá nhân…" when unnamed. */
    name: text('Nguyễn Văn A').optional(),
    /** Post held by an individual: "Phó Chủ tịch Công đoàn". */
    role: text('Phó Chủ tịch Công đoàn').optional(),
  }).refine((r) => r.unit !== undefined || r.name !== undefined, {
    error:
      'Mỗi người nhận (recipients) cần "unit" (mã đơn vị) hoặc "name" (tên), ví dụ: { kind: collective, unit: cong-doan-vksnd-tinh-quang-ngai }.',
  });

/** One award decision (khen thưởng) or emulation title (danh hiệu thi đua). */
export const awardSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Form of award from the controlled vocabulary (src/model/vocabulary.ts). */
    form: vocabulary(AWARD_FORMS, (f) => f.label, 'Hình thức khen thưởng (form)'),
    /** The title or achievement: "Hoàn thành xuất sắc nhiệm vụ". */
    title: text('Hoàn thành xuất sắc nhiệm vụ').optional(),
    /**
     * Who conferred it: a unit with a profile, or a named authority, and its level.
     * Leave it out when the source does not say who conferred the award (never guess).
     */
    conferredBy: strictObject({
      unit: reference('units').optional(),
      name: text('Ủy ban nhân dân tỉnh Quảng Ngãi').optional(),
      level: vocabulary(CONFERRER_LEVELS, (l) => l, 'Cấp khen thưởng (conferredBy.level)'),
    })
      .refine((c) => c.unit !== undefined || c.name !== undefined, {
        error:
          'conferredBy cần "unit" (mã đơn vị có hồ sơ) hoặc "name" (tên cơ quan), ví dụ: { name: "Ủy ban nhân dân tỉnh Quảng Ngãi", level: tinh }.',
      })
      .optional(),
    /** The year the achievement was for (năm thành tích). */
    year: year(),
    decision: strictObject({
      /** "38/QĐ-VKSTC" */
      number: text('38/QĐ-VKSTC').optional(),
      date: calendarDate().optional(),
    }).optional(),
    recipients: z.array(recipient({ reference })).min(1, {
      error:
        'Cần ít nhất một người nhận trong "recipients", ví dụ: - { kind: collective, unit: cong-doan-vksnd-tinh-quang-ngai }.',
    }),
    /** Emulation campaign (phong trào thi đua), when stated. */
    campaign: text('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh').optional(),
    /** The article that announced the award. */
    article: reference('news').optional(),
    /** The sentence of the source that states the award, kept as evidence. */
    citation: text('Liên đoàn Lao động tỉnh Quảng Ngãi tặng Bằng khen…').optional(),
    status: z
      .enum(['in-force', 'revoked'], { error: 'status phải là in-force (còn hiệu lực) hoặc revoked (đã thu hồi).' })
      .default('in-force'),
    revocation: strictObject({
      date: calendarDate(),
      reason: text('Quyết định số 12/QĐ-LĐLĐ thu hồi do…'),
      decision: text('12/QĐ-LĐLĐ').optional(),
    }).optional(),
    /** A proposed record (e.g. from the importer) that an editor has not confirmed yet. */
    draft: z.boolean().default(false),
  })
    .refine((a) => a.status !== 'revoked' || a.revocation !== undefined, {
      error:
        'Quyết định đã thu hồi (status: revoked) cần "revocation" với ngày và lý do, ví dụ: revocation: { date: 2024-03-01, reason: "…" }.',
      path: ['revocation'],
    })
    .refine((a) => a.status === 'revoked' || a.revocation === undefined, {
      error: 'Có "revocation" nhưng status không phải revoked; hãy đặt status: revoked hoặc bỏ revocation.',
      path: ['status'],
    });

export type AwardData = z.infer<ReturnType<typeof awardSchema>>;
