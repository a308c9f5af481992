// src/importer/image-source.ts
export type ImageFetchResult =
  | { ok: true; bytes: Uint8Array; contentType: string | null; url: string } // url: final, after redirects
  | { ok: false; reason: string }; // a Vietnamese reason for the report ("HTTP 500", "quá lớn (12 MB > 8 MB)" …)
export interface ImageSource {
  /** `src` as written in the page: absolute, protocol-relative or relative to the page. */
  fetch(src: string): Promise<ImageFetchResult>;
}
