/**
 * Field builders shared by the collection schemas. Every message names what is wrong and
 * shows a correct value, in Vietnamese first (editors) with the technical detail after. Each
 * builder takes the field's text (label, hint, example: field-text.ts), keeps it on the schema
 * and words its messages with it: the example an error shows is the one a scaffold writes.
 * Dates and years show a fixed example instead: it explains the format (a day above 12, so
 * that day and month cannot be confused).
 */
import { z } from 'astro/zod';
import { ISO_DATE_TIME_WITH_OFFSET, isCalendarDate, parseDateTimeWithOffset } from '#src/text/dates.ts';
import { didYouMean, Suggester } from '#src/text/suggest.ts';
import { isNfc, unsafeCharacter } from '#src/text/vietnamese.ts';
import { dottedPath, fieldTextOf, withText, type FieldText, type ItemText } from './field-text.ts';

/** Non-empty text that must be NFC (scraped or pasted text often is not). */
export const text = (about: ItemText<string>) =>
  withText(
    z
      .string({
        error: (issue) =>
          // YAML reads an unquoted 2023-03-10 as a date, 0b101 or 1e3 as a number, yes as true.
          issue.input instanceof Date || typeof issue.input === 'number' || typeof issue.input === 'boolean'
            ? `YAML đọc giá trị này là ${issue.input instanceof Date ? 'ngày tháng' : typeof issue.input === 'number' ? 'số' : 'đúng/sai'}, không phải chữ; hãy đặt chữ trong ngoặc kép, ví dụ: "${about.example}". (expected a string; quote it)`
            : `Cần một đoạn chữ, ví dụ: "${about.example}". (expected a string)`,
      })
      .trim()
      .min(1, { error: `Không được để trống, ví dụ: "${about.example}". (must not be empty)` })
      .refine(isNfc, {
        error:
          'Chữ tiếng Việt chưa ở dạng dựng sẵn (NFC); hãy chạy "npm run lint:content -- --fix" hoặc gõ lại. (text is not NFC-normalised)',
      })
      .refine((value) => unsafeCharacter(value) === undefined, {
        error: (issue) =>
          `Có ký tự điều khiển ẩn ${unsafeCharacter(String(issue.input))} (thường do chép từ trang web hay phần mềm khác): nó làm hỏng RSS và ảnh chia sẻ, hoặc đảo hướng chữ để chữ hiện ra khác với nội dung thật. Hãy xóa rồi gõ lại đoạn chữ này. (control or bidi character)`,
      }),
    about,
  );

/**
 * An instant with an explicit offset: "2023-02-02T16:18:00+07:00".
 * YAML turns an unquoted timestamp into a Date; a quoted one arrives as a string. Both work.
 */
export const dateTime = (about: Partial<FieldText<string>>) =>
  withText(
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
      }),
    about,
  );

/** A calendar day, kept as "YYYY-MM-DD" (no time zone involved). */
export const calendarDate = (about: Partial<FieldText<string>>) =>
  withText(
    z
      .union([z.date(), z.string()], {
        error: 'Cần một ngày dạng năm-tháng-ngày, ví dụ: 2023-07-24. (expected YYYY-MM-DD)',
      })
      .transform((value, ctx) => {
        const iso =
          value instanceof Date
            ? Number.isNaN(value.getTime())
              ? ''
              : value.toISOString().slice(0, 10)
            : value.trim();
        if (!isCalendarDate(iso)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${String(value)}" không phải ngày hợp lệ; hãy viết năm-tháng-ngày, ví dụ: 2023-07-24 cho ngày 24/7/2023. (expected a real YYYY-MM-DD date)`,
          });
          return z.NEVER;
        }
        return iso;
      }),
    about,
  );

/** A year from 1945 on, as a number. */
export const year = (about: Partial<FieldText<number>>) =>
  withText(
    z
      .number({ error: 'Cần một năm bằng số, ví dụ: 2022. (expected a number)' })
      .int({ error: 'Năm phải là số nguyên, ví dụ: 2022. (expected an integer)' })
      .min(1945, { error: 'Năm phải từ 1945 trở đi, ví dụ: 2022. (minimum 1945)' })
      .max(2100, { error: 'Năm không hợp lệ, ví dụ: 2022. (maximum 2100)' }),
    about,
  );

