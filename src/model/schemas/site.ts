import { z } from 'astro/zod';
import { normalizeSiteBase, SiteBaseError } from '../site-base.ts';
import { EDITOR_BACKENDS, SOCIAL_NETWORKS } from '../vocabulary.ts';
import { field, withText } from './field-text.ts';
import { strictObject, text, url, vocabulary } from './fields.ts';
import type { SchemaTools } from './types.ts';

/**
 * A base path: "/" or "/congdoan/", normalised by src/model/site-base.ts (the same rules as
 * SITE_BASE: slashes an editor leaves out are added; anything but plain path segments is refused).
 */
export const basePath = (about: { label: string; hint?: string; example: string }) =>
  withText(
    z.string({ error: `Cần một đường dẫn, ví dụ: "${about.example}". (expected a string)` }).transform((value, ctx) => {
      try {
        return normalizeSiteBase(value, about.label);
      } catch (error) {
        if (!(error instanceof SiteBaseError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message} (invalid base path)` });
        return z.NEVER;
      }
    }),
    about,
  );

/** An image with its description (logo, share card). */
const imageWithAlt = <I extends z.ZodType>(
  image: () => I,
  about: { label: string; hint: string; example: string; alt: string },
) =>
  field(
    strictObject({
      /** A file of public/ ("/images/site/logo.svg"), published at the same path under the base. */
      image: field(image(), {
        label: 'Tệp ảnh',
        hint: 'Ảnh được lưu vào thư mục public/images/site/.',
        example: about.example as z.input<I>,
      }),
      /** What the image shows, for readers who cannot see it. */
      alt: text({ label: 'Mô tả ảnh', hint: 'Câu tả nội dung ảnh cho người không nhìn thấy ảnh.', example: about.alt }),
    }),
    { label: about.label, hint: about.hint },
  ).optional();

/**
 * The site's own configuration (content/site.yaml): who publishes it, where, and how the web
 * editor reaches the repository. The build, every page, feed and share image, robots.txt, the
 * sitemap and /admin read it (src/model/site-config.ts loads it).
 */
export const siteSchema = <R extends z.ZodType = z.ZodString, I extends z.ZodType = z.ZodString>({
  reference,
  image,
}: {
  reference: (collection: 'units') => R;
  image: () => I;
}) =>
  strictObject({
    /** The site's name: header, page titles, feeds, share cards. */
    name: text({
      label: 'Tên trang',
      hint: 'Hiện ở đầu trang, cuối tiêu đề mỗi trang và trong RSS.',
      example: 'Tin Công đoàn',
    }),
    /** Short line under the name. */
    tagline: text({
      label: 'Khẩu hiệu',
      hint: 'Một dòng ngắn dưới tên trang.',
      example: 'Tin tức, đơn vị và khen thưởng của tổ chức Công đoàn',
    }),
    /** Description of the home page and of pages without their own. */
    description: text({
      label: 'Mô tả trang',
      hint: 'Một đến hai câu giới thiệu trang, cho máy tìm kiếm và mạng xã hội.',
      example: 'Tin tức, hồ sơ đơn vị và lịch sử thi đua, khen thưởng của tổ chức Công đoàn.',
    }),
    /** The canonical address; SITE_URL overrides it (CI). */
    url: url({
      label: 'Địa chỉ trang',
      hint: 'Địa chỉ đầy đủ của tên miền, bắt đầu bằng https://, ví dụ https://example.gov.vn.',
      example: 'https://congdoan.example.vn',
    }),
    /** The path of the site on its domain; SITE_BASE overrides it (CI). Default: the path of url. */
    base: basePath({
      label: 'Đường dẫn gốc',
      hint: 'Khi trang nằm dưới một đường dẫn của tên miền, ví dụ /congdoan/; để trống hoặc "/" khi ở gốc.',
      example: '/congdoan/',
    }).optional(),
    /** The unit publishing the site; without it the site is a portal of the whole hierarchy. */
    owner: field(reference('units'), {
      label: 'Đơn vị chủ quản',
      hint: 'Đơn vị có trang này (trang chủ đặt đơn vị này lên đầu). Để trống nếu là cổng thông tin chung.',
      example: 'cong-doan-vksnd-tinh-quang-ngai' as z.input<R>,
    }).optional(),
    /** Shown beside the name in the header. */
    logo: imageWithAlt(image, {
      label: 'Biểu trưng (logo)',
      hint: 'Ảnh SVG hoặc PNG nhỏ, hiện cạnh tên trang.',
      example: '/images/site/logo.svg',
      alt: 'Biểu trưng Công đoàn Việt Nam',
    }),
    /** The card shown when a page without an image of its own is shared. */
    shareCard: imageWithAlt(image, {
      label: 'Ảnh chia sẻ',
      hint: 'Ảnh 1200×630 khi chia sẻ trang lên mạng xã hội; để trống thì trang tự tạo ảnh từ tên và khẩu hiệu.',
      example: '/images/site/anh-chia-se.png',
      alt: 'Tin Công đoàn: tin tức, đơn vị và khen thưởng',
    }),
    /** How readers reach the site's publisher (the owner unit's contact when left out). */
    contact: field(
      strictObject({
        address: text({ label: 'Địa chỉ', example: 'Số 1 đường Hùng Vương, TP. Quảng Ngãi' }).optional(),
        phone: text({ label: 'Điện thoại', example: '0255 3822 000' }).optional(),
        email: field(
          z.email({ error: 'Email không hợp lệ, ví dụ: congdoan@example.vn. (expected an e-mail address)' }),
          { label: 'Email', example: 'congdoan@example.vn' },
        ).optional(),
      }),
      { label: 'Liên hệ', hint: 'Hiện ở cuối trang; để trống thì dùng liên hệ của đơn vị chủ quản.' },
    ).optional(),
    /** Pages of the publisher on social networks. */
    social: field(
      z.array(
        strictObject({
          network: vocabulary(SOCIAL_NETWORKS, (n) => n, { label: 'Mạng xã hội', example: 'facebook' }),
          url: url({ label: 'Địa chỉ', example: 'https://www.facebook.com/congdoan' }),
        }),
      ),
      { label: 'Mạng xã hội', hint: 'Các trang của đơn vị trên mạng xã hội, hiện ở cuối trang.' },
    ).default([]),
    /** The last line of every page. */
    footer: text({
      label: 'Dòng cuối trang',
      hint: 'Ví dụ: ghi chú bản quyền, nguồn tin.',
      example: 'Nội dung được tổng hợp từ các bài viết đã đăng; nguồn gốc ghi ở từng bài.',
    }).optional(),
    /** Where the web editor (/admin) saves: the repository and its host. */
    editor: field(
      strictObject({
        backend: vocabulary(EDITOR_BACKENDS, (b) => b, { label: 'Nơi lưu nội dung', example: 'github' }),
        repo: field(
          z
            .string({
              error: 'Cần tên kho dạng "tổ-chức/tên-kho", ví dụ: "cong-doan/tin-cong-doan". (expected a string)',
            })
            .trim()
            .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, {
              error: 'Tên kho phải có dạng "tổ-chức/tên-kho", ví dụ: "cong-doan/tin-cong-doan". (expected owner/name)',
            }),
          {
            label: 'Kho mã nguồn',
            hint: 'Dạng tổ-chức/tên-kho, ví dụ cong-doan/tin-cong-doan.',
            example: 'cong-doan/tin-cong-doan',
          },
        ).optional(),
        branch: field(
          z.string({ error: 'Cần tên nhánh, ví dụ: "main". (expected a string)' }).trim().min(1, {
            error: 'Tên nhánh không được để trống, ví dụ: "main". (must not be empty)',
          }),
          { label: 'Nhánh', hint: 'Nhánh được xuất bản, thường là main.', example: 'main' },
        ).default('main'),
        /** The OAuth proxy (Sveltia CMS Authenticator, or the sign-in of a self-hosted GitLab/Gitea). */
        authUrl: url({
          label: 'Địa chỉ dịch vụ đăng nhập',
          hint: 'Dịch vụ đăng nhập OAuth, ví dụ Sveltia CMS Authenticator, hoặc của máy chủ GitLab, Gitea riêng.',
          example: 'https://auth.example.vn',
        }).optional(),
        /** The API of a self-hosted GitLab, Gitea/Forgejo or GitHub Enterprise. */
        apiRoot: url({
          label: 'Địa chỉ API của máy chủ riêng',
          hint: 'Chỉ khi dùng GitLab, Gitea (Forgejo) hay GitHub Enterprise tự cài, ví dụ https://git.congdoan.vn/api/v1.',
          example: 'https://git.congdoan.vn/api/v1',
        }).optional(),
      }).refine((e) => e.backend === 'local' || e.repo !== undefined, {
        error:
          'Thiếu Kho mã nguồn (editor.repo) cho nơi lưu GitHub, GitLab hay Gitea: hãy ghi dạng "tổ-chức/tên-kho", ví dụ: repo: cong-doan/tin-cong-doan, hoặc chọn backend: local. (repo required)',
        path: ['repo'],
      }),
      { label: 'Trình biên tập', hint: 'Nơi trình biên tập /admin lưu nội dung.' },
    ).default({ backend: 'local', branch: 'main' }),
  });

/** The file's data as the loader reads it (src/model/site-config.ts): the owner is a unit's id. */
export type SiteData = z.output<ReturnType<typeof siteSchema<z.ZodString, z.ZodString>>>;

/** Structural check that the factory takes what the other collections take. */
export type SiteSchemaTools = Pick<SchemaTools, 'image'> & { reference: (collection: 'units') => z.ZodType };
