/**
 * What editors read about each field lives on the field (src/model/schemas/field-text.ts): the
 * label, hint and example survive the ways the schemas wrap a field, every field of every schema
 * has a label, and a field added without one is caught.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  allFields,
  COLLECTIONS,
  contentSchemas,
  describeField,
  describeSchema,
  markedTools,
  type FieldNode,
} from '#src/editor/schema-walker.ts';
import { dottedPath, field, fieldTextOf } from '#src/model/schemas/field-text.ts';
import { text } from '#src/model/schemas/fields.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import { reference } from '../support/schema-tools.ts';

const about = { label: 'Địa điểm', hint: 'Nơi diễn ra sự kiện.', example: 'Quảng Ngãi' };
const expected = { label: 'Địa điểm', hint: 'Nơi diễn ra sự kiện.', example: 'Quảng Ngãi' };

/** The fields of a schema without a label of their own (list items take their list's). */
const unlabelled = (fields: FieldNode[]) =>
  allFields(fields)
    .filter((f) => !f.label)
    .map((f) => f.path);

describe('dottedPath: the one way a field path is written', () => {
  it.each<[PropertyKey[] | undefined, string]>([
    [['title'], 'title'],
    [['recipients', 0, 'unit'], 'recipients[0].unit'],
    [['hero', 'alt'], 'hero.alt'],
    [['tags', 1], 'tags[1]'],
    [[], ''],
    [undefined, ''],
  ])('%j → "%s"', (path, dotted) => {
    expect(dottedPath(path)).toBe(dotted);
  });
});

describe('the text of a field survives how the schemas wrap it', () => {
  it.each<[string, z.ZodType]>([
    ['the field itself', field(z.string(), about)],
    ['optional', field(z.string(), about).optional()],
    ['default', field(z.string(), about).default('Hà Nội')],
    ['nullable', field(z.string(), about).nullable()],
    ['a check after it', field(z.string(), about).min(2)],
    ['a refinement after it', field(z.string(), about).refine((s) => s !== 'x')],
    [
      'a refinement before it',
      field(
        z.string().refine((s) => s !== 'x'),
        about,
      ),
    ],
    ['a transform after it', field(z.string(), about).transform((s) => s.trim())],
    ['a preprocess (the guard’s references)', field(reference('units'), about).optional()],
    ['a builder (text)', text(about).optional()],
    ['text put on the optional wrapper', field(z.string().optional(), about)],
  ])('%s', (_how, schema) => {
    expect(describeField('place', 'place', schema)).toMatchObject(expected);
  });

  it('keeps the marks of relations and images through it (the walker still knows them)', () => {
    const relation = describeField('unit', 'unit', field(markedTools.reference('units'), about).optional());
    const image = describeField('image', 'image', field(markedTools.image(), about));
    expect(relation).toMatchObject({ kind: 'relation', collection: 'units', ...expected });
    expect(image).toMatchObject({ kind: 'image', ...expected });
  });

  it('reaches the schema that raises an issue, so the error map can name the field', () => {
    expect(fieldTextOf(field(z.boolean(), { label: 'Bản nháp' }).default(false).unwrap())).toEqual({
      label: 'Bản nháp',
    });
    expect(fieldTextOf(42)).toEqual({});
  });

  it('gives a list of scalars its label and hint for the item, and the item its own example', () => {
    const tags = describeField(
      'tags',
      'tags',
      field(z.array(text({ example: 'thi đua' })), { label: about.label, hint: about.hint }).default([]),
    );
    expect(tags.item).toMatchObject({ label: 'Địa điểm', hint: 'Nơi diễn ra sự kiện.', example: 'thi đua' });
  });
});

describe('every field of every schema has a label', () => {
  const schemas = contentSchemas();

  it.each(COLLECTIONS)('%s', (collection) => {
    const fields = describeSchema(schemas[collection]);
    expect(allFields(fields).length).toBeGreaterThan(10);
    expect(unlabelled(fields)).toEqual([]);
  });

  it('catches a field added without one, at the top and nested', () => {
    const news = newsSchema(markedTools);
    const extended = z.strictObject({
      ...news.shape,
      location: z.string().optional(),
      source: field(z.strictObject({ ...news.shape.source.unwrap().shape, archivedAt: z.string() }), {
        label: 'Nguồn',
      }).optional(),
    });
    expect(unlabelled(describeSchema(extended))).toEqual(['source.archivedAt', 'location']);
  });
});
