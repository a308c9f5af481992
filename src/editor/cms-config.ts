/**
 * The web editor's configuration (Sveltia CMS, /admin/config.yml), generated from the zod
 * schemas of src/model/schemas/ so that they stay the one source of truth: a field added to a
 * schema, with its label, hint and options, appears in the editor (and in scaffolded files, see
 * scaffold.ts) without another edit. The schemas are read through the field tree of
 * schema-walker.ts; this module only maps that tree onto Sveltia's widgets.
 */
import { stringify } from 'yaml';
import { SITE_TIME_ZONE } from '#src/text/dates.ts';
import { DEFAULT_SITE, SITE_CONFIG_FILE, type SiteConfig } from '#src/model/site-config.ts';
import { backendFromEnv, backendFromSite, LOCAL_REPOSITORY, type CmsBackend } from '#src/model/cms-backend.ts';
import { EDITOR_FORMATS } from '#src/model/editor-format.ts';
import {
  COLLECTIONS,
  contentSchemas,
  describeSchema,
  siteSettingsSchema,
  optionLabel,
  type CollectionName,
  type FieldNode,
  type SchemaSet,
} from './schema-walker.ts';

export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

const COLLECTION_TEXT: Record<CollectionName, { label: string; singular: string; description: string }> = {
  news: { label: 'Tin tức', singular: 'Bài viết', description: 'Bài viết, tin tức (content/news/).' },
  awards: {
    label: 'Khen thưởng',
    singular: 'Quyết định khen thưởng',
    description: 'Khen thưởng, danh hiệu thi đua (content/awards/).',
  },
  units: { label: 'Đơn vị', singular: 'Đơn vị', description: 'Hồ sơ các cấp công đoàn và cơ quan (content/units/).' },
};

/** How relation widgets show the entries of each collection. */
const RELATION_DISPLAY: Record<CollectionName, { display: string[]; search: string[] }> = {
  news: { display: ['title'], search: ['title'] },
  awards: { display: ['{{year}} · {{title}}'], search: ['title', 'year', 'form'] },
  units: { display: ['name'], search: ['name', 'shortName', 'aliases'] },
};

export const NEWS_MEDIA_FOLDER = 'images';

function toCmsField(f: FieldNode): CmsField {
  const common: Record<string, unknown> = {};
  if (f.hint) common.hint = f.hint;
  if (!f.required) common.required = false;
  if (f.default !== undefined && !(Array.isArray(f.default) && f.default.length === 0)) common.default = f.default;
  const make = (widget: string, extra: Record<string, unknown> = {}): CmsField => ({
    name: f.name,
    label: f.label ?? f.name,
    ...common,
    widget,
    ...extra,
  });
  switch (f.kind) {
    case 'string':
      return make('string', f.format ? { type: f.format } : {});
    case 'number':
      return make('number', {
        value_type: f.int ? 'int' : 'float',
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
      });
    case 'boolean':
      return make('boolean', f.default === undefined ? { default: false } : {});
    case 'select':
      return make('select', {
        options: f.options!.map((value) => ({ label: optionLabel(f, value), value })),
        ...(f.multiple ? { multiple: true } : {}),
      });
    case 'datetime':
      // Stored as "2023-02-02T16:18:00+07:00": entered and written in Vietnam time.
      return make('datetime', {
        input_timezone: SITE_TIME_ZONE,
        format: 'YYYY-MM-DDTHH:mm:ssZ',
        hint: f.hint ?? 'Giờ Việt Nam (UTC+7).',
      });
    case 'date':
      return make('datetime', { type: 'date', format: 'YYYY-MM-DD' });
    case 'relation': {
      const target = f.collection!;
      return make('relation', {
        collection: target,
        value_field: '{{slug}}',
        display_fields: RELATION_DISPLAY[target].display,
        search_fields: RELATION_DISPLAY[target].search,
        ...(f.multiple ? { multiple: true } : {}),
      });
    }
    case 'image':
      return make('image', {
        media_folder: NEWS_MEDIA_FOLDER,
        public_folder: `./${NEWS_MEDIA_FOLDER}`,
        accept: 'image/jpeg,image/png,image/webp,image/avif',
      });
    case 'object':
      return make('object', { collapsed: 'auto', fields: f.fields!.map(toCmsField) });
    case 'list':
      if (f.fields) return make('list', { fields: f.fields.map(toCmsField) });
      return make('list', { field: { ...toCmsField(f.item!), name: 'item' } });
  }
}

