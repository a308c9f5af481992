/**
 * The bad-content corpus (tests/fixtures/bad-content/<case>/): one tiny content tree per editor
 * mistake, each otherwise identical to the valid tree beside it. Every case is built for real with
 * scripts/build.mjs into the same --outDir as a good build made first: the build must exit
 * non-zero, print a message naming the file, the field and the fix, and leave the good site
 * byte-for-byte as it was. `npm run check:content` runs on every case too and must agree with the
 * build: both fail, naming the same files and fields (both read YAML as Astro does, through the
 * one guard, src/editor/content-guard.ts). Failing builds stop in the guard, before Vite renders,
 * except where the case says `stage: 'bundle'` (a mistake only Astro can see).
 *
 * Every failure ends cleanly (scripts/lib/publish/astro-build.ts, scripts/lib/cli.ts): the
 * Vietnamese report, a one-line summary, a non-zero exit, and no stack trace, node_modules path or
 * Astro "unhandled error" line; an unknown reference, form, field or level names the closest
 * existing one where one is close ("Có phải bạn muốn: `…`?"). One case is built again with
 * CONGDOAN_VERBOSE=1, which brings the technical detail back.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_SITE_NOW } from '../../scripts/lib/build-site.ts';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const corpus = 'tests/fixtures/bad-content';
const outDir = resolve(projectRoot, '.build-tmp/bad-content-dist');

interface Case {
  /** Folder under tests/fixtures/bad-content/. */
  name: string;
  /** The file at fault, relative to the case folder. */
  file: string;
  /** What the message must say after "<file> → ": the field, then the fix. */
  expect: RegExp[];
  /** Where the build stops: the content guard (default), or Astro's bundling (check:content cannot see it). */
  stage?: 'guard' | 'bundle';
  /** The report must make no suggestion: nothing existing is close to what was written. */
  noSuggestion?: boolean;
}

