import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// ajv 6 (draft-07, the dialect of Sveltia's published schema) is already installed via eslint.
import Ajv from 'ajv';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  backendFromSite,
  buildCmsConfig,
  cmsConfigYaml,
  LOCAL_REPOSITORY,
  MDX_COLLECTION,
  SITE_MEDIA,
  type CmsBackend,
  type CmsField,
} from '#src/editor/cms-config.ts';
import { DEFAULT_SITE, loadSiteConfig } from '#src/model/site-config.ts';
import { EDITOR_FORMATS } from '#src/model/editor-format.ts';
import { configuredBackend } from '#src/model/cms-backend.ts';
import { adminPolicy } from '#src/publishing/security-headers.ts';
import {
  COLLECTIONS,
  contentSchemas,
  describeSchema,
  fieldPaths,
  markedTools,
  siteSettingsSchema,
  type CollectionName,
} from '#src/editor/schema-walker.ts';
import { AWARD_FORMS } from '#src/model/vocabulary.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

type Collection = { name: CollectionName; fields: CmsField[] } & Record<string, unknown>;
const collectionsOf = (config: Record<string, unknown>) => config.collections as Collection[];

/** Dotted paths of a CMS field tree (list/object sub-fields included, "body" excluded). */
function cmsPaths(fields: CmsField[], parent = ''): string[] {
  return fields.flatMap((f) => {
    const path = parent ? `${parent}.${f.name}` : f.name;
    if (!parent && f.name === 'body') return [];
    const subs = Array.isArray(f.fields) ? cmsPaths(f.fields as CmsField[], path) : [];
    return [path, ...subs];
  });
}

function findField(fields: CmsField[], path: string): CmsField {
  const [head, ...rest] = path.split('.');
  const field = fields.find((f) => f.name === head);
  if (!field) throw new Error(`no field ${path}`);
  return rest.length ? findField(field.fields as CmsField[], rest.join('.')) : field;
}

const config = buildCmsConfig({ backend: { name: 'github', repo: 'owner/site', branch: 'main' } });
const byName = Object.fromEntries(collectionsOf(config).map((c) => [c.name, c])) as Record<CollectionName, Collection>;
const schemas = contentSchemas();

