/**
 * New content files for editors (`npm run new -- news|award|unit "Tiêu đề"`): the right folder,
 * a Vietnamese slug, and every field of the schema in place, walked from the zod schema itself
 * (schema-walker.ts), so a field added to a schema appears here too: fields with a value or a
 * default are written; optional ones are written commented out, with their Vietnamese label,
 * hint and example as the schema gives them (src/model/schemas/), ready to uncomment. The result
 * is checked against the schema before it is returned, so a scaffolded file always builds as it is.
 */
import { stringify } from 'yaml';
import { readFrontmatter, readYaml } from '#src/model/frontmatter.ts';
import { contentSchemas, describeSchema, optionLabel, type CollectionName, type FieldNode } from './schema-walker.ts';
import { toVietnamIso, vietnamYear } from '#src/text/dates.ts';
import { vietnameseSlug } from '#src/text/vietnamese.ts';
import { didYouMean, suggest } from '#src/text/suggest.ts';
import { dottedPath } from '#src/model/schemas/field-text.ts';
import { AWARD_FORMS, UNIT_LEVELS, type AwardForm, type UnitLevel } from '#src/model/vocabulary.ts';

export type ScaffoldKind = 'news' | 'award' | 'unit';
export const SCAFFOLD_KINDS: readonly ScaffoldKind[] = ['news', 'award', 'unit'];

export const FOLDER_OF: Record<ScaffoldKind, CollectionName> = { news: 'news', award: 'awards', unit: 'units' };

export interface ScaffoldOptions {
  title: string;
  /** The moment of creation (publishedAt of news, year of an award). */
  now: Date;
  /** award: the recipient unit (an id in content/units/); otherwise a named recipient placeholder. */
  unit?: string | undefined;
  /** award: form of award (default bang-khen). */
  form?: string | undefined;
  /** unit: level in the hierarchy (default cong-doan-co-so). */
  level?: string | undefined;
  /** unit: the parent unit's id. */
  parent?: string | undefined;
  /** Ids of the existing units, to check --unit and --parent. */
  knownUnits?: readonly string[] | undefined;
}

export interface Scaffold {
  collection: CollectionName;
  id: string;
  /** File name inside content/<collection>/. */
  fileName: string;
  text: string;
}

/** A mistake in the command line, explained in Vietnamese. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** An example of a field with every sub-field filled in: what an editor copies and edits. */
function example(field: FieldNode, now: Date): unknown {
  if (field.example !== undefined) return field.example;
  if (field.kind === 'object') return Object.fromEntries(field.fields!.map((f) => [f.name, example(f, now)]));
  if (field.kind === 'list' && field.fields) {
    return [Object.fromEntries(field.fields.map((f) => [f.name, example(f, now)]))];
  }
  return placeholder(field, now);
}

/** A placeholder for a field whose schema gives no example (a newly added field). */
function placeholder(field: FieldNode, now: Date): unknown {
  switch (field.kind) {
    case 'string':
      return field.format === 'url' ? 'https://example.vn/' : field.format === 'email' ? 'ten@example.vn' : 'Cần điền';
    case 'number':
      return field.min ?? 0;
    case 'boolean':
      return false;
    case 'select':
      return field.multiple ? [field.options![0]] : field.options![0];
    case 'datetime':
      return toVietnamIso(now);
    case 'date':
      return toVietnamIso(now).slice(0, 10);
    case 'relation':
      return field.multiple ? [] : `ma-${field.collection}`;
    case 'image':
      return './images/ten-anh.jpg';
    case 'object':
      return Object.fromEntries(field.fields!.filter((f) => f.required).map((f) => [f.name, placeholder(f, now)]));
    case 'list':
      return [];
  }
}