const cases: Case[] = [
  {
    name: 'missing-field',
    file: 'news/bai-mau.md',
    expect: [/→ title: thiếu trường bắt buộc "title"; hãy thêm trường này/],
  },
  { name: 'wrong-type', file: 'awards/2022-bang-khen-mau.yaml', expect: [/→ year: Cần một năm bằng số, ví dụ: 2022/] },
  {
    name: 'malformed-date',
    file: 'news/bai-mau.md',
    expect: [
      /→ publishedAt: "10\/01\/2023 9 giờ" không đúng dạng ngày giờ; hãy viết năm-tháng-ngày, giờ và múi giờ, ví dụ: 2023-02-02T16:18:00\+07:00/,
    ],
  },
  {
    name: 'impossible-date',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ decision\.date: "2023-02-30" không phải ngày hợp lệ \(tháng 2 không có ngày 30\); hãy viết năm-tháng-ngày, ví dụ: 2023-07-24/,
    ],
  },
  {
    name: 'unknown-field',
    file: 'news/bai-mau.md',
    expect: [
      /→ tag: Trường không có trong mẫu: "tag"\. Có phải bạn muốn: `tags` \(Thẻ\)\? Hãy sửa lại tên trường cho đúng/,
    ],
  },
  {
    name: 'unknown-reference',
    file: 'news/bai-mau.md',
    expect: [/→ units\[1\]: không tìm thấy "cong-doan-khong-co-that" trong content\/units\/\. Hãy sửa thành mã/],
    noSuggestion: true,
  },
  {
    name: 'typo-reference',
    file: 'news/bai-mau.md',
    expect: [
      /→ units\[0\]: không tìm thấy "cong-doan-co-so-mua" trong content\/units\/\. Có phải bạn muốn: `cong-doan-co-so-mau`\? Hãy sửa thành mã/,
      // A unit's name where its id belongs.
      /→ units\[1\]: không tìm thấy "Liên đoàn Lao động tỉnh Mẫu" trong content\/units\/\. Có phải bạn muốn: `lien-doan-lao-dong-tinh-mau`\?/,
    ],
  },
  {
    name: 'duplicate-id',
    file: 'news/bai-mau.mdx',
    expect: [/→ \(tên tệp\): trùng mã "bai-mau" với content\/news\/bai-mau\.md.*Hãy đổi tên một trong hai tệp/],
  },
  {
    name: 'duplicate-slug',
    file: 'news/Bai-Mau.md',
    expect: [/→ \(tên tệp\): trùng mã "bai-mau" với content\/news\/bai-mau\.md.*Hãy đổi tên một trong hai tệp/],
  },
  {
    name: 'unknown-form',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ form: Hình thức khen thưởng \(form\) "bang-khen-vang" không có trong danh mục\. Có phải bạn muốn: `bang-khen` \(Bằng khen\)\? Chọn một trong: .*bang-khen \(Bằng khen\)/,
    ],
  },
  {
    name: 'form-without-tones',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ form: Hình thức khen thưởng \(form\) "Giay khen" không có trong danh mục\. Có phải bạn muốn: `giay-khen` \(Giấy khen\)\?/,
    ],
  },
  {
    name: 'misspelt-field',
    file: 'news/bai-mau.md',
    expect: [
      /→ sumary: Trường không có trong mẫu: "sumary"\. Có phải bạn muốn: `summary` \(Tóm tắt\)\?/,
      /→ summary: thiếu trường bắt buộc "summary"/,
    ],
  },
  {
    name: 'unit-level-typo',
    file: 'units/cong-doan-co-so-mau.md',
    expect: [
      /→ level: Cấp đơn vị \(level\) "cong-doan-coso" không có trong danh mục\. Có phải bạn muốn: `cong-doan-co-so` \(Công đoàn cơ sở\)\?/,
    ],
  },
  {
    name: 'mdx-component',
    file: 'news/bai-mau.mdx',
    expect: [
      /→ nội dung \(dòng 14\): thành phần <Khung> chưa được nhập \(import\) trong bài.*Hãy thêm dòng "import Khung from/,
    ],
  },
  {
    name: 'damaged-image',
    file: 'news/images/anh-hoi-nghi.jpg',
    stage: 'bundle',
    expect: [/anh-hoi-nghi\.jpg: Tệp ảnh ".*" hỏng hoặc không phải ảnh thật/],
  },
  {
    name: 'missing-image',
    file: 'news/bai-mau.md',
    expect: [
      /→ hero\.image: không tìm thấy ảnh "\.\/images\/anh-khong-co\.jpg".*Hãy đặt tệp ảnh vào đó, sửa tên cho đúng/,
    ],
  },
  {
    name: 'missing-alt',
    file: 'news/bai-mau.md',
    expect: [
      /→ hero\.alt: thiếu trường bắt buộc "hero\.alt"/,
      /→ nội dung \(dòng 13\): ảnh "\.\/images\/anh-hoi-nghi\.jpg" thiếu lời mô tả \(alt\).*Hãy viết mô tả trong ngoặc vuông, ví dụ: !\[Quang cảnh Hội nghị\]/,
    ],
  },
  {
    name: 'mdx-syntax',
    file: 'news/bai-mau.mdx',
    expect: [/→ nội dung \(dòng 14\): lỗi cú pháp MDX ở dòng 14\. Trong tệp \.mdx, thẻ như <Khung> phải được đóng/],
  },
  {
    name: 'yaml-syntax',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ \(cú pháp YAML, dòng 2\): lỗi cú pháp YAML ở dòng 2\. Hãy kiểm tra dấu ngoặc kép\/ngoặc vuông đã đóng chưa/,
    ],
  },
  {
    name: 'frontmatter-syntax',
    file: 'news/bai-mau.md',
    expect: [/→ \(cú pháp YAML, dòng 3\): lỗi cú pháp YAML ở dòng 3\./],
  },
  {
    name: 'non-nfc',
    file: 'news/bai-mau.md',
    expect: [
      /→ title \(dòng 2\): chữ tiếng Việt chưa ở dạng dựng sẵn \(NFC\).*Hãy chạy "npm run lint:content -- --fix"/,
    ],
  },
  {
    name: 'future-award',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [/→ year: năm 2027 ở tương lai \(năm nay là 2026\); hãy ghi năm thành tích đã qua/],
  },
  {
    name: 'award-before-founding',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ recipients\[0\]\.unit: "cong-doan-co-so-mau" được thành lập năm 2023, sau năm khen thưởng 2022; hãy kiểm tra năm hoặc đơn vị nhận/,
    ],
  },
  {
    name: 'award-after-merger',
    file: 'awards/2022-bang-khen-mau.yaml',
    expect: [
      /→ recipients\[0\]\.unit: "cong-doan-co-so-mau" đã giải thể hoặc sáp nhập năm 2020, trước năm khen thưởng 2022; hãy ghi đơn vị kế thừa/,
    ],
  },
  {
    name: 'own-ancestor',
    file: 'units/cong-doan-co-so-mau.md',
    expect: [
      /→ parent: vòng lặp cấp trên: cong-doan-co-so-mau → lien-doan-lao-dong-tinh-mau → cong-doan-co-so-mau\. .*hãy sửa "parent"/,
    ],
  },
  {
    name: 'site-config-invalid',
    file: 'site.yaml',
    expect: [/→ Địa chỉ trang \(url\): Cần một địa chỉ web đầy đủ, ví dụ: https:\/\/congdoan\.example\.vn/],
  },
  {
    name: 'site-config-unknown-owner',
    file: 'site.yaml',
    expect: [
      /→ Đơn vị chủ quản \(owner\): không tìm thấy "cong-doan-khong-co-that" trong content\/units\/\. Hãy ghi đúng mã/,
    ],
    noSuggestion: true,
  },
  {
    name: 'hostile-html',
    file: 'news/bai-mau.md',
    expect: [
      /→ nội dung \(dòng 16\): thẻ HTML <script> không được dùng trong bài.*Hãy xóa thẻ này; chỉ dùng được: details, summary/,
      /→ nội dung \(dòng 18\): thẻ HTML <iframe> không được dùng/,
      /→ nội dung \(dòng 20\): thuộc tính onclick= của thẻ <b> không được dùng.*Hãy xóa thuộc tính này/,
      /→ nội dung \(dòng 22\): liên kết tới "javascript:alert\(1\)" không được dùng.*Chỉ dùng địa chỉ bắt đầu bằng https:\/\//,
      /→ nội dung \(dòng 22\): ảnh tới "javascript:alert\(2\)" không được dùng/,
      /→ nội dung \(dòng 24\): thẻ HTML <base> không được dùng/,
      /→ nội dung \(dòng 26\): thẻ HTML <form> không được dùng/,
      /→ nội dung \(dòng 28\): thẻ HTML <meta> không được dùng/,
    ],
  },
  {
    name: 'unsafe-url',
    file: 'news/bai-mau.md',
    expect: [
      /→ source\.url: Địa chỉ "javascript:alert\(document\.cookie\)" không được dùng: chỉ nhận địa chỉ web bắt đầu bằng https:\/\//,
    ],
  },
  {
    name: 'yaml-types',
    file: 'news/bai-mau.md',
    expect: [
      /→ title: YAML đọc giá trị này là ngày tháng, không phải chữ; hãy đặt chữ trong ngoặc kép/,
      /→ summary: YAML đọc giá trị này là số, không phải chữ; hãy đặt chữ trong ngoặc kép/,
    ],
  },
  {
    name: 'hidden-characters',
    file: 'news/bai-mau.md',
    expect: [
      /→ title: Có ký tự điều khiển ẩn U\+001B .*Hãy xóa rồi gõ lại/,
      /→ nội dung \(dòng 12\): có ký tự điều khiển ẩn U\+001B/,
    ],
  },
  {
    name: 'broken-link',
    file: 'news/bai-mau.md',
    expect: [
      /→ nội dung \(dòng 16\): liên kết "\/tin-tuc\/ban-nhap\/" trỏ tới bài "ban-nhap" còn là bản nháp/,
      /→ nội dung \(dòng 16\): liên kết "\/tin-tuc\/bai-hen-gio\/#muc-1" trỏ tới bài "bai-hen-gio" được hẹn giờ/,
      /→ nội dung \(dòng 16\): liên kết "\/tin-tuc\/bai-khong-co\/" trỏ tới bài "bai-khong-co" không có trong content\/news\//,
      /→ nội dung \(dòng 16\): liên kết "\/trang-khong-co\/" trỏ tới một trang không có trên trang web/,
    ],
  },
];

