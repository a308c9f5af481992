/**
 * The web editor's configuration (Sveltia CMS, /admin/config.yml), generated from the zod
 * schemas of src/model/schemas/ so that they stay the one source of truth: a field added to a schema
 * appears in the editor (and in scaffolded files, see scaffold.ts) without another edit.
 *
 * The schemas are built here with our own SchemaTools whose reference() and image() return
 * schemas tagged in a WeakMap, so the walker recognises relations and images. Everything else
 * is read from the zod v4 definitions: objects, arrays, enums (vocabularies get their
 * Vietnamese labels), numbers (int, min, max), booleans, optional/default wrappers, and the
 * date pipes (told apart by what they accept: a date-time with offset or a calendar day).
 */
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { awardSchema } from '#src/model/schemas/award.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import type { SchemaTools } from '#src/model/schemas/types.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';
import { SITE_TIME_ZONE } from '#src/text/dates.ts';
import {
  AWARD_FORMS,
  AWARD_STATUSES,
  CONFERRER_LEVELS,
  LINEAGE_KINDS,
  NEWS_CATEGORIES,
  RECIPIENT_KINDS,
  UNIT_LEVELS,
} from '#src/model/vocabulary.ts';
import { installEditorMessages } from '#src/model/issue-messages.ts';

export type CollectionName = 'news' | 'awards' | 'units';
export const COLLECTIONS: readonly CollectionName[] = ['news', 'awards', 'units'];

// ---------------------------------------------------------------------------------------------
// Schema tools with recognisable markers

type Marker = { kind: 'relation'; collection: CollectionName } | { kind: 'image' };
const markers = new WeakMap<object, Marker>();

/** SchemaTools whose reference()/image() results the walker recognises. */
export const cmsTools: SchemaTools = {
  reference: (collection) => {
    const schema = z.string().trim().min(1);
    markers.set(schema, { kind: 'relation', collection });
    return schema;
  },
  image: () => {
    const schema = z.string().trim().min(1);
    markers.set(schema, { kind: 'image' });
    return schema;
  },
};

export type SchemaSet = Record<CollectionName, z.ZodType>;

/**
 * The collection schemas, built with the marker tools: the editor's tools (content guard,
 * scaffold, CMS config) define the collections here as src/content.config.ts does for Astro,
 * and install the same Vietnamese error map.
 */
export function contentSchemas(): SchemaSet {
  installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);
  return { news: newsSchema(cmsTools), awards: awardSchema(cmsTools), units: unitSchema(cmsTools) };
}

// ---------------------------------------------------------------------------------------------
// Walking a zod schema into a neutral field tree

export type FieldKind =
  'string' | 'number' | 'boolean' | 'select' | 'datetime' | 'date' | 'relation' | 'image' | 'object' | 'list';

export interface FieldNode {
  name: string;
  /** Dotted path from the collection root, list items without an index: "recipients.unit". */
  path: string;
  kind: FieldKind;
  required: boolean;
  default?: unknown;
  /** select: allowed values. */
  options?: string[];
  /** relation: the referenced collection. */
  collection?: CollectionName;
  /** relation/select inside an array: several values. */
  multiple?: boolean;
  /** number */
  int?: boolean;
  min?: number;
  max?: number;
  /** string subtype */
  format?: 'url' | 'email';
  /** object: sub-fields; list: the item's fields (when the item is an object). */
  fields?: FieldNode[];
  /** list of scalars: the item. */
  item?: FieldNode;
  /** .meta({ title, description }) or .describe() on the schema, when present. */
  title?: string;
  description?: string;
}

type AnySchema = z.core.$ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
const defOf = (s: unknown) => (s as AnySchema)._zod.def;

const metaOf = (s: unknown): { title?: string; description?: string } => {
  const meta = z.globalRegistry.get(s as z.ZodType) as { title?: string; description?: string } | undefined;
  const out: { title?: string; description?: string } = {};
  if (meta?.title) out.title = meta.title;
  const description = meta?.description ?? (s as { description?: string }).description;
  if (description) out.description = description;
  return out;
};

const probe = (s: unknown, value: unknown) => (s as z.ZodType).safeParse(value);

/** Whether a pipe/union accepts dates: an instant with offset ("datetime") or a calendar day ("date"). */
function dateKind(s: unknown): 'datetime' | 'date' | undefined {
  const instant = probe(s, '2023-02-02T16:18:00+07:00');
  if (instant.success && instant.data instanceof Date) return 'datetime';
  const day = probe(s, '2023-07-24');
  if (day.success && day.data === '2023-07-24') return 'date';
  return undefined;
}

