import { z } from 'astro/zod';
import { AWARD_FORMS, AWARD_STATUSES, CONFERRER_LEVELS, RECIPIENT_KINDS } from '../vocabulary.ts';
import { field } from './field-text.ts';
import { calendarDate, strictObject, text, vocabulary, year } from './fields.ts';
import type { SchemaTools } from './types.ts';

const recipient = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Collective (tập thể) or individual (cá nhân). */
    kind: vocabulary(RECIPIENT_KINDS, (k) => k, { label: 'Loại người nhận', example: 'individual' }),
    /** The unit: the collective itself, or the unit an individual belongs to. */
    unit: field(reference('units'), {
      label: 'Đơn vị (tập thể, hoặc nơi công tác của cá nhân)',
      example: 'ma-don-vi-noi-cong-tac',
    }).optional(),
    /** A person's name, or a collective without a profile, or "Các cá nhân…" when unnamed. */
    name: text({
      label: 'Tên',
      hint: 'Tên cá nhân, hoặc tên tập thể chưa có hồ sơ.',
      example: 'Nguyễn Văn A',
    }).optional(),
    /** Post held by an individual: "Phó Chủ tịch Công đoàn". */
    role: text({
      label: 'Chức vụ',
      hint: 'Ví dụ: Phó Chủ tịch Công đoàn.',
      example: 'Phó Chủ tịch Công đoàn',
    }).optional(),
  }).refine((r) => r.unit !== undefined || r.name !== undefined, {
    error:
      'Mỗi người nhận (recipients) cần "unit" (mã đơn vị) hoặc "name" (tên), ví dụ: { kind: collective, unit: cong-doan-vksnd-tinh-quang-ngai }. (recipient without unit or name)',
  });

/** One award decision (khen thưởng) or emulation title (danh hiệu thi đua). */
export const awardSchema = ({ reference }: Pick<SchemaTools, 'reference'>) =>
  strictObject({
    /** Form of award from the controlled vocabulary (src/model/vocabulary.ts). */
    form: vocabulary(AWARD_FORMS, (f) => f.label, { label: 'Hình thức khen thưởng' }),
    /** The title or achievement: "Hoàn thành xuất sắc nhiệm vụ". */
    title: text({
      label: 'Tên danh hiệu, thành tích',
      hint: 'Ví dụ: Hoàn thành xuất sắc nhiệm vụ.',
      example: 'Hoàn thành xuất sắc nhiệm vụ',
    }).optional(),
    /** Who conferred it (a unit with a profile or a named authority); left out when the source does not say. */
    conferredBy: field(
      strictObject({
        /** The conferring unit, when it has a profile. */
        unit: field(reference('units'), {
          label: 'Đơn vị khen thưởng (có hồ sơ)',
          example: 'ma-don-vi-khen-thuong',
        }).optional(),
        /** The conferring authority's name, when it has no profile. */
        name: text({
          label: 'Tên cơ quan khen thưởng',
          hint: 'Khi cơ quan không có hồ sơ đơn vị, ví dụ: Ủy ban nhân dân tỉnh Quảng Ngãi.',
          example: 'Liên đoàn Lao động tỉnh Quảng Ngãi',
        }).optional(),
        /** The level of the conferring body. */
        level: vocabulary(CONFERRER_LEVELS, (l) => l, {
          label: 'Cấp của cơ quan khen thưởng',
          example: 'lien-doan-tinh',
        }),
      }).refine((c) => c.unit !== undefined || c.name !== undefined, {
        error:
          'conferredBy cần "unit" (mã đơn vị có hồ sơ) hoặc "name" (tên cơ quan), ví dụ: { name: "Ủy ban nhân dân tỉnh Quảng Ngãi", level: tinh }. (conferrer without unit or name)',
      }),
      { label: 'Cấp khen thưởng', hint: 'Bỏ trống nếu nguồn không nói ai khen thưởng (không đoán).' },
    ).optional(),
    /** The year the achievement was for (năm thành tích). */
    year: year({ label: 'Năm thành tích' }),
    /** The decision that conferred it. */
    decision: field(
      strictObject({
        /** The decision's number: "38/QĐ-VKSTC". */
        number: text({ label: 'Số quyết định', hint: 'Ví dụ: 38/QĐ-VKSTC', example: '38/QĐ-LĐLĐ' }).optional(),
        /** The day the decision was signed. */
        date: calendarDate({ label: 'Ngày quyết định', example: '2023-01-15' }).optional(),
      }),
      { label: 'Quyết định' },
    ).optional(),
    /** Who received it: at least one collective or person. */
    recipients: field(
      z.array(recipient({ reference })).min(1, {
        error:
          'Cần ít nhất một người nhận trong "recipients", ví dụ: - { kind: collective, unit: cong-doan-vksnd-tinh-quang-ngai }. (no recipients)',
      }),
      { label: 'Người nhận', hint: 'Ít nhất một người nhận: chọn đơn vị hoặc ghi tên.' },
    ),
    /** Emulation campaign (phong trào thi đua), when stated. */
    campaign: text({
      label: 'Phong trào thi đua',
      example: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    }).optional(),
    /** The article that announced the award. */
    article: field(reference('news'), { label: 'Bài viết công bố', example: 'ma-bai-viet-cong-bo' }).optional(),
    /** The sentence of the source that states the award, kept as evidence. */
    citation: text({
      label: 'Trích dẫn nguồn',
      hint: 'Câu trong bài viết nêu việc khen thưởng, giữ làm bằng chứng.',
      example: 'Câu trong bài viết nêu việc khen thưởng.',
    }).optional(),
    /** In force, or revoked by a later decision. */
    status: vocabulary(AWARD_STATUSES, (s) => s, { label: 'Hiệu lực' }).default('in-force'),
    /** The decision that revoked it, when `status` is revoked. */
    revocation: field(
      strictObject({
        /** The day it was revoked. */
        date: calendarDate({ label: 'Ngày thu hồi', example: '2024-03-01' }),
        /** Why it was revoked. */
        reason: text({ label: 'Lý do thu hồi', example: 'Lý do thu hồi' }),
        /** The revoking decision's number. */
        decision: text({ label: 'Số quyết định thu hồi', example: '12/QĐ-LĐLĐ' }).optional(),
      }),
      { label: 'Thu hồi', hint: 'Chỉ điền khi quyết định đã bị thu hồi (Hiệu lực: Đã thu hồi).' },
    ).optional(),
    /** A proposed record (e.g. from the importer) that an editor has not confirmed yet. */
    draft: field(z.boolean(), {
      label: 'Chưa xác nhận (nháp)',
      hint: 'Bật: bản ghi đề xuất, chưa được biên tập viên kiểm tra; không hiện trên trang.',
    }).default(false),
  })
    .refine((a) => a.status !== 'revoked' || a.revocation !== undefined, {
      error:
        'Quyết định đã thu hồi (status: revoked) cần "revocation" với ngày và lý do, ví dụ: revocation: { date: 2024-03-01, reason: "…" }. (revoked without revocation)',
      path: ['revocation'],
    })
    .refine((a) => a.status === 'revoked' || a.revocation === undefined, {
      error:
        'Có "revocation" nhưng status không phải revoked; hãy đặt status: revoked hoặc bỏ revocation. (revocation of an award in force)',
      path: ['status'],
    });

export type AwardData = z.infer<ReturnType<typeof awardSchema>>;
