/**
 * The text the importer writes as an image's alt when the old page gave none (no alt, no title,
 * no caption): never an empty alt, which the build refuses, but a marker the content lint
 * (src/editor/content-lint.ts, rule "image-alt-placeholder") warns about until an editor writes
 * what the picture shows. The build accepts it, so an import is never blocked by old pages.
 */
export const ALT_PLACEHOLDER = 'Ảnh chưa có mô tả, biên tập viên cần viết mô tả';

/** Whether an alt text is the importer's marker (and not an editor's description). */
export const isAltPlaceholder = (alt: string | null | undefined): boolean =>
  (alt ?? '').normalize('NFC').trim() === ALT_PLACEHOLDER;
