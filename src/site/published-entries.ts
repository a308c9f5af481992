/**
 * A loader wrapper that keeps what a production build does not publish out of Astro's asset
 * pipeline. Astro processes every image an entry names (hero.image, images in the body, imports
 * of an .mdx body) whether or not a page shows the entry, and writes each to `_astro/`: a draft's
 * or a scheduled article's images were public, under immutable cache headers, before the article.
 *
 * So in a build (no file watcher: not `astro dev`), an article that is a draft or scheduled at the
 * build's clock is stored as a stub: its id and frontmatter data without the hero image, no body,
 * no rendered HTML, no image or module imports. References to it still resolve (the integrity
 * checks and the hidden-id rules of the site index need the entry), and the site index hides it
 * as before (src/model/content-model.ts decides publication, once). In `astro dev` (preview),
 * where drafts are shown and marked, entries are stored whole.
 *
 * The digest Astro caches an entry by is the file's text plus its publication state (or "preview"),
 * so a scheduled article whose time has come, or a preview build after a production one, is
 * loaded again and not served from the cached stub.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { publicationState, type PublicationState } from '#src/model/content-model.ts';
import { readFrontmatter } from '#src/model/frontmatter.ts';

export interface PublishedOnlyOptions {
  /** The build's clock (buildNow()). */
  now: Date;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** The publication state of an article's data, or undefined for data that is not an article's. */
function stateOf(data: Record<string, unknown>, now: Date): PublicationState | undefined {
  const publishedAt = data.publishedAt;
  const at =
    publishedAt instanceof Date ? publishedAt : typeof publishedAt === 'string' ? new Date(publishedAt) : undefined;
  return publicationState({ draft: data.draft === true, publishedAt: at }, now);
}

/** The state a file's text gives, read as Astro reads it; a file that does not parse is "unread". */
function stateOfText(text: string, now: Date): string {
  try {
    const fm = readFrontmatter(text);
    return fm ? (stateOf(fm.data, now) ?? 'published') : 'published';
  } catch {
    return 'unread';
  }
}

/** Wrap a news loader (glob of content/news) so unpublished articles bring no assets. */
export function publishedOnly(loader: Loader, { now }: PublishedOnlyOptions): Loader {
  return {
    ...loader,
    name: `${loader.name}+published-only`,
    load: (context) => {
      const preview = context.watcher !== undefined;
      const generateDigest: LoaderContext['generateDigest'] = (data) =>
        context.generateDigest(
          typeof data === 'string' ? `${data}\u0000${preview ? 'preview' : stateOfText(data, now)}` : data,
        );
      if (preview) return loader.load({ ...context, generateDigest });
      const set = (entry: StoredEntry) => {
        if (stateOf(entry.data, now) === 'published') return context.store.set(entry);
        const { hero: _hero, ...data } = entry.data;
        return context.store.set({
          id: entry.id,
          data,
          ...(entry.filePath ? { filePath: entry.filePath } : {}),
          ...(entry.digest ? { digest: entry.digest } : {}),
        });
      };
      const store = new Proxy(context.store, {
        get: (target, key, receiver) => (key === 'set' ? set : Reflect.get(target, key, receiver)),
      });
      return loader.load({ ...context, store, generateDigest });
    },
  };
}