/**
 * An enum of a controlled vocabulary (src/model/vocabulary.ts): its message names the field by
 * its label and path and lists every allowed id with its Vietnamese label; the CMS and the
 * scaffolder show the same labels.
 */
export function vocabulary<const T extends Record<string, unknown>>(
  entries: T,
  labelOf: (value: T[keyof T]) => string,
  about: FieldText<Extract<keyof T, string>>,
) {
  const ids = Object.keys(entries) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
  const labels = Object.fromEntries(ids.map((id) => [id, labelOf(entries[id] as T[keyof T])]));
  const list = ids.map((id) => `${id} (${labels[id]})`).join(', ');
  // Built on the first mistake only: the suggestions compare against every id and label.
  let suggester: Suggester | undefined;
  const question = (input: unknown) => {
    if (typeof input !== 'string') return '';
    suggester ??= new Suggester(ids.map((id) => ({ id, names: [labels[id]], label: labels[id]! })));
    const asked = didYouMean(suggester.suggest(input));
    return asked ? ` ${asked}` : '';
  };
  return withText(
    z.enum(ids, {
      error: (issue) =>
        `${about.label} (${dottedPath(issue.path)}) "${String(issue.input)}" không có trong danh mục.${question(issue.input)} Chọn một trong: ${list}. (unknown value)`,
    }),
    about,
    labels,
  );
}

/**
 * An object that rejects unknown fields with a message naming them. A misspelt field
 * ("member" for "members") would otherwise be dropped silently and its value lost.
 */
export const strictObject = <S extends z.core.$ZodLooseShape>(shape: S) => {
  // The fields the object has, by name and label, for "did you mean" (built on the first mistake).
  let suggester: Suggester | undefined;
  const fieldsLike = (key: string) => {
    suggester ??= new Suggester(
      Object.entries(shape).map(([id, schema]) => {
        const label = fieldTextOf(unwrapped(schema)).label;
        return { id, names: [label], ...(label ? { label } : {}) };
      }),
    );
    return suggester.suggest(key);
  };
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const asked = issue.keys
        .map((k) => {
          const found = fieldsLike(k);
          return found.length ? `${issue.keys.length > 1 ? `"${k}": ` : ''}${didYouMean(found)}` : '';
        })
        .filter(Boolean);
      return `Trường không có trong mẫu: ${issue.keys.map((k) => `"${k}"`).join(', ')}.${asked.length ? ` ${asked.join(' ')}` : ''} Hãy sửa lại tên trường cho đúng (xem src/model/schemas/) hoặc xóa trường đó. (unknown field)`;
    },
  });
};

/** The field's own schema inside .optional()/.default(), where its text is kept (field-text.ts). */
function unwrapped(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { innerType?: unknown } } } | undefined;
  for (let i = 0; i < 5 && s?._zod?.def?.innerType && !fieldTextOf(s).label; i++) s = s._zod.def.innerType as typeof s;
  return s;
}

/** A whole number of people or organisations (members, base unions, staff). */
export const count = (about: ItemText<number>) =>
  withText(
    z
      .number({ error: `Cần một số, ví dụ: ${about.example}. (expected a number)` })
      .int({ error: `Cần một số nguyên, ví dụ: ${about.example}. (expected an integer)` })
      .nonnegative({ error: `Không được là số âm, ví dụ: ${about.example}. (must not be negative)` }),
    about,
  );

/** A full web address ("https://…"). */
export const url = (about: ItemText<string>) =>
  withText(
    z.url({
      // http(s) only: z.url() alone accepts javascript:, data: and any other scheme.
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: (issue) =>
        typeof issue.input === 'string' &&
        /^\s*[a-z][a-z0-9+.-]*:/i.test(issue.input) &&
        !/^\s*https?:/i.test(issue.input)
          ? `Địa chỉ "${issue.input}" không được dùng: chỉ nhận địa chỉ web bắt đầu bằng https:// hoặc http://, ví dụ: ${about.example}. (URL scheme not allowed)`
          : `Cần một địa chỉ web đầy đủ, ví dụ: ${about.example}. (expected a URL)`,
    }),
    about,
  );
