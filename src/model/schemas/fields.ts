/**
 * Field builders shared by the collection schemas. Every message names what is wrong and
 * shows a correct value, in Vietnamese first (editors) with the technical detail after.
 */
import { z } from 'astro/zod';
import { ISO_DATE_TIME_WITH_OFFSET, isCalendarDate, parseDateTimeWithOffset } from '#src/text/dates.ts';
import { isNfc } from '#src/text/vietnamese.ts';

/** Non-empty text that must be NFC (scraped or pasted text often is not). */
export const text = (example: string) =>
  z
    .string({ error: `Cần một đoạn chữ, ví dụ: "${example}". (expected a string)` })
    .trim()
    .min(1, { error: `Không được để trống, ví dụ: "${example}". (must not be empty)` })
    .refine(isNfc, {
      error:
        'Chữ tiếng Việt chưa ở dạng dựng sẵn (NFC); hãy chạy "npm run lint:content -- --fix" hoặc gõ lại. (text is not NFC-normalised)',
    });

/**
 * An instant with an explicit offset: "2023-02-02T16:18:00+07:00".
 * YAML turns an unquoted timestamp into a Date; a quoted one arrives as a string. Both work.
 */
export const dateTime = () =>
  z
    .union([z.date(), z.string()], {
      error: 'Cần ngày giờ có múi giờ, ví dụ: 2023-02-02T16:18:00+07:00. (expected an ISO 8601 date-time)',
    })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          ctx.addIssue({
            code: 'custom',
            message: 'Ngày giờ không hợp lệ, ví dụ đúng: 2023-02-02T16:18:00+07:00. (invalid date)',
          });
          return z.NEVER;
        }
        return value;
      }
      if (!ISO_DATE_TIME_WITH_OFFSET.test(value.trim())) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" không đúng dạng ngày giờ; hãy viết năm-tháng-ngày, giờ và múi giờ, ví dụ: 2023-02-02T16:18:00+07:00. (expected ISO 8601 with an offset)`,
        });
        return z.NEVER;
      }
      const parsed = parseDateTimeWithOffset(value);
      if (!parsed) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" không phải ngày giờ có thật (kiểm tra ngày, tháng, giờ), ví dụ: 2023-02-02T16:18:00+07:00. (no such date-time)`,
        });
        return z.NEVER;
      }
      return parsed;
    });

/** A calendar day, kept as "YYYY-MM-DD" (no time zone involved). */
export const calendarDate = () =>
  z
    .union([z.date(), z.string()], {
      error: 'Cần một ngày dạng năm-tháng-ngày, ví dụ: 2023-07-24. (expected YYYY-MM-DD)',
    })
    .transform((value, ctx) => {
      const iso =
        value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
      if (!isCalendarDate(iso)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${String(value)}" không phải ngày hợp lệ; hãy viết năm-tháng-ngày, ví dụ: 2023-07-24 cho ngày 24/7/2023. (expected a real YYYY-MM-DD date)`,
        });
        return z.NEVER;
      }
      return iso;
    });

export const year = () =>
  z
    .number({ error: 'Cần một năm bằng số, ví dụ: 2022. (expected a number)' })
    .int({ error: 'Năm phải là số nguyên, ví dụ: 2022.' })
    .min(1945, { error: 'Năm phải từ 1945 trở đi, ví dụ: 2022.' })
    .max(2100, { error: 'Năm không hợp lệ, ví dụ: 2022.' });

/** An enum whose message lists every allowed id with its label. */
export function vocabulary<const T extends Record<string, unknown>>(
  entries: T,
  labelOf: (value: T[keyof T]) => string,
  what: string,
) {
  const ids = Object.keys(entries) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
  const list = ids.map((id) => `${id} (${labelOf(entries[id] as T[keyof T])})`).join(', ');
  return z.enum(ids, {
    error: (issue) =>
      `${what} "${String(issue.input)}" không có trong danh mục. Chọn một trong: ${list}. (unknown value)`,
  });
}

/**
 * An object that rejects unknown fields with a message naming them. A misspelt field
 * ("member" for "members") would otherwise be dropped silently and its value lost.
 */
export const strictObject = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Trường không có trong mẫu: ${issue.keys.map((k) => `"${k}"`).join(', ')}. Hãy sửa lại tên trường cho đúng (xem src/model/schemas/) hoặc xóa trường đó. (unknown field)`
        : undefined,
  });

/** A whole number of people or organisations (members, base unions, staff). */
export const count = (example: number) =>
  z
    .number({ error: `Cần một số, ví dụ: ${example}. (expected a number)` })
    .int({ error: `Cần một số nguyên, ví dụ: ${example}.` })
    .nonnegative({ error: `Không được là số âm, ví dụ: ${example}.` });

export const url = () => z.url({ error: 'Cần một địa chỉ web đầy đủ, ví dụ: https://congdoan.vn/. (expected a URL)' });
