/**
 * The image source of a page saved from a browser: "Trang.html" beside "Trang_files/". A `src`
 * is resolved relative to the HTML file (as written, or URL-decoded: "Trang_files/h%C3%ACnh.jpg"),
 * and only files in the page's folder or below it are read. Images on the web (http://…, "/…")
 * were not saved with the page: they are reported as not brought, with the reason.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ImageFetchResult, ImageSource } from '../image-source.ts';
import { IMAGE_LIMITS, megabytes } from './check.ts';

function decodeDataUri(src: string, maxBytes: number): ImageFetchResult {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/is.exec(src);
  if (!m) return { ok: false, reason: 'địa chỉ data: không đọc được' };
  const data = m[3]!;
  if ((m[2] ? data.length * 0.75 : data.length) > maxBytes)
    return { ok: false, reason: `quá lớn (> ${megabytes(maxBytes)})` };
  const bytes = m[2] ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  return { ok: true, bytes: new Uint8Array(bytes), contentType: m[1] || null, url: 'data:' };
}

export function savedPageImageSource(htmlFile: string, maxBytes = IMAGE_LIMITS.maxBytes): ImageSource {
  const folder = dirname(resolve(htmlFile));
  return {
    fetch(src) {
      const s = src.trim();
      if (/^data:/i.test(s)) return Promise.resolve(decodeDataUri(s, maxBytes));
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(s))
        return Promise.resolve({
          ok: false,
          reason: 'ảnh nằm trên trang web cũ (địa chỉ http): trang đã lưu không có bản sao trong thư mục _files',
        });
      if (s.startsWith('/'))
        return Promise.resolve({
          ok: false,
          reason: `đường dẫn tính từ gốc trang web cũ ("${s.slice(0, 80)}"): trang đã lưu không có bản sao trong thư mục _files`,
        });
      const path = s.replace(/[?#].*$/, '');
      const candidates = [path];
      try {
        candidates.push(decodeURIComponent(path));
      } catch {
        // a stray "%": only the name as written
      }
      for (const c of candidates) {
        const abs = resolve(folder, c);
        const rel = relative(folder, abs);
        if (rel.startsWith('..') || isAbsolute(rel))
          return Promise.resolve({
            ok: false,
            reason: `đường dẫn ra ngoài thư mục của trang đã lưu ("${s.slice(0, 80)}")`,
          });
        if (!existsSync(abs) || !statSync(abs).isFile()) continue;
        // A link inside the folder that leads out of it is outside too.
        const real = relative(realpathSync(folder), realpathSync(abs));
        if (real.startsWith('..') || isAbsolute(real))
          return Promise.resolve({
            ok: false,
            reason: `đường dẫn ra ngoài thư mục của trang đã lưu ("${s.slice(0, 80)}")`,
          });
        const size = statSync(abs).size;
        if (size > maxBytes)
          return Promise.resolve({ ok: false, reason: `quá lớn (${megabytes(size)} > ${megabytes(maxBytes)})` });
        return Promise.resolve({
          ok: true,
          bytes: new Uint8Array(readFileSync(abs)),
          contentType: null,
          url: join(rel).split('\\').join('/'),
        });
      }
      return Promise.resolve({
        ok: false,
        reason: `không có tệp "${path.slice(0, 120)}" bên cạnh trang đã lưu (lưu trang bằng "Lưu trang web, đầy đủ" để có thư mục _files)`,
      });
    },
  };
}
