#!/usr/bin/env node
// New content file for an editor:
//   npm run new -- news "Tiêu đề bài viết"
//   npm run new -- award "Bằng khen của LĐLĐ tỉnh" --unit cong-doan-vksnd-tinh-quang-ngai [--form bang-khen]
//   npm run new -- unit "Công đoàn cơ sở Trường THPT Lê Lợi" [--level cong-doan-co-so] [--parent ma-don-vi]
// Writes content/<folder>/<slug>.<md|yaml> (CONTENT_DIR to use another tree), never overwrites,
// and prints the path.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { scaffold, ScaffoldError, SCAFFOLD_KINDS, FOLDER_OF } from '#src/editor/scaffold.ts';
import { buildNow } from '#src/model/clock.ts';
import { endFailuresCleanly } from './lib/cli.ts';
type Kind = (typeof SCAFFOLD_KINDS)[number];

const USAGE = `Cách dùng:
  npm run new -- news "Tiêu đề bài viết"
  npm run new -- award "Tên danh hiệu, thành tích" --unit <mã đơn vị> [--form bang-khen]
  npm run new -- unit "Tên đầy đủ của đơn vị" [--level cong-doan-co-so] [--parent <mã đơn vị cấp trên>]`;

function fail(message: string): never {
  console.error(`\n✗ ${message}\n\n${USAGE}\n`);
  process.exit(1);
}

// Anything unexpected (a folder that cannot be written…): Vietnamese, no stack trace unless --verbose.
endFailuresCleanly({ consequence: 'chưa tệp nào được tạo', check: 'new failed' });

const args = process.argv.slice(2).filter((a) => a !== '--verbose');
const options: Record<string, string> = {};
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg.startsWith('--')) {
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) fail(`Tùy chọn --${key} cần một giá trị.`);
    options[key] = value;
  } else positional.push(arg);
}
for (const key of Object.keys(options)) {
  if (!['unit', 'form', 'level', 'parent'].includes(key)) fail(`Không có tùy chọn --${key}.`);
}
const [kind, ...titleWords] = positional;
if (!kind || !(SCAFFOLD_KINDS as readonly string[]).includes(kind))
  fail(`Loại nội dung phải là news (bài viết), award (khen thưởng) hoặc unit (đơn vị).`);
const title = titleWords.join(' ');

const root = resolve(process.env.CONTENT_DIR ?? 'content');
const unitsDir = join(root, 'units');
const knownUnits = existsSync(unitsDir)
  ? readdirSync(unitsDir)
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => f.replace(/\.mdx?$/, ''))
  : [];

try {
  const file = scaffold(kind as Kind, {
    title,
    // The build's clock: SITE_NOW pins it as for the build (tests, reproducible examples).
    now: buildNow(),
    unit: options.unit,
    form: options.form,
    level: options.level,
    parent: options.parent,
    knownUnits,
  });
  const dir = join(root, FOLDER_OF[kind as Kind]);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.fileName);
  try {
    writeFileSync(path, file.text, { flag: 'wx' }); // wx: never overwrite an existing file
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      fail(`Tệp ${relative(process.cwd(), path)} đã có; không ghi đè. Hãy đổi tiêu đề hoặc sửa tệp có sẵn.`);
    }
    throw error;
  }
  console.log(relative(process.cwd(), path));
  console.error(`✓ Đã tạo ${relative(process.cwd(), path)} — mở tệp để điền nội dung.`);
} catch (error) {
  if (error instanceof ScaffoldError) fail(error.message);
  throw error;
}
