/**
 * A value loaded once and kept until the content changes: the site index (src/site/content.ts).
 * A build never invalidates it; `astro dev` does when Astro reports a content change, so that a
 * request after an edit loads the content again and every request in between reuses one index
 * (at 10,000 articles loading and indexing takes seconds, and a page asks for it several times).
 *
 * Callers at the same time share one load. A load that fails is not kept: the next call tries
 * again (in dev the editor fixes the file and reloads). A load that was under way when the value
 * was invalidated is not kept either: it may have read the content from before the change.
 */
export interface ContentMemo<T> {
  get(): Promise<T>;
  /** Forget the value: the next get() loads again. */
  invalidate(): void;
  /** How many loads were started (for tests and diagnostics). */
  readonly loads: number;
}

export function memoUntilInvalidated<T>(load: () => Promise<T>): ContentMemo<T> {
  let current: Promise<T> | undefined;
  let loads = 0;
  return {
    get() {
      if (current) return current;
      loads++;
      const pending = load();
      current = pending;
      // A failed load is dropped (unless a newer one has replaced it meanwhile).
      pending.catch(() => {
        if (current === pending) current = undefined;
      });
      return pending;
    },
    invalidate() {
      // A load under way keeps answering its callers; later calls start a new one.
      current = undefined;
    },
    get loads() {
      return loads;
    },
  };
}
