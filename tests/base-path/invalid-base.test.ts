/**
 * A SITE_BASE that is not a plain path stops the build before anything is written, with the
 * Vietnamese message of src/model/site-base.ts naming the variable (astro.config.mjs reads it).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const out = join(projectRoot, '.build-tmp', 'invalid-base-test');
afterAll(() => rmSync(out, { recursive: true, force: true }));

it.each([
  ['https://example.gov.vn/congdoan/', 'đây là một địa chỉ đầy đủ'],
  ['/công đoàn/', 'đoạn "công đoàn" chỉ được gồm chữ cái không dấu'],
])('SITE_BASE=%s fails the build: %s', (value, reason) => {
  const { status, output } = buildSite(out, { SITE_BASE: value });
  expect(status).not.toBe(0);
  expect(output).toContain(`SITE_BASE = "${value}" không hợp lệ`);
  expect(output).toContain(reason);
  expect(existsSync(join(out, 'index.html'))).toBe(false);
});
