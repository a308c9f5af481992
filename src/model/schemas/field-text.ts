/**
 * What an editor reads about a field, kept on the field itself as zod metadata, in the keys
 * JSON Schema uses (title, description, examples), so Astro's generated JSON schemas carry them
 * too. The CMS configuration, the scaffolder and the error messages all read it from here:
 * there is no second table of labels.
 *
 * Metadata is put on the field's own schema, inside `.optional()`/`.default()`, so that an issue
 * raised by that schema finds it (the global error map reads it from the issue). zod keeps it
 * through later `.refine()`/`.min()`/`.meta()` calls: a clone inherits its parent's metadata.
 */
import { z } from 'astro/zod';

/** What editors read about one field. */
export interface FieldText<E = unknown> {
  /** Vietnamese label: in the CMS, in scaffolded files, in error messages ("Tác giả"). */
  label: string;
  /** One Vietnamese sentence of help: under the field in the CMS, after its label in scaffolds. */
  hint?: string;
  /** A value written, commented out, in scaffolded files and quoted in error messages. */
  example?: E;
}

/** The text of a list item, whose label is the list's own: only an example. */
export type ItemText<E> = Partial<FieldText<E>> & { example: E };

/** Vietnamese labels of a field's allowed values, by value (select fields). */
export type OptionLabels = Readonly<Record<string, string>>;

/** How the text is stored: JSON Schema's keys, plus the labels of a select's values. */
type StoredMeta = {
  title?: string;
  description?: string;
  examples?: unknown[];
  optionLabels?: OptionLabels;
};

const toMeta = (text: Partial<FieldText>): StoredMeta => ({
  ...(text.label !== undefined ? { title: text.label } : {}),
  ...(text.hint !== undefined ? { description: text.hint } : {}),
  ...(text.example !== undefined ? { examples: [text.example] } : {}),
});

/** `schema` carrying what editors read about it. */
export function field<S extends z.ZodType>(schema: S, text: FieldText<z.input<S>>): S {
  return schema.meta(toMeta(text));
}

/** `schema` carrying some of a field's text (builders: a list item's example, option labels). */
export function withText<S extends z.ZodType>(
  schema: S,
  text: Partial<FieldText<z.input<S>>>,
  optionLabels?: OptionLabels,
): S {
  const meta = toMeta(text);
  if (!optionLabels && Object.keys(meta).length === 0) return schema;
  return schema.meta({ ...meta, ...(optionLabels ? { optionLabels } : {}) });
}

/** What the metadata of `schema` (and of the schemas it was cloned from) says about the field. */
export function fieldTextOf(schema: unknown): Partial<FieldText> & { optionLabels?: OptionLabels } {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return {};
  const meta = z.globalRegistry.get(schema as z.ZodType) as StoredMeta | undefined;
  return {
    ...(meta?.title ? { label: meta.title } : {}),
    ...(meta?.description ? { hint: meta.description } : {}),
    ...(meta?.examples?.length ? { example: meta.examples[0] } : {}),
    ...(meta?.optionLabels ? { optionLabels: meta.optionLabels } : {}),
  };
}

/** The one way a field's path is written for editors: ["recipients", 0, "unit"] → "recipients[0].unit". */
export function dottedPath(path: readonly PropertyKey[] | undefined): string {
  return (path ?? []).reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