/** Collection fields of the CMS, in schema order, plus the Markdown body for .md collections. */
export function cmsFields(collection: CollectionName, schema: unknown): CmsField[] {
  const fields = describeSchema(schema).map(toCmsField);
  if (collection !== 'awards') {
    fields.push({
      name: 'body',
      label: 'Nội dung',
      widget: 'markdown',
      hint: collection === 'news' ? 'Nội dung bài viết (Markdown).' : 'Giới thiệu đơn vị (Markdown).',
      required: collection === 'news',
    });
  }
  return fields;
}

/**
 * The MDX articles (content/news/*.mdx) as a collection of their own: a Sveltia folder
 * collection reads one file extension, so the .md and the .mdx articles of content/news/ are two
 * collections over the same folder, with the same fields (the news schema, walked once more).
 * Only the body differs: an MDX body may hold components, expressions and import/export lines
 * that the editor can neither show nor preview, so it is edited as plain text (the raw mode of
 * the Markdown widget: what is typed is what is saved, never rewritten by the rich-text editor),
 * under a note saying what not to touch. New articles start as .md (create: false): only a
 * developer adds components, and renames the file when doing so. A change to an .mdx file is a
 * change to code, so it goes through Sveltia's editorial workflow where the backend has one.
 */
/** The backends for which Sveltia has its editorial workflow (pull requests). */
const WORKFLOW_BACKENDS: readonly CmsBackend['name'][] = ['github', 'gitlab'];

export const MDX_COLLECTION = {
  name: 'news-mdx',
  label: 'Tin tức (MDX)',
  singular: 'Bài viết MDX',
  description:
    'Bài viết dạng MDX (content/news/*.mdx), có thành phần đặc biệt trong nội dung. Trình biên tập không xem trước được các thành phần này: sửa chữ bình thường, nhưng giữ nguyên mọi thẻ <…>, dấu {…} và các dòng import/export. Mỗi lần sửa cần người phụ trách kỹ thuật duyệt trước khi đăng. Bài mới hãy tạo ở mục Tin tức.',
  bodyHint:
    'Nội dung MDX, sửa dạng văn bản thuần. Giữ nguyên các thẻ thành phần như <TenThanhPhan …/>, các biểu thức trong dấu {…} và các dòng bắt đầu bằng import hoặc export: trình biên tập không xem trước được chúng, và sửa sai sẽ làm lỗi khi dựng trang.',
} as const;

/** The MDX articles' body: edited as plain text, under the note. */
function mdxBody(field: CmsField): CmsField {
  if (field.name !== 'body') return field;
  return { ...field, label: 'Nội dung (MDX)', hint: MDX_COLLECTION.bodyHint, modes: ['raw'] };
}

// The backend lives in the model: the admin page's Content-Security-Policy follows it too.
export { backendFromEnv, backendFromSite, LOCAL_REPOSITORY, type CmsBackend };

export interface CmsConfigOptions {
  /** The site configuration (content/site.yaml): the backend and the site's address. */
  site?: SiteConfig;
  /** A backend other than the site's (tests: Sveltia's in-browser "test-repo"). */
  backend?: CmsBackend;
  /** Content root relative to the repository ("content"). */
  contentRoot?: string;
  siteUrl?: string;
  schemas?: SchemaSet;
}

/** Where the logo and the share card uploaded in the settings go, and how the file names them. */
export const SITE_MEDIA = { folder: 'public/images/site', public: '/images/site' } as const;

/** The settings page: one file, content/site.yaml, with the fields of its schema. */
function settingsCollection(root: string): Record<string, unknown> {
  const fields = describeSchema(siteSettingsSchema()).map(toCmsField).map(siteImages);
  return {
    name: 'settings',
    label: 'Cấu hình trang',
    label_singular: 'Cấu hình trang',
    description: `Tên, địa chỉ, đơn vị chủ quản, liên hệ và trình biên tập của trang (${root}/${SITE_CONFIG_FILE}).`,
    files: [
      {
        name: 'site',
        label: 'Cấu hình trang',
        file: `${root}/${SITE_CONFIG_FILE}`,
        format: 'yaml',
        fields,
      },
    ],
  };
}