describe('generated CMS configuration', () => {
  it('validates against Sveltia CMS’s own JSON schema', () => {
    const jsonSchema = JSON.parse(
      readFileSync(join(projectRoot, 'node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
    const validate = ajv.compile(jsonSchema);
    const roundTripped = parse(cmsConfigYaml({ backend: { name: 'github', repo: 'owner/site' } }));
    expect(validate(roundTripped), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    expect(validate(parse(cmsConfigYaml({ backend: { name: 'test-repo' } })))).toBe(true);
  });

  it('has the collections in their folders with their file formats, the MDX articles beside the .md ones', () => {
    expect(collectionsOf(config).map((c) => [c.name, c.folder, c.extension, c.format])).toEqual([
      ['news', 'content/news', 'md', EDITOR_FORMATS.md],
      ['news-mdx', 'content/news', 'mdx', EDITOR_FORMATS.mdx],
      ['awards', 'content/awards', 'yaml', 'yaml'],
      ['units', 'content/units', 'md', EDITOR_FORMATS.md],
      ['settings', undefined, undefined, undefined],
    ]);
    // Sveltia accepts a custom format for .md/.mdx only under a "…-frontmatter" name.
    expect(Object.values(EDITOR_FORMATS).every((name) => name.endsWith('-frontmatter'))).toBe(true);
  });

  describe('the MDX articles (news-mdx)', () => {
    const mdx = collectionsOf(config).find((c) => (c.name as string) === MDX_COLLECTION.name)!;
    const withoutBody = (fields: CmsField[]) => fields.filter((f) => f.name !== 'body');

    it('have every field of the news schema, the same as the .md articles', () => {
      expect(cmsPaths(mdx.fields)).toEqual(fieldPaths(describeSchema(schemas.news)));
      expect(withoutBody(mdx.fields)).toEqual(withoutBody(byName.news.fields));
      // A field added to the news schema reaches both collections.
      const extended = z.strictObject({ ...newsSchema(markedTools).shape, location: z.string().optional() });
      const regenerated = collectionsOf(
        buildCmsConfig({ backend: { name: 'test-repo' }, schemas: { ...schemas, news: extended } }),
      );
      for (const name of ['news', MDX_COLLECTION.name])
        expect(cmsPaths(regenerated.find((c) => (c.name as string) === name)!.fields)).toContain('location');
    });

    it('are listed, sorted and named as the .md articles, but none is created there', () => {
      const same = ['identifier_field', 'slug', 'summary', 'sortable_fields', 'media_folder', 'public_folder'];
      for (const key of same) expect(mdx[key], key).toEqual(byName.news[key]);
      expect(mdx).toMatchObject({ create: false, label: 'Tin tức (MDX)', label_singular: 'Bài viết MDX' });
      expect(byName.news.create).toBe(true);
      // A change to an .mdx body is a change to code: a pull request where the backend has them.
      expect(mdx.publish_mode).toBe('editorial_workflow');
      expect(byName.news.publish_mode).toBeUndefined();
      expect(config.publish_mode).toBeUndefined();
      // Sveltia has the workflow for GitHub and GitLab only (and warns otherwise).
      const mdxOf = (backend: CmsBackend) =>
        collectionsOf(buildCmsConfig({ backend })).find((c) => (c.name as string) === MDX_COLLECTION.name)!;
      expect(mdxOf({ name: 'gitlab', repo: 'a/b' }).publish_mode).toBe('editorial_workflow');
      expect(mdxOf({ name: 'gitea', repo: 'a/b' }).publish_mode).toBeUndefined();
      expect(mdxOf({ name: 'test-repo' }).publish_mode).toBeUndefined();
    });

    it('say in Vietnamese what the editor cannot preview and must not be broken', () => {
      expect(mdx.description).toMatch(/không xem trước được/);
      expect(mdx.description).toMatch(/giữ nguyên mọi thẻ <…>, dấu \{…\} và các dòng import\/export/);
      expect(mdx.description).toMatch(/Bài mới hãy tạo ở mục Tin tức/);
      expect(mdx.description).toMatch(/người phụ trách kỹ thuật duyệt/);
      const body = mdx.fields.at(-1)!;
      // Plain text: what is typed is saved, never rewritten by the rich-text editor.
      expect(body).toMatchObject({ name: 'body', widget: 'markdown', modes: ['raw'], required: true });
      expect(body.hint).toBe(MDX_COLLECTION.bodyHint);
      expect(body.hint).toMatch(/không xem trước được/);
      for (const text of [mdx.description as string, body.hint as string, mdx.label as string])
        expect(text, text).toBe(text.normalize('NFC'));
    });
  });

  it('has a settings page for content/site.yaml with every field of the site schema', () => {
    const settings = collectionsOf(config).find((c) => (c.name as string) === 'settings')!;
    const [file] = settings.files as { file: string; format: string; fields: CmsField[] }[];
    expect(file).toMatchObject({ file: 'content/site.yaml', format: 'yaml' });
    expect(cmsPaths(file!.fields)).toEqual(fieldPaths(describeSchema(siteSettingsSchema())));
    expect(findField(file!.fields, 'owner')).toMatchObject({
      widget: 'relation',
      collection: 'units',
      required: false,
    });
    expect(findField(file!.fields, 'editor.backend')).toMatchObject({ widget: 'select' });
    // The logo and share card upload to public/images/site/ and are written "/images/site/…".
    expect(findField(file!.fields, 'logo.image')).toMatchObject({
      widget: 'image',
      media_folder: `/${SITE_MEDIA.folder}`,
      public_folder: SITE_MEDIA.public,
    });
    // Every field, nested ones included, has a Vietnamese label of its own.
    const walk = (fields: CmsField[], parent = ''): [string, string][] =>
      fields.flatMap((f) => [
        [parent + f.name, f.label] as [string, string],
        ...(Array.isArray(f.fields) ? walk(f.fields as CmsField[], `${parent}${f.name}.`) : []),
      ]);
    expect(
      walk(file!.fields).filter(([field, label]) => label === field.split('.').pop() && label !== 'email'),
    ).toEqual([]);
  });

  it.each(COLLECTIONS)('covers every field of the %s schema, in schema order', (name) => {
    const expected = fieldPaths(describeSchema(schemas[name]));
    expect(expected.length).toBeGreaterThan(5);
    expect(cmsPaths(byName[name].fields)).toEqual(expected);
  });

  it.each(COLLECTIONS)('gives every %s field a Vietnamese label of its own', (name) => {
    const walk = (fields: CmsField[], parent = ''): [string, string][] =>
      fields.flatMap((f) => [
        [parent + f.name, f.label] as [string, string],
        ...(Array.isArray(f.fields) ? walk(f.fields as CmsField[], `${parent}${f.name}.`) : []),
      ]);
    const unlabelled = walk(byName[name].fields).filter(
      ([field, label]) => label === field.split('.').pop() && label !== 'email',
    );
    expect(unlabelled).toEqual([]);
  });

  it('adds a field added to a schema (top level and nested), with its type', () => {
    const news = newsSchema(markedTools);
    const extended = z.strictObject({
      ...news.shape,
      /** A new field an editor must see without touching the CMS configuration. */
      location: z.string().optional().meta({ title: 'Địa điểm', description: 'Nơi diễn ra sự kiện.' }),
      priority: z.number().int().min(0).max(5).default(0),
      source: z.strictObject({ ...news.shape.source.unwrap().shape, archivedAt: z.string().optional() }).optional(),
    });
    const regenerated = buildCmsConfig({ backend: { name: 'test-repo' }, schemas: { ...schemas, news: extended } });
    const fields = collectionsOf(regenerated).find((c) => c.name === 'news')!.fields;
    expect(cmsPaths(fields)).toEqual(expect.arrayContaining(['location', 'priority', 'source.archivedAt']));
    expect(findField(fields, 'location')).toMatchObject({
      widget: 'string',
      label: 'Địa điểm',
      hint: 'Nơi diễn ra sự kiện.',
      required: false,
    });
    expect(findField(fields, 'priority')).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 0,
      max: 5,
      default: 0,
    });
    expect(cmsPaths(fields)).toEqual(fieldPaths(describeSchema(extended)));
  });

  it('also follows a field added to the units schema', () => {
    const units = unitSchema(markedTools);
    const extended = z.strictObject({ ...units.shape, successorOf: markedTools.reference('units').optional() });
    const fields = cmsPaths(
      collectionsOf(buildCmsConfig({ backend: { name: 'test-repo' }, schemas: { ...schemas, units: extended } })).find(
        (c) => c.name === 'units',
      )!.fields,
    );
    expect(fields).toContain('successorOf');
  });

  it.each([
    ['news', 'units', { widget: 'relation', collection: 'units', multiple: true, value_field: '{{slug}}' }],
    ['news', 'awards', { widget: 'relation', collection: 'awards', multiple: true }],
    ['awards', 'recipients.unit', { widget: 'relation', collection: 'units', required: false }],
    ['awards', 'conferredBy.unit', { widget: 'relation', collection: 'units' }],
    ['awards', 'article', { widget: 'relation', collection: 'news' }],
    ['units', 'parent', { widget: 'relation', collection: 'units' }],
    ['units', 'lineage.unit', { widget: 'relation', collection: 'units' }],
    ['news', 'publishedAt', { widget: 'datetime', input_timezone: 'Asia/Ho_Chi_Minh', format: 'YYYY-MM-DDTHH:mm:ssZ' }],
    ['awards', 'decision.date', { widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' }],
    ['news', 'hero.image', { widget: 'image', media_folder: 'images', public_folder: './images' }],
    ['news', 'hero.alt', { widget: 'string', label: 'Mô tả ảnh (bắt buộc)' }],
    ['news', 'draft', { widget: 'boolean', default: false }],
    ['news', 'category', { widget: 'select', default: 'tin-tuc' }],
    ['news', 'tags', { widget: 'list' }],
    ['news', 'source.url', { widget: 'string', type: 'url' }],
    ['awards', 'year', { widget: 'number', value_type: 'int', min: 1945, max: 2100 }],
    ['awards', 'status', { widget: 'select', default: 'in-force' }],
    ['units', 'contact.email', { widget: 'string', type: 'email' }],
    ['units', 'terms.leaders.name', { widget: 'string', label: 'Họ và tên' }],
  ] as const)('%s.%s is %o', (collection, path, expected) => {
    expect(findField(byName[collection].fields, path)).toMatchObject(expected);
  });

  it('offers the award forms as a select with their Vietnamese labels', () => {
    const form = findField(byName.awards.fields, 'form');
    expect(form.widget).toBe('select');
    expect(form.options).toEqual(Object.entries(AWARD_FORMS).map(([value, f]) => ({ value, label: f.label })));
  });

  it('ends news and units with the Markdown body; awards have none', () => {
    expect(byName.news.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expect(byName.units.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expect(byName.awards.fields.some((f) => f.name === 'body')).toBe(false);
  });

  it('puts uploaded images beside the articles and leaves empty optional fields out', () => {
    expect(byName.news).toMatchObject({ media_folder: 'images', public_folder: './images' });
    expect(config).toMatchObject({ output: { omit_empty_optional_fields: true }, media_folder: 'content/news/images' });
  });

  it.each([
    [DEFAULT_SITE.editor, { name: 'github', repo: LOCAL_REPOSITORY, branch: 'main' }],
    [
      { backend: 'github', repo: 'lddl/site', branch: 'xuat-ban', authUrl: 'https://auth.example.vn' },
      { name: 'github', repo: 'lddl/site', branch: 'xuat-ban', base_url: 'https://auth.example.vn' },
    ],
    [
      { backend: 'gitlab', repo: 'cong-doan/trang', branch: 'main' },
      { name: 'gitlab', repo: 'cong-doan/trang', branch: 'main' },
    ],
    [
      { backend: 'gitea', repo: 'cd/tin', branch: 'main', authUrl: 'https://git.example.gov.vn' },
      { name: 'gitea', repo: 'cd/tin', branch: 'main', base_url: 'https://git.example.gov.vn' },
    ],
  ] as const)('backend from the site configuration %o', (editor, backend) => {
    expect(backendFromSite(editor)).toEqual(backend);
  });

  it('the editor’s CSP follows the backend of the site configuration (a second site’s Gitea)', () => {
    const env = { CONTENT_DIR: join(projectRoot, 'tests/fixtures/second-site') };
    expect(configuredBackend(env)).toEqual({
      name: 'gitea',
      repo: 'cong-doan/tin-vks-lao-cai',
      branch: 'main',
      base_url: 'https://git.laocai.example.gov.vn',
    });
    expect(adminPolicy(configuredBackend(env))['connect-src']).toContain('https://git.laocai.example.gov.vn');
  });

  it('takes the backend and the address from content/site.yaml, with no repository written in code', () => {
    const site = loadSiteConfig(join(projectRoot, 'content'), {});
    const built = buildCmsConfig({ site });
    expect(built.backend).toEqual(backendFromSite(site.editor));
    expect(built.site_url).toBe(new URL(site.base, site.url).href);
    const source = readFileSync(join(projectRoot, 'src/editor/cms-config.ts'), 'utf8');
    expect(source).not.toMatch(/congdoan-news|process\.env|CMS_BACKEND/);
  });

  it('refuses a zod type it does not know rather than leaving the field out', () => {
    const odd = z.strictObject({ title: z.string(), tuple: z.tuple([z.string(), z.number()]) });
    expect(() => describeSchema(odd)).toThrow(/tuple/);
  });
});