// Strings double-quoted: Astro's YAML parser (js-yaml) reads an unquoted 2023-03-10 as a date.
const yamlLine = (key: string, value: unknown) =>
  stringify({ [key]: value }, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd();

/** "# Tác giả — hint" then the field, commented out when it is only an example. */
function emitField(field: FieldNode, value: unknown, commented: boolean, now: Date): string {
  const { label = field.name, hint } = field;
  const choices =
    field.kind === 'select' && field.options!.length <= 12
      ? `${hint ? '' : ' —'} Chọn: ${field.options!.map((o) => `${o} (${optionLabel(field, o)})`).join(', ')}.`
      : field.kind === 'select'
        ? `${hint ? '' : ' —'} Xem danh mục trong src/model/vocabulary.ts.`
        : '';
  const note = `# ${label}${field.required ? '' : ' (không bắt buộc)'}${hint ? ` — ${hint}` : ''}${choices}`;
  const body = yamlLine(field.name, value);
  const comment = (text: string) => text.replace(/^/gm, '# ');
  // A list of objects: show one complete item, commented out, so every sub-field is in the file.
  const item =
    !commented && field.kind === 'list' && field.fields
      ? `\n# Ví dụ:\n${comment(yamlLine(field.name, example(field, now)))}`
      : '';
  return `${note}\n${commented ? comment(body) : body}${item}`;
}

function checkUnit(id: string | undefined, option: string, known: readonly string[] | undefined): void {
  if (id === undefined || known === undefined || known.includes(id)) return;
  // The closest ids (src/text/suggest.ts), else those that contain what was written.
  const close = suggest(
    id,
    known.map((k) => ({ id: k })),
  ).map((s) => ({ id: s.id }));
  if (close.length === 0)
    close.push(
      ...known
        .filter((k) => k.includes(id) || id.includes(k))
        .slice(0, 3)
        .map((k) => ({ id: k })),
    );
  throw new ScaffoldError(
    `Không có đơn vị "${id}" (tùy chọn ${option}) trong content/units/.${close.length ? ` ${didYouMean(close)}` : ''} Hãy dùng mã đơn vị là tên tệp không có đuôi .md` +
      (close.length ? '.' : `; xem danh sách trong content/units/.`),
  );
}

function pickVocabulary<T extends string>(
  value: string | undefined,
  entries: Record<T, unknown>,
  fallback: T,
  option: string,
): T {
  if (value === undefined) return fallback;
  if (value in entries) return value as T;
  const labelOf = (v: unknown) =>
    typeof v === 'string' ? v : v && typeof v === 'object' && 'label' in v ? String(v.label) : undefined;
  const asked = didYouMean(
    suggest(
      value,
      Object.entries(entries).map(([id, v]) => {
        const label = labelOf(v);
        return { id, names: [label], ...(label ? { label } : {}) };
      }),
    ),
  );
  throw new ScaffoldError(
    `"${value}" (tùy chọn ${option}) không có trong danh mục.${asked ? ` ${asked}` : ''} Chọn một trong: ${Object.keys(entries).join(', ')}.`,
  );
}

/** Build a new content file (not written: see scripts/new.ts). */
export function scaffold(kind: ScaffoldKind, options: ScaffoldOptions): Scaffold {
  const title = options.title.normalize('NFC').trim();
  if (!title) throw new ScaffoldError('Cần một tiêu đề, ví dụ: npm run new -- news "Hội nghị tổng kết năm 2024".');
  const slug = vietnameseSlug(title);
  if (!slug) throw new ScaffoldError(`Không tạo được tên tệp từ tiêu đề "${title}"; hãy dùng tiêu đề có chữ hoặc số.`);
  const collection = FOLDER_OF[kind];
  const now = options.now;
  const year = vietnamYear(now);

  let values: Record<string, unknown>;
  let id: string;
  if (kind === 'news') {
    id = slug;
    values = {
      title,
      summary: 'Viết một đến hai câu tóm tắt nội dung bài.',
      publishedAt: toVietnamIso(now),
      draft: true,
    };
  } else if (kind === 'award') {
    checkUnit(options.unit, '--unit', options.knownUnits);
    const form: AwardForm = pickVocabulary(options.form, AWARD_FORMS, 'bang-khen', '--form');
    id = `${year}-${slug}`;
    values = {
      form,
      title,
      year,
      recipients: [
        options.unit
          ? { kind: 'collective', unit: options.unit }
          : { kind: 'collective', name: 'Tên tập thể hoặc cá nhân được khen thưởng' },
      ],
      // A new record is a proposal until an editor has checked it against the decision.
      draft: true,
    };
  } else {
    checkUnit(options.parent, '--parent', options.knownUnits);
    const level: UnitLevel = pickVocabulary(options.level, UNIT_LEVELS, 'cong-doan-co-so', '--level');
    id = slug;
    values = { name: title, level, ...(options.parent ? { parent: options.parent } : {}) };
  }

  const schema = contentSchemas()[collection];
  const lines = describeSchema(schema).map((field) => {
    if (field.name in values) return emitField(field, values[field.name], false, now);
    if (field.default !== undefined) return emitField(field, field.default, false, now);
    if (field.required) return emitField(field, placeholder(field, now), false, now);
    return emitField(field, example(field, now), true, now);
  });
  const yaml = `${lines.join('\n')}\n`;
  const text =
    kind === 'award'
      ? `# ${title}\n# Tạo bằng "npm run new"; bỏ dấu # ở đầu dòng để dùng một trường. Đặt draft: false khi đã kiểm tra.\n${yaml}`
      : `---\n${yaml}---\n\n${kind === 'news' ? 'Viết nội dung bài ở đây.' : 'Giới thiệu ngắn về đơn vị.'}\n`;

  // Never hand an editor a file that does not pass its own schema.
  // Read as the build reads it (src/model/frontmatter.ts).
  const data = kind === 'award' ? readYaml(text) : readFrontmatter(text)?.data;
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `scaffold(${kind}) produced an invalid file: ${result.error.issues.map((i) => `${dottedPath(i.path)}: ${i.message}`).join('; ')}`,
    );
  }
  return { collection, id, fileName: `${id}.${kind === 'award' ? 'yaml' : 'md'}`, text };
}
