import { z } from 'astro/zod';
import { NEWS_CATEGORIES } from '../vocabulary.ts';
import { field } from './field-text.ts';
import { dateTime, strictObject, text, url, vocabulary } from './fields.ts';
import type { SchemaTools } from './types.ts';

/**
 * The fields of an article that do not depend on the entry's image helper: every field but the
 * hero, in the order of the schema.
 */
const sharedFields = ({ reference }: Pick<SchemaTools, 'reference'>) => ({
  /** The headline. */
  title: text({ label: 'Tiêu đề', example: 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh…' }),
  /** One or two sentences for lists, feeds and search results. */
  summary: text({
    label: 'Tóm tắt',
    hint: 'Một đến hai câu, hiện ở danh sách tin, RSS và kết quả tìm kiếm.',
    example: 'Năm 2022, Công đoàn cơ sở VKSND tỉnh Quảng Ngãi được tặng Bằng khen…',
  }),
  /** When it was published; left out only when the source states no date (never invented). */
  publishedAt: dateTime({
    label: 'Ngày giờ đăng',
    hint: 'Giờ Việt Nam (UTC+7). Ngày trong tương lai: bài được hẹn giờ, chỉ hiện khi đến giờ. Để trống chỉ khi nguồn không ghi ngày.',
  }).optional(),
  /** When it was last revised, not before `publishedAt`. */
  updatedAt: dateTime({
    label: 'Ngày giờ cập nhật',
    hint: 'Giờ Việt Nam (UTC+7), sau ngày đăng.',
    example: '2023-02-03T08:00:00+07:00',
  }).optional(),
  /** Byline as the article states it: "Tô Thị Ái, Công đoàn Viên chức tỉnh". */
  author: text({
    label: 'Tác giả',
    hint: 'Ghi đúng như bài viết, ví dụ: Tô Thị Ái, Công đoàn Viên chức tỉnh.',
    example: 'Tô Thị Ái',
  }).optional(),
  /** The portal the article first appeared on. */
  source: field(
    strictObject({
      /** The portal's name: "kiemsat.vn". */
      name: text({ label: 'Tên nguồn', hint: 'Ví dụ: kiemsat.vn', example: 'kiemsat.vn' }),
      /** The address of the original article. */
      url: url({
        label: 'Địa chỉ bài gốc',
        hint: 'Địa chỉ web đầy đủ, bắt đầu bằng https://',
        example: 'https://kiemsat.vn/',
      }).optional(),
    }),
    { label: 'Nguồn', hint: 'Trang đăng bài lần đầu.' },
  ).optional(),
  /** Units the article concerns. */
  units: field(z.array(reference('units')), {
    label: 'Đơn vị liên quan',
    hint: 'Các đơn vị mà bài viết nói đến.',
  }).default([]),
  /** Award records the article announces. */
  awards: field(z.array(reference('awards')), {
    label: 'Khen thưởng được công bố',
    hint: 'Các quyết định khen thưởng mà bài viết đưa tin.',
  }).default([]),
  /** Short keywords, each a page of its own. */
  tags: field(z.array(text({ example: 'thi đua' })), {
    label: 'Thẻ',
    hint: 'Từ khóa ngắn, ví dụ: thi đua.',
  }).default([]),
  /** The section of the site the article is listed in. */
  category: vocabulary(NEWS_CATEGORIES, (c) => c, { label: 'Chuyên mục' }).default('tin-tuc'),
  /** A draft is not published (preview only). */
  draft: field(z.boolean(), {
    label: 'Bản nháp',
    hint: 'Bật: bài chưa được xuất bản (chỉ hiện khi xem thử bằng npm run dev).',
  }).default(false),
});

/** The picture at the top of the article, with its text alternative. */
const heroField = (image: SchemaTools['image']) =>
  field(
    strictObject({
      /** The image file, beside the article ("./images/…"). */
      image: field(image(), {
        label: 'Tệp ảnh',
        hint: 'Ảnh được lưu vào thư mục content/news/images/.',
        example: './images/ten-anh.jpg',
      }),
      /** What the picture shows, for readers who cannot see it. */
      alt: text({
        label: 'Mô tả ảnh (bắt buộc)',
        hint: 'Tả nội dung ảnh cho người không xem được ảnh, ví dụ: Quang cảnh Hội nghị.',
        example: 'Mô tả nội dung ảnh',
      }),
      /** The caption printed under the picture. */
      caption: text({ label: 'Chú thích ảnh', example: 'Chú thích ảnh.' }).optional(),
    }),
    { label: 'Ảnh đại diện' },
  ).optional();

// Astro calls a collection's schema function once per entry (`image` resolves a path beside
// that entry's file), and building these fields took about 1.5–4 ms each time: 15–40 s of the
// content sync at 10,000 articles. Built once per `reference` helper and shared instead (zod
// schemas are immutable); only the hero is built per entry.
const built = new WeakMap<SchemaTools['reference'], ReturnType<typeof sharedFields>>();

/** A news article. `publishedAt` in the future means scheduled; no `publishedAt` means undated. */
export const newsSchema = (tools: SchemaTools) => {
  let fields = built.get(tools.reference);
  if (!fields) built.set(tools.reference, (fields = sharedFields(tools)));
  const { draft, ...rest } = fields;
  return strictObject({ ...rest, hero: heroField(tools.image), draft }).refine(
    (n) => n.updatedAt === undefined || n.publishedAt === undefined || n.updatedAt.getTime() >= n.publishedAt.getTime(),
    {
      error: 'updatedAt phải sau publishedAt. (updatedAt before publishedAt)',
      path: ['updatedAt'],
    },
  );
};

export type NewsData = z.infer<ReturnType<typeof newsSchema>>;