/** Image fields of the settings upload to public/images/site/ and are written "/images/site/…". */
function siteImages(field: CmsField): CmsField {
  if (field.widget === 'image')
    return {
      ...field,
      media_folder: `/${SITE_MEDIA.folder}`,
      public_folder: SITE_MEDIA.public,
      accept: 'image/svg+xml,image/png,image/jpeg,image/webp',
    };
  if (Array.isArray(field.fields)) return { ...field, fields: (field.fields as CmsField[]).map(siteImages) };
  return field;
}

export function buildCmsConfig(options: CmsConfigOptions = {}): Record<string, unknown> {
  const schemas = options.schemas ?? contentSchemas();
  const root = (options.contentRoot ?? 'content').replace(/\/$/, '');
  const collection = (name: CollectionName) => {
    const text = COLLECTION_TEXT[name];
    const base: Record<string, unknown> = {
      name,
      label: text.label,
      label_singular: text.singular,
      description: text.description,
      folder: `${root}/${name}`,
      create: true,
      fields: cmsFields(name, schemas[name]),
    };
    if (name === 'news') {
      return {
        ...base,
        extension: 'md',
        // Sveltia's front matter, keeping each file's own text (registered by the admin page).
        format: EDITOR_FORMATS.md,
        identifier_field: 'title',
        slug: '{{title}}',
        summary: '{{title}}',
        sortable_fields: ['publishedAt', 'title'],
        media_folder: NEWS_MEDIA_FOLDER,
        public_folder: `./${NEWS_MEDIA_FOLDER}`,
      };
    }
    if (name === 'awards') {
      return {
        ...base,
        extension: 'yaml',
        format: 'yaml',
        identifier_field: 'title',
        slug: '{{year}}-{{title}}',
        summary: '{{year}} · {{title}}',
        sortable_fields: ['year', 'title'],
      };
    }
    return {
      ...base,
      extension: 'md',
      format: EDITOR_FORMATS.md,
      identifier_field: 'name',
      slug: '{{name}}',
      summary: '{{name}}',
      sortable_fields: ['name'],
    };
  };
  const backend = options.backend ?? backendFromSite((options.site ?? DEFAULT_SITE).editor);
  const config: Record<string, unknown> = {
    backend,
    app_title: 'Biên tập nội dung',
    // The one image field (news hero) sets its own folders: files beside the articles, written
    // as "./images/…" so astro:assets resolves them. The global folder is only the CMS's default.
    media_folder: `${root}/news/${NEWS_MEDIA_FOLDER}`,
    public_folder: `/${root}/news/${NEWS_MEDIA_FOLDER}`,
    // Vietnamese slugs like vietnameseSlug(): tone marks dropped, đ → d, ASCII, at most 80 characters.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: 80 },
    // Empty optional fields are left out of files (the schemas reject empty strings).
    output: { omit_empty_optional_fields: true },
    // The MDX articles right after the .md ones: the same folder, listed side by side.
    collections: [
      ...COLLECTIONS.flatMap((name) =>
        name === 'news' ? [collection(name), mdxNewsCollection(collection(name), backend)] : [collection(name)],
      ),
      settingsCollection(root),
    ],
  };
  const siteUrl = options.siteUrl ?? (options.site ? new URL(options.site.base, options.site.url).href : undefined);
  if (siteUrl) config.site_url = siteUrl;
  return config;
}

/** The MDX articles: the news collection's folder and fields, .mdx files, no new entries. */
function mdxNewsCollection(news: Record<string, unknown>, backend: CmsBackend): Record<string, unknown> {
  return {
    ...news,
    name: MDX_COLLECTION.name,
    label: MDX_COLLECTION.label,
    label_singular: MDX_COLLECTION.singular,
    description: MDX_COLLECTION.description,
    extension: 'mdx',
    format: EDITOR_FORMATS.mdx,
    create: false,
    // An .mdx body is code (it runs at build time): on GitHub and GitLab a change to one is a
    // pull request, reviewed before it is published. Sveltia has no editorial workflow for the
    // other backends (it would warn), and the local repository saves directly.
    ...(WORKFLOW_BACKENDS.includes(backend.name) ? { publish_mode: 'editorial_workflow' } : {}),
    fields: (news.fields as CmsField[]).map(mdxBody),
  };
}

const HEADER =
  '# Generated from src/model/schemas/ by src/editor/cms-config.ts at build time. Do not edit: change the schemas.\n';

export function cmsConfigYaml(options: CmsConfigOptions = {}): string {
  return HEADER + stringify(buildCmsConfig(options), { lineWidth: 0, aliasDuplicateObjects: false });
}
