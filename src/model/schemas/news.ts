import { z } from 'astro/zod';
import { NEWS_CATEGORIES } from '../vocabulary.ts';
import { dateTime, strictObject, text, url, vocabulary } from './fields.ts';
import type { SchemaTools } from './types.ts';

/** A news article. `publishedAt` in the future means scheduled; no `publishedAt` means undated. */
export const newsSchema = ({ reference, image }: SchemaTools) =>
  strictObject({
    title: text('Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh…'),
    /** One or two sentences for lists, feeds and search results. */
    summary: text('Năm 2022, Công đoàn cơ sở VKSND tỉnh Quảng Ngãi được tặng Bằng khen…'),
    /**
     * When the article was published. Leave it out only when the source states no date
     * (never invent one): the article is then published, listed after dated ones and shown
     * as "Không rõ ngày đăng".
     */
    publishedAt: dateTime().optional(),
    updatedAt: dateTime().optional(),
    /** Byline as the article states it: "Tô Thị Ái, Công đoàn Viên chức tỉnh". */
    author: text('Tô Thị Ái').optional(),
    /** The portal the article first appeared on. */
    source: strictObject({
      name: text('kiemsat.vn'),
      url: url().optional(),
    }).optional(),
    /** Units the article concerns. */
    units: z.array(reference('units')).default([]),
    /** Award records the article announces. */
    awards: z.array(reference('awards')).default([]),
    tags: z.array(text('thi đua')).default([]),
    category: vocabulary(NEWS_CATEGORIES, (c) => c, 'Chuyên mục (category)').default('tin-tuc'),
    hero: strictObject({
      image: image(),
      alt: text('Quang cảnh Hội nghị'),
      caption: text('Quang cảnh Hội nghị.').optional(),
    }).optional(),
    draft: z.boolean().default(false),
  }).refine(
    (n) => n.updatedAt === undefined || n.publishedAt === undefined || n.updatedAt.getTime() >= n.publishedAt.getTime(),
    {
      error: 'updatedAt phải sau publishedAt.',
      path: ['updatedAt'],
    },
  );

export type NewsData = z.infer<ReturnType<typeof newsSchema>>;