interface Wrapped {
  inner: unknown;
  required: boolean;
  default?: unknown;
  meta: { title?: string; description?: string };
}

/** Peel optional/default/nullable wrappers, keeping what they say. */
function unwrap(schema: unknown): Wrapped {
  let s = schema;
  let required = true;
  let dflt: unknown;
  let meta = metaOf(s);
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable') {
      required = false;
    } else if (def.type === 'default' || def.type === 'prefault') {
      required = false;
      const value = def.defaultValue;
      dflt = typeof value === 'function' ? (value as () => unknown)() : value;
    } else break;
    s = def.innerType;
    meta = { ...metaOf(s), ...meta };
  }
  return { inner: s, required, ...(dflt !== undefined ? { default: dflt } : {}), meta };
}

/** Describe one field's schema. */
export function describeField(name: string, path: string, schema: unknown): FieldNode {
  const { inner, required, default: dflt, meta } = unwrap(schema);
  const base = { name, path, required, ...(dflt !== undefined ? { default: dflt } : {}), ...meta };
  const marker = markers.get(inner as object);
  if (marker?.kind === 'relation') return { ...base, kind: 'relation', collection: marker.collection };
  if (marker?.kind === 'image') return { ...base, kind: 'image' };

  const def = defOf(inner);
  switch (def.type) {
    case 'object':
      return { ...base, kind: 'object', fields: describeShape(def.shape as Record<string, unknown>, path) };
    case 'array': {
      const item = describeField(name, path, def.element);
      if (item.kind === 'object') return { ...base, kind: 'list', fields: item.fields ?? [] };
      if (item.kind === 'relation' || item.kind === 'select') {
        return { ...base, kind: item.kind, multiple: true, ...pick(item, ['collection', 'options']) };
      }
      return { ...base, kind: 'list', item };
    }
    case 'enum':
      return { ...base, kind: 'select', options: Object.values(def.entries as Record<string, string>) };
    case 'literal':
      return { ...base, kind: 'select', options: (def.values as unknown[]).map(String) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'number': {
      const n = inner as unknown as { isInt: boolean; minValue: number | null; maxValue: number | null };
      const bounded = (v: number | null) => v !== null && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER;
      return {
        ...base,
        kind: 'number',
        int: n.isInt,
        ...(bounded(n.minValue) ? { min: n.minValue! } : {}),
        ...(bounded(n.maxValue) ? { max: n.maxValue! } : {}),
      };
    }
    case 'string': {
      const format = (inner as unknown as { format: string | null }).format;
      return { ...base, kind: 'string', ...(format === 'url' || format === 'email' ? { format } : {}) };
    }
    case 'pipe': {
      const dk = dateKind(inner);
      if (dk) return { ...base, kind: dk };
      // A transform at the end: describe what the pipe accepts; otherwise what it produces.
      const out = defOf(def.out);
      const node = describeField(name, path, out.type === 'transform' ? def.in : def.out);
      return { ...node, required, ...(dflt !== undefined ? { default: dflt } : {}), ...meta };
    }
    case 'union': {
      const dk = dateKind(inner);
      if (dk) return { ...base, kind: dk };
      return { ...describeField(name, path, (def.options as unknown[])[0]), required };
    }
    case 'date':
      return { ...base, kind: 'datetime' };
    default:
      throw new Error(
        `cms-config: field "${path}" has a zod type "${def.type}" the CMS generator does not know; add it to describeField().`,
      );
  }
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function describeShape(shape: Record<string, unknown>, parent: string): FieldNode[] {
  return Object.entries(shape).map(([name, s]) => describeField(name, parent ? `${parent}.${name}` : name, s));
}

/** The fields of a collection schema (an object, possibly refined). */
export function describeSchema(schema: unknown): FieldNode[] {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type !== 'object') throw new Error(`cms-config: a collection schema must be an object, got "${def.type}".`);
  return describeShape(def.shape as Record<string, unknown>, '');
}

/** Every dotted field path of a field tree, depth first. */
export function fieldPaths(fields: FieldNode[]): string[] {
  return fields.flatMap((f) => [f.path, ...fieldPaths(f.fields ?? [])]);
}

// ---------------------------------------------------------------------------------------------
// Vietnamese labels and hints

interface Text {
  label: string;
  hint?: string;
}

/** Labels by "collection.path"; then by field name alone (shared names); then schema meta; then the name. */
export const FIELD_TEXT: Record<string, Text> = {
  'news.title': { label: 'Tiêu đề' },
  'news.summary': { label: 'Tóm tắt', hint: 'Một đến hai câu, hiện ở danh sách tin, RSS và kết quả tìm kiếm.' },
  'news.publishedAt': {
    label: 'Ngày giờ đăng',
    hint: 'Giờ Việt Nam (UTC+7). Ngày trong tương lai: bài được hẹn giờ, chỉ hiện khi đến giờ. Để trống chỉ khi nguồn không ghi ngày.',
  },
  'news.updatedAt': { label: 'Ngày giờ cập nhật', hint: 'Giờ Việt Nam (UTC+7), sau ngày đăng.' },
  'news.author': { label: 'Tác giả', hint: 'Ghi đúng như bài viết, ví dụ: Tô Thị Ái, Công đoàn Viên chức tỉnh.' },
  'news.source': { label: 'Nguồn', hint: 'Trang đăng bài lần đầu.' },
  'news.source.name': { label: 'Tên nguồn', hint: 'Ví dụ: kiemsat.vn' },
  'news.source.url': { label: 'Địa chỉ bài gốc', hint: 'Địa chỉ web đầy đủ, bắt đầu bằng https://' },
  'news.units': { label: 'Đơn vị liên quan', hint: 'Các đơn vị mà bài viết nói đến.' },
  'news.awards': { label: 'Khen thưởng được công bố', hint: 'Các quyết định khen thưởng mà bài viết đưa tin.' },
  'news.tags': { label: 'Thẻ', hint: 'Từ khóa ngắn, ví dụ: thi đua.' },
  'news.category': { label: 'Chuyên mục' },
  'news.hero': { label: 'Ảnh đại diện' },
  'news.hero.image': { label: 'Tệp ảnh', hint: 'Ảnh được lưu vào thư mục content/news/images/.' },
  'news.hero.alt': {
    label: 'Mô tả ảnh (bắt buộc)',
    hint: 'Tả nội dung ảnh cho người không xem được ảnh, ví dụ: Quang cảnh Hội nghị.',
  },
  'news.hero.caption': { label: 'Chú thích ảnh' },
  'news.draft': { label: 'Bản nháp', hint: 'Bật: bài chưa được xuất bản (chỉ hiện khi xem thử bằng npm run dev).' },

  'awards.form': { label: 'Hình thức khen thưởng' },
  'awards.title': { label: 'Tên danh hiệu, thành tích', hint: 'Ví dụ: Hoàn thành xuất sắc nhiệm vụ.' },
  'awards.conferredBy': { label: 'Cấp khen thưởng', hint: 'Bỏ trống nếu nguồn không nói ai khen thưởng (không đoán).' },
  'awards.conferredBy.unit': { label: 'Đơn vị khen thưởng (có hồ sơ)' },
  'awards.conferredBy.name': {
    label: 'Tên cơ quan khen thưởng',
    hint: 'Khi cơ quan không có hồ sơ đơn vị, ví dụ: Ủy ban nhân dân tỉnh Quảng Ngãi.',
  },
  'awards.conferredBy.level': { label: 'Cấp của cơ quan khen thưởng' },
  'awards.year': { label: 'Năm thành tích' },
  'awards.decision': { label: 'Quyết định' },
  'awards.decision.number': { label: 'Số quyết định', hint: 'Ví dụ: 38/QĐ-VKSTC' },
  'awards.decision.date': { label: 'Ngày quyết định' },
  'awards.recipients': { label: 'Người nhận', hint: 'Ít nhất một người nhận: chọn đơn vị hoặc ghi tên.' },
  'awards.recipients.kind': { label: 'Loại người nhận' },
  'awards.recipients.unit': { label: 'Đơn vị (tập thể, hoặc nơi công tác của cá nhân)' },
  'awards.recipients.name': { label: 'Tên', hint: 'Tên cá nhân, hoặc tên tập thể chưa có hồ sơ.' },
  'awards.recipients.role': { label: 'Chức vụ', hint: 'Ví dụ: Phó Chủ tịch Công đoàn.' },
  'awards.campaign': { label: 'Phong trào thi đua' },
  'awards.article': { label: 'Bài viết công bố' },
  'awards.citation': { label: 'Trích dẫn nguồn', hint: 'Câu trong bài viết nêu việc khen thưởng, giữ làm bằng chứng.' },
  'awards.status': { label: 'Hiệu lực' },
  'awards.revocation': { label: 'Thu hồi', hint: 'Chỉ điền khi quyết định đã bị thu hồi (Hiệu lực: Đã thu hồi).' },
  'awards.revocation.date': { label: 'Ngày thu hồi' },
  'awards.revocation.reason': { label: 'Lý do thu hồi' },
  'awards.revocation.decision': { label: 'Số quyết định thu hồi' },
  'awards.draft': {
    label: 'Chưa xác nhận (nháp)',
    hint: 'Bật: bản ghi đề xuất, chưa được biên tập viên kiểm tra; không hiện trên trang.',
  },

  'units.name': {
    label: 'Tên đầy đủ',
    hint: 'Tên chính thức, ví dụ: Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Quảng Ngãi.',
  },
  'units.shortName': { label: 'Tên ngắn', hint: 'Dùng trong tiêu đề, ví dụ: Công đoàn VKSND tỉnh Quảng Ngãi.' },
  'units.aliases': { label: 'Tên gọi khác', hint: 'Các cách gọi khác trong bài viết, để nhận ra đơn vị.' },
  'units.level': { label: 'Cấp đơn vị' },
  'units.parent': { label: 'Đơn vị cấp trên trực tiếp' },
  'units.province': { label: 'Tỉnh, thành phố', hint: 'Theo tên tại thời điểm của hồ sơ, ví dụ: Quảng Ngãi.' },
  'units.foundedOn': { label: 'Ngày thành lập' },
  'units.dissolvedOn': { label: 'Ngày giải thể, sáp nhập' },
  'units.terms': { label: 'Nhiệm kỳ' },
  'units.terms.from': { label: 'Từ năm' },
  'units.terms.to': { label: 'Đến năm' },
  'units.terms.congress': { label: 'Đại hội', hint: 'Ví dụ: lần thứ II, khóa XXV.' },
  'units.terms.leaders': { label: 'Lãnh đạo' },
  'units.terms.leaders.name': { label: 'Họ và tên' },
  'units.terms.leaders.role': { label: 'Chức vụ công đoàn', hint: 'Ví dụ: Chủ tịch, Phó Chủ tịch.' },
  'units.terms.leaders.note': { label: 'Chức vụ khác', hint: 'Ví dụ: Phó Viện trưởng VKSND tối cao.' },
  'units.figures': { label: 'Số liệu theo năm' },
  'units.figures.year': { label: 'Năm' },
  'units.figures.members': { label: 'Số đoàn viên' },
  'units.figures.baseUnions': { label: 'Số công đoàn cơ sở' },
  'units.figures.staff': { label: 'Số CCVCLĐ' },
  'units.figures.source': { label: 'Nguồn số liệu', hint: 'Mã bài viết hoặc tên văn bản.' },
  'units.contact': { label: 'Liên hệ' },
  'units.contact.address': { label: 'Địa chỉ' },
  'units.contact.phone': { label: 'Điện thoại' },
  'units.contact.email': { label: 'Email' },
  'units.website': { label: 'Trang web' },
  'units.lineage': { label: 'Lịch sử tổ chức', hint: 'Đổi tên, hợp nhất, chia tách: đơn vị tiền thân hoặc kế thừa.' },
  'units.lineage.relation': { label: 'Quan hệ' },
  'units.lineage.unit': { label: 'Đơn vị' },
  'units.lineage.date': { label: 'Ngày' },
  'units.lineage.kind': { label: 'Hình thức' },
  'units.lineage.note': { label: 'Ghi chú', hint: 'Ví dụ: Theo Nghị quyết số 202/2025/QH15.' },
};

/** Fallback labels for common field names (a new field named like one of these gets its label). */
const NAME_TEXT: Record<string, Text> = {
  name: { label: 'Tên' },
  title: { label: 'Tiêu đề' },
  date: { label: 'Ngày' },
  year: { label: 'Năm' },
  unit: { label: 'Đơn vị' },
  note: { label: 'Ghi chú' },
  url: { label: 'Địa chỉ web' },
  email: { label: 'Email' },
};

/** Vietnamese labels of every vocabulary, looked up by the enum's set of values. */
const VOCABULARIES: Record<string, string>[] = [
  Object.fromEntries(Object.entries(AWARD_FORMS).map(([k, v]) => [k, v.label])),
  Object.fromEntries(Object.entries(UNIT_LEVELS).map(([k, v]) => [k, v.label])),
  CONFERRER_LEVELS,
  LINEAGE_KINDS,
  NEWS_CATEGORIES,
  AWARD_STATUSES,
  RECIPIENT_KINDS,
  { predecessor: 'Đơn vị tiền thân', successor: 'Đơn vị kế thừa' },
];

export function optionLabel(options: string[], value: string): string {
  const vocab = VOCABULARIES.find((v) => options.every((o) => o in v));
  return vocab?.[value] ?? value;
}

export function fieldText(collection: CollectionName, field: FieldNode): Text {
  const own = FIELD_TEXT[`${collection}.${field.path}`];
  const label = own?.label ?? field.title ?? NAME_TEXT[field.name]?.label ?? field.name;
  const hint = own?.hint ?? field.description;
  return hint ? { label, hint } : { label };
}

// ---------------------------------------------------------------------------------------------
// Sveltia CMS configuration

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

function toCmsField(collection: CollectionName, f: FieldNode): CmsField {
  const text = fieldText(collection, f);
  const common: Record<string, unknown> = {};
  if (text.hint) common.hint = text.hint;
  if (!f.required) common.required = false;
  if (f.default !== undefined && !(Array.isArray(f.default) && f.default.length === 0)) common.default = f.default;
  const make = (widget: string, extra: Record<string, unknown> = {}): CmsField => ({
    name: f.name,
    label: text.label,
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
        options: f.options!.map((value) => ({ label: optionLabel(f.options!, value), value })),
        ...(f.multiple ? { multiple: true } : {}),
      });
    case 'datetime':
      // Stored as "2023-02-02T16:18:00+07:00": entered and written in Vietnam time.
      return make('datetime', {
        input_timezone: SITE_TIME_ZONE,
        format: 'YYYY-MM-DDTHH:mm:ssZ',
        hint: text.hint ?? 'Giờ Việt Nam (UTC+7).',
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
      return make('object', { collapsed: 'auto', fields: f.fields!.map((s) => toCmsField(collection, s)) });
    case 'list':
      if (f.fields) return make('list', { fields: f.fields.map((s) => toCmsField(collection, s)) });
      return make('list', { field: { ...toCmsField(collection, f.item!), name: 'item' } });
  }
}

/** Collection fields of the CMS, in schema order, plus the Markdown body for .md collections. */
export function cmsFields(collection: CollectionName, schema: unknown): CmsField[] {
  const fields = describeSchema(schema).map((f) => toCmsField(collection, f));
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

export interface CmsBackend {
  name: 'github' | 'gitlab' | 'gitea' | 'test-repo';
  repo?: string;
  branch?: string;
  base_url?: string;
}

export interface CmsConfigOptions {
  backend?: CmsBackend;
  /** Content root relative to the repository ("content"). */
  contentRoot?: string;
  siteUrl?: string;
  schemas?: SchemaSet;
}

/**
 * The backend from the environment: CMS_BACKEND (github|gitlab|gitea|test-repo), CMS_REPO
 * ("owner/name"), CMS_BRANCH, CMS_AUTH_URL (OAuth proxy, e.g. Sveltia CMS Authenticator).
 * Without CMS_REPO the GitHub backend still lets an editor work on a local repository.
 */
export function backendFromEnv(env: Record<string, string | undefined> = process.env): CmsBackend {
  const name = (env.CMS_BACKEND ?? 'github') as CmsBackend['name'];
  const backend: CmsBackend = { name };
  if (name !== 'test-repo') backend.repo = env.CMS_REPO ?? 'cong-doan/congdoan-news';
  if (env.CMS_BRANCH) backend.branch = env.CMS_BRANCH;
  else if (name !== 'test-repo') backend.branch = 'main';
  if (env.CMS_AUTH_URL) backend.base_url = env.CMS_AUTH_URL;
  return backend;
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
        format: 'yaml-frontmatter',
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
      format: 'yaml-frontmatter',
      identifier_field: 'name',
      slug: '{{name}}',
      summary: '{{name}}',
      sortable_fields: ['name'],
    };
  };
  const config: Record<string, unknown> = {
    backend: options.backend ?? backendFromEnv(),
    app_title: 'Biên tập nội dung',
    // The one image field (news hero) sets its own folders: files beside the articles, written
    // as "./images/…" so astro:assets resolves them. The global folder is only the CMS's default.
    media_folder: `${root}/news/${NEWS_MEDIA_FOLDER}`,
    public_folder: `/${root}/news/${NEWS_MEDIA_FOLDER}`,
    // Vietnamese slugs like vietnameseSlug(): tone marks dropped, đ → d, ASCII, at most 80 characters.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-', maxlength: 80 },
    // Empty optional fields are left out of files (the schemas reject empty strings).
    output: { omit_empty_optional_fields: true },
    collections: COLLECTIONS.map(collection),
  };
  if (options.siteUrl) config.site_url = options.siteUrl;
  return config;
}

const HEADER =
  '# Generated from src/model/schemas/ by src/editor/cms-config.ts at build time. Do not edit: change the schemas.\n';

export function cmsConfigYaml(options: CmsConfigOptions = {}): string {
  return HEADER + stringify(buildCmsConfig(options), { lineWidth: 0, aliasDuplicateObjects: false });
}