/** Further files at fault in a case, also named by both the build and check:content. */
const ALSO: Record<string, RegExp[]> = {
  'unsafe-url': [
    /unsafe-url\/units\/cong-doan-co-so-mau\.md → website: Địa chỉ "javascript:alert\(1\)" không được dùng/,
  ],
  'hidden-characters': [
    /hidden-characters\/units\/cong-doan-co-so-mau\.md → shortName: Có ký tự điều khiển ẩn U\+202E/,
  ],
};

/**
 * `npm run check:content` on a case (the same script, run as an editor runs it): its exit code and
 * output, to hold against the build's.
 */
const checkContent = (name: string, args: string[] = []) => {
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts/check-content.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: resolve(projectRoot, corpus, name), SITE_NOW: PINNED_SITE_NOW },
    encoding: 'utf8',
  });
  return { status: r.status ?? 1, output: plain(`${r.stdout}${r.stderr}`) };
};

/** The "<file> → <field>" of every problem line of a report, sorted. */
const reported = (output: string) =>
  [...output.matchAll(/• (tests\/fixtures\/bad-content\/\S+ → [^:\n]+):/g)].map((m) => m[1]!).sort();

/**
 * Builds in an isolated Astro root (scripts/lib/isolated-build.ts): a build of another content tree
 * in the project root would overwrite .astro/content-modules.mjs under other tests' builds.
 */
