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

// One value: the variants and their messages are in tests/unit/site-base.test.ts; this proves the wiring.
it('SITE_BASE with diacritics and a space fails the build, naming the variable and the fix', () => {
  const { status, output } = buildSite(out, { SITE_BASE: '/công đoàn/' });
  expect(status).not.toBe(0);
  expect(output).toContain('SITE_BASE = "/công đoàn/" không hợp lệ');
  expect(output).toContain('đoạn "công đoàn" chỉ được gồm chữ cái không dấu');
  expect(output).toContain('ví dụ "/congdoan/"');
  expect(existsSync(join(out, 'index.html'))).toBe(false);
});
