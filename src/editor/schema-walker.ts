/**
 * The collection schemas as the editor's tools see them: built with marker tools, and walked
 * into a neutral field tree (FieldNode) that the CMS configuration (cms-config.ts), the
 * scaffolder (scaffold.ts) and the error explanations (messages.ts) read. A field added to a
 * schema reaches all three without another edit.
 *
 * reference() and image() return schemas tagged in a WeakMap, so the walker recognises
 * relations and images. Everything else is read from the zod v4 definitions: objects, arrays,
 * enums (vocabularies carry their Vietnamese labels), numbers (int, min, max), booleans,
 * optional/default wrappers, the date pipes (told apart by what they accept: a date-time with
 * offset or a calendar day), and each field's label, hint and example (schemas/field-text.ts).
 */
import { z } from 'astro/zod';
import { installEditorMessages } from '#src/model/issue-messages.ts';
import { awardSchema } from '#src/model/schemas/award.ts';
import { fieldTextOf, type OptionLabels } from '#src/model/schemas/field-text.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import { siteSchema } from '#src/model/schemas/site.ts';
import type { SchemaTools } from '#src/model/schemas/types.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';

export type CollectionName = 'news' | 'awards' | 'units';
export const COLLECTIONS: readonly CollectionName[] = ['news', 'awards', 'units'];

// ---------------------------------------------------------------------------------------------
// Schema tools with recognisable markers

type Marker = { kind: 'relation'; collection: CollectionName } | { kind: 'image' };
const markers = new WeakMap<object, Marker>();

/** SchemaTools whose reference()/image() results the walker recognises. */
export const markedTools: SchemaTools = {
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
  return { news: newsSchema(markedTools), awards: awardSchema(markedTools), units: unitSchema(markedTools) };
}

/** The site configuration's schema (content/site.yaml), built with the marker tools: the owner is a relation to units. */
export function siteSettingsSchema(): z.ZodType {
  installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);
  return siteSchema(markedTools);
}

// ---------------------------------------------------------------------------------------------
// Walking a zod schema into a neutral field tree

export type FieldKind =
  'string' | 'number' | 'boolean' | 'select' | 'datetime' | 'date' | 'relation' | 'image' | 'object' | 'list';

/** What the schema says an editor reads about a field (src/model/schemas/field-text.ts). */
interface NodeText {
  label?: string;
  hint?: string;
  example?: unknown;
}

export interface FieldNode extends NodeText {
  name: string;
  /** Dotted path from the collection root, list items without an index: "recipients.unit". */
  path: string;
  kind: FieldKind;
  required: boolean;
  default?: unknown;
  /** select: allowed values. */
  options?: string[];
  /** select: the Vietnamese label of each value, when the schema gives them. */
  optionLabels?: OptionLabels;
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
}

type AnySchema = z.core.$ZodType & {
  _zod: { def: Record<string, unknown> & { type: string }; parent?: AnySchema };
};
const defOf = (s: unknown) => (s as AnySchema)._zod.def;

/** The marker of a tool's schema, also through clones (`.meta()` and checks copy a schema). */
function markerOf(s: unknown): Marker | undefined {
  for (let cursor = s as AnySchema | undefined; cursor; cursor = cursor._zod.parent) {
    const marker = markers.get(cursor);
    if (marker) return marker;
  }
  return undefined;
}

const probe = (s: unknown, value: unknown) => (s as z.ZodType).safeParse(value);

/** Whether a pipe/union accepts dates: an instant with offset ("datetime") or a calendar day ("date"). */
function dateKind(s: unknown): 'datetime' | 'date' | undefined {
  const instant = probe(s, '2023-02-02T16:18:00+07:00');
  if (instant.success && instant.data instanceof Date) return 'datetime';
  const day = probe(s, '2023-07-24');
  if (day.success && day.data === '2023-07-24' && !probe(s, 'không phải ngày').success) return 'date';
  return undefined;
}

interface Wrapped {
  inner: unknown;
  required: boolean;
  default?: unknown;
  meta: NodeText & { optionLabels?: OptionLabels };
}

/** Peel optional/default/nullable wrappers, keeping what they say (an outer wrapper's text wins). */
function unwrap(schema: unknown): Wrapped {
  let s = schema;
  let required = true;
  let dflt: unknown;
  let meta = fieldTextOf(s);
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
    meta = { ...fieldTextOf(s), ...meta };
  }
  return { inner: s, required, ...(dflt !== undefined ? { default: dflt } : {}), meta };
}

/** A list item says only what is its own (an example): label and hint are the list's. */
const inheritText = (item: FieldNode, list: NodeText): FieldNode => ({
  ...item,
  ...(item.label === undefined && list.label !== undefined ? { label: list.label } : {}),
  ...(item.hint === undefined && list.hint !== undefined ? { hint: list.hint } : {}),
});

/** Describe one field's schema. */
export function describeField(name: string, path: string, schema: unknown): FieldNode {
  const { inner, required, default: dflt, meta } = unwrap(schema);
  const { optionLabels, ...text } = meta;
  const base = { name, path, required, ...(dflt !== undefined ? { default: dflt } : {}), ...text };
  const marker = markerOf(inner);
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
        return { ...base, kind: item.kind, multiple: true, ...pick(item, ['collection', 'options', 'optionLabels']) };
      }
      return { ...base, kind: 'list', item: inheritText(item, base) };
    }
    case 'enum':
      return {
        ...base,
        kind: 'select',
        options: Object.values(def.entries as Record<string, string>),
        ...(optionLabels ? { optionLabels } : {}),
      };
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
      // A pipe's text may sit on what it takes in (`field(z.string(), …).transform(…)`).
      if (dk) return { ...base, ...fieldTextOf(def.in), ...text, kind: dk };
      // A transform at the end: describe what the pipe accepts; otherwise what it produces.
      const out = defOf(def.out);
      const node = describeField(name, path, out.type === 'transform' ? def.in : def.out);
      return { ...node, required, ...(dflt !== undefined ? { default: dflt } : {}), ...text };
    }
    case 'union': {
      const dk = dateKind(inner);
      if (dk) return { ...base, kind: dk };
      return { ...describeField(name, path, (def.options as unknown[])[0]), required, ...text };
    }
    case 'date':
      return { ...base, kind: 'datetime' };
    default:
      throw new Error(
        `schema-walker: field "${path}" has a zod type "${def.type}" the editor's tools do not know; add it to describeField().`,
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
  if (def.type !== 'object')
    throw new Error(`schema-walker: a collection schema must be an object, got "${def.type}".`);
  return describeShape(def.shape as Record<string, unknown>, '');
}

/** What an editor sees of a select's value: its Vietnamese label from the vocabulary, or the value. */
export const optionLabel = (field: FieldNode, value: string): string => field.optionLabels?.[value] ?? value;

/** Every field of a field tree, depth first (list items of scalars are their list). */
export function allFields(fields: readonly FieldNode[]): FieldNode[] {
  return fields.flatMap((f) => [f, ...allFields(f.fields ?? [])]);
}

/** Every dotted field path of a field tree, depth first. */
export function fieldPaths(fields: readonly FieldNode[]): string[] {
  return allFields(fields).map((f) => f.path);
}

/** The field at a dotted path ("recipients.unit"; list indexes left out), if the schema has it. */
export function fieldAt(fields: readonly FieldNode[], path: string): FieldNode | undefined {
  return allFields(fields).find((f) => f.path === path);
}