const build = (name: string, env: Record<string, string> = {}) =>
  isolatedBuild({
    workDir: resolve(projectRoot, `.build-tmp/bad-content-root/${name}`),
    contentDir: resolve(projectRoot, corpus, name),
    outDir,
    env,
  });

/**
 * What a failure must not show an editor: a stack trace, a node_modules path, Astro's "unhandled
 * error" line or its "Location:"/"Stack trace:" headings.
 */
const CRASH_NOISE = [/^\s+at \S/m, /node_modules/, /unhandled error/i, /^\s*Location:/m, /Stack trace:/];

/** The one-line summary a failure ends with (src/editor/messages.ts, failureReport). */
const SUMMARY = /^✗ \d+ lỗi nội dung: .*Hãy sửa theo hướng dẫn ở trên rồi chạy lại/m;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

// Strip ANSI colours from Astro's logger.
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('bad content', () => {
  let good: Record<string, string>;
  const results = new Map<string, { status: number; output: string }>();
  const checks = new Map<string, { status: number; output: string }>();

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    const built = await build('valid');
    if (built.status !== 0) throw new Error(`The valid fixture tree must build:\n${built.output.slice(-4000)}`);
    good = snapshot(outDir);
    // One build at a time: they all write the same --outDir, and scripts/build.mjs lets only one
    // build hold an output (a second one is refused). Failing builds stop before Vite runs.
    for (const c of cases) {
      const r = await build(c.name);
      results.set(c.name, { status: r.status, output: plain(r.output) });
      checks.set(c.name, checkContent(c.name));
    }
    checks.set('valid', checkContent('valid'));
    const r = await build('khong-co-thu-muc-nay');
    results.set('(no such folder)', { status: r.status, output: plain(r.output) });
    const verbose = await build('unknown-reference', { CONGDOAN_VERBOSE: '1' });
    results.set('(verbose)', { status: verbose.status, output: plain(verbose.output) });
    checks.set('(verbose)', checkContent('unknown-reference', ['--verbose']));
  }, 600_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(resolve(projectRoot, '.build-tmp/bad-content-root'), { recursive: true, force: true });
  });

  it('the valid tree builds into a real site', () => {
    expect(Object.keys(good)).toContain('tin-tuc/bai-mau/index.html');
    expect(Object.keys(good).length).toBeGreaterThan(10);
  });

  it.each(cases)('$name: the build fails and names $file, the field and the fix', (c) => {
    const r = results.get(c.name)!;
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(c.stage === 'bundle' ? 'Giải thích bằng tiếng Việt' : 'Nội dung có');
    expect(r.output).toContain(`Build failed; ${outDir} was left as it was`);
    for (const pattern of c.expect) {
      // One report line: "  • <file> → <field>: <what is wrong and the fix>" (a file of its own: "<file>: …").
      const at = `${corpus}/${c.name}/${c.file}${c.stage === 'bundle' ? ':' : ' →'}`;
      const line = r.output.split('\n').find((l) => l.includes(at) && pattern.test(l));
      expect(line, `${c.name}: no line for ${c.file} matching ${pattern}\n${r.output.slice(-3000)}`).toBeDefined();
    }
  });

  it.each(cases)('$name: the build and check:content end cleanly, with a summary and no stack trace', (c) => {
    const outputs = [results.get(c.name)!, ...(c.stage === 'bundle' ? [] : [checks.get(c.name)!])];
    for (const { status, output } of outputs) {
      expect(status).not.toBe(0);
      expect(output).toMatch(/Nội dung có \d+ lỗi|Giải thích bằng tiếng Việt/);
      expect(output).toMatch(SUMMARY);
      for (const noise of CRASH_NOISE) expect(output, `${c.name}: ${noise}\n${output.slice(-3000)}`).not.toMatch(noise);
      if (c.noSuggestion) expect(output).not.toContain('Có phải bạn muốn');
    }
  });

  it.each(cases.filter((c) => c.stage !== 'bundle'))(
    '$name: npm run check:content agrees with the build (fails, naming the same files and fields)',
    (c) => {
      const check = checks.get(c.name)!;
      const built = results.get(c.name)!;
      expect(check.status, check.output).toBe(1);
      expect(reported(check.output).length).toBeGreaterThan(0);
      expect(reported(check.output)).toEqual(reported(built.output));
      for (const pattern of [...c.expect, ...(ALSO[c.name] ?? [])]) {
        expect(check.output, `check:content, ${c.name}: ${pattern}`).toMatch(pattern);
        expect(built.output, `build, ${c.name}: ${pattern}`).toMatch(pattern);
      }
    },
  );

  it('a damaged image stops the build while Astro bundles; check:content does not read images', () => {
    expect(checks.get('damaged-image')!.status).toBe(0);
    expect(results.get('damaged-image')!.output).not.toContain('content check failed');
  });

  it('CONGDOAN_VERBOSE=1 (build) and --verbose (check:content) bring the technical detail back', () => {
    for (const { status, output } of [results.get('(verbose)')!, checks.get('(verbose)')!]) {
      expect(status).toBe(1);
      expect(output).toContain('→ units[1]: không tìm thấy "cong-doan-khong-co-that"');
      expect(output).toContain('Chi tiết kỹ thuật (technical detail):\nContentGuardError');
      expect(output).toMatch(/^\s+at \S/m);
      expect(output).toMatch(SUMMARY);
      expect(output).not.toContain('--verbose hoặc đặt CONGDOAN_VERBOSE=1');
    }
  });

  it('npm run check:content passes the valid tree, which builds', () => {
    expect(checks.get('valid')!.status, checks.get('valid')!.output).toBe(0);
  });

  it('a mistyped CONTENT_DIR fails the build instead of publishing an empty site', () => {
    const r = results.get('(no such folder)')!;
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(
      /tests\/fixtures\/bad-content\/khong-co-thu-muc-nay → \(thư mục nội dung\): .*Hãy kiểm tra CONTENT_DIR/,
    );
  });

  it('leaves the previously built site untouched after every failed build', () => {
    expect(results.size).toBe(cases.length + 2);
    expect(snapshot(outDir)).toEqual(good);
  });

  it('has a fixture for every case and a case for every fixture', () => {
    const folders = readdirSync(resolve(projectRoot, corpus))
      .filter((f) => f !== 'valid')
      .sort();
    expect(folders).toEqual(cases.map((c) => c.name).sort());
  });
});
