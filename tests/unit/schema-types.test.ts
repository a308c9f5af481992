/**
 * The types the schemas give the rest of the code (NewsData, AwardData, UnitData, the entry
 * types), and the typing of the field text. The `expectTypeOf` assertions and the
 * `@ts-expect-error` lines are checked by the compiler (`npx astro check` covers tests/), so a
 * schema whose type drifts fails there; at run time each test also parses a document.
 */
import type { z } from 'astro/zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AwardEntry, NewsEntry, Ref, UnitEntry } from '#src/model/content-model.ts';
import { field, type FieldText } from '#src/model/schemas/field-text.ts';
import { count, text, vocabulary, year } from '#src/model/schemas/fields.ts';
import type { AwardData } from '#src/model/schemas/award.ts';
import { newsSchema, type NewsData } from '#src/model/schemas/news.ts';
import type { UnitData } from '#src/model/schemas/unit.ts';
import type { AwardForm, ConferrerLevel, LineageKind, NewsCategory, UnitLevel } from '#src/model/vocabulary.ts';
import { LINEAGE_KINDS } from '#src/model/vocabulary.ts';
import { schemas, tools } from '../support/schema-tools.ts';

describe('news', () => {
  it('has its dates as instants, its defaults filled and its vocabulary typed', () => {
    expectTypeOf<NewsData['title']>().toEqualTypeOf<string>();
    expectTypeOf<NewsData['publishedAt']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<NewsData['updatedAt']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<NewsData['tags']>().toEqualTypeOf<string[]>();
    expectTypeOf<NewsData['category']>().toEqualTypeOf<NewsCategory>();
    expectTypeOf<NewsData['draft']>().toEqualTypeOf<boolean>();
    expectTypeOf<NonNullable<NewsData['source']>>().toEqualTypeOf<{ name: string; url?: string | undefined }>();
    expectTypeOf<NonNullable<NewsData['hero']>['alt']>().toEqualTypeOf<string>();
    // What a file may hold: a date-time as YAML's Date or as text, defaults left out.
    type NewsInput = z.input<ReturnType<typeof newsSchema>>;
    expectTypeOf<NewsInput['publishedAt']>().toEqualTypeOf<Date | string | undefined>();
    expectTypeOf<NewsInput['draft']>().toEqualTypeOf<boolean | undefined>();

    const parsed = schemas.news.parse({ title: 'Tin', summary: 'Tóm tắt.' });
    expect(parsed).toMatchObject({ category: 'tin-tuc', draft: false, tags: [] });
  });

  it('has its references resolved in the entry type', () => {
    expectTypeOf<NewsEntry['data']['units']>().toEqualTypeOf<Ref<'units'>[]>();
    expectTypeOf<NewsEntry['data']['awards']>().toEqualTypeOf<Ref<'awards'>[]>();
    expect(schemas.news.parse({ title: 'Tin', summary: 'Tóm tắt.', units: ['a'] }).units).toEqual([
      { id: 'a', collection: 'units' },
    ]);
  });
});

describe('awards', () => {
  it('types its form, level, status, recipients and calendar days', () => {
    expectTypeOf<AwardData['form']>().toEqualTypeOf<AwardForm>();
    expectTypeOf<AwardData['year']>().toEqualTypeOf<number>();
    expectTypeOf<AwardData['status']>().toEqualTypeOf<'in-force' | 'revoked'>();
    expectTypeOf<NonNullable<AwardData['conferredBy']>['level']>().toEqualTypeOf<ConferrerLevel>();
    expectTypeOf<NonNullable<AwardData['decision']>['date']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AwardData['recipients'][number]['kind']>().toEqualTypeOf<'collective' | 'individual'>();
    expectTypeOf<AwardEntry['data']['recipients'][number]['unit']>().toEqualTypeOf<Ref<'units'> | undefined>();
    expectTypeOf<AwardEntry['data']['article']>().toEqualTypeOf<Ref<'news'> | undefined>();

    const parsed = schemas.awards.parse({
      form: 'bang-khen',
      year: 2022,
      decision: { date: new Date('2023-01-15T00:00:00Z') },
      recipients: [{ kind: 'collective', name: 'Công đoàn X' }],
    });
    expect(parsed.decision?.date).toBe('2023-01-15');
  });
});

describe('units', () => {
  it('types its level, terms, figures and lineage', () => {
    expectTypeOf<UnitData['level']>().toEqualTypeOf<UnitLevel>();
    expectTypeOf<UnitData['foundedOn']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UnitData['aliases']>().toEqualTypeOf<string[]>();
    expectTypeOf<UnitData['terms'][number]['leaders'][number]['role']>().toEqualTypeOf<string>();
    expectTypeOf<UnitData['figures'][number]['members']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<UnitData['lineage'][number]['relation']>().toEqualTypeOf<'predecessor' | 'successor'>();
    expectTypeOf<UnitData['lineage'][number]['kind']>().toEqualTypeOf<LineageKind>();
    expectTypeOf<UnitEntry['data']['parent']>().toEqualTypeOf<Ref<'units'> | undefined>();
    expectTypeOf<UnitEntry['data']['lineage'][number]['unit']>().toEqualTypeOf<Ref<'units'>>();

    const parsed = schemas.units.parse({
      name: 'Công đoàn X',
      level: 'cong-doan-co-so',
      terms: [{ from: 2020, to: 2025 }],
    });
    expect(parsed.terms[0]!.leaders).toEqual([]);
  });
});

describe('field text', () => {
  it('types the example as what the field takes', () => {
    expectTypeOf(field(year({ label: 'Năm' }), { label: 'Năm', example: 2024 })).toEqualTypeOf(year({}));
    expectTypeOf<FieldText<number>['example']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error: a number field's example is a number
    field(count({ example: 1 }), { label: 'Số đoàn viên', example: 'ba nghìn' });
    // @ts-expect-error: a vocabulary's example is one of its ids
    vocabulary(LINEAGE_KINDS, (l) => l, { label: 'Hình thức', example: 'absorbed' });
    // @ts-expect-error: a field has a label
    field(text({ example: 'x' }), { hint: 'Gợi ý' });
    expect(newsSchema(tools).shape.title.meta()).toMatchObject({ title: 'Tiêu đề' });
  });
});
