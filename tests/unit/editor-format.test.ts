import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEntryText, parseEntryText, SOURCE_PROPERTY } from '#src/model/editor-format.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

/** What Sveltia does around a custom format: the text is trimmed before parsing, the output trimmed and ended with one line break. */
const sveltiaWrites = (content: Record<string, unknown>) => `${formatEntryText(content).trim()}\n`;
const sveltiaReads = (text: string) => parseEntryText(text.trim().replace(/\r\n?/g, '\n'));

const HAND_WRITTEN = `---
# Written by hand.
title: "Giải bóng đá: 8 đội"
summary: Giải bóng đá mini.
category: hoat-dong-cong-doan
publishedAt: 2024-07-28T08:00:00+07:00
units: [cong-doan-vksnd-tinh-quang-ngai]
tags: [thể thao, bóng đá]
---

export const soDoi = 8;

Giải có {soDoi} đội.
`;

describe('the web editor’s front-matter format', () => {
  const files = [
    ['a hand-written MDX article', HAND_WRITTEN],
    [
      'a bundled article',
      readFileSync(join(projectRoot, 'content/news/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024.md'), 'utf8'),
    ],
    ['a unit profile', readFileSync(join(projectRoot, 'content/units/cong-doan-vksnd-tinh-quang-ngai.md'), 'utf8')],
    ['a front matter only', '---\ntitle: A\n---\n'],
    ['no front matter', 'Chỉ có nội dung.\n'],
  ] as const;

  it.each(files)('reads %s into its values and writes it back byte for byte', (_name, text) => {
    const content = sveltiaReads(text);
    expect(content[SOURCE_PROPERTY]).toBe(text.trim());
    expect(sveltiaWrites(content)).toBe(text);
  });

  it('reads the values Sveltia reads: dates stay strings, the body without its blank line', () => {
    expect(sveltiaReads(HAND_WRITTEN)).toMatchObject({
      title: 'Giải bóng đá: 8 đội',
      publishedAt: '2024-07-28T08:00:00+07:00',
      units: ['cong-doan-vksnd-tinh-quang-ngai'],
      body: 'export const soDoi = 8;\n\nGiải có {soDoi} đội.',
    });
  });

  it('rewrites only the changed key: comments, order, flow lists and quotes of the others stay', () => {
    const content = { ...sveltiaReads(HAND_WRITTEN), title: 'Giải bóng đá: 10 đội' };
    expect(sveltiaWrites(content)).toBe(HAND_WRITTEN.replace('"Giải bóng đá: 8 đội"', '"Giải bóng đá: 10 đội"'));
  });

  it('keeps the front matter as written when only the body changes', () => {
    const content = { ...sveltiaReads(HAND_WRITTEN), body: 'Giải có {soDoi} đội bóng.' };
    expect(sveltiaWrites(content)).toBe(HAND_WRITTEN.replace(/\n\nexport[\s\S]*$/, '\n\nGiải có {soDoi} đội bóng.\n'));
  });

  it.each([
    ['a default the editor fills in (draft: false)', { draft: false }, HAND_WRITTEN],
    ['an empty list the editor fills in', { awards: [] }, HAND_WRITTEN],
    [
      'a key Sveltia leaves out as empty',
      { tags: undefined },
      HAND_WRITTEN.replace('tags: [thể thao, bóng đá]\n', 'tags: []\n'),
    ],
  ] as const)('adds or drops nothing for %s', (_name, change, text) => {
    const content: Record<string, unknown> = { ...sveltiaReads(text), ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete content[key];
    expect(sveltiaWrites(content)).toBe(text);
  });

  it('adds a new value at the end and removes a cleared one', () => {
    const content: Record<string, unknown> = { ...sveltiaReads(HAND_WRITTEN), draft: true, author: 'Tô Thị Ái' };
    delete content.summary;
    const written = sveltiaWrites(content);
    expect(written).not.toContain('summary:');
    expect(written).toContain('tags: [thể thao, bóng đá]\ndraft: true\nauthor: Tô Thị Ái\n---\n');
    expect(written).toContain('# Written by hand.');
  });

  it('writes a new entry (no original) as Sveltia does', () => {
    expect(sveltiaWrites({ title: 'Đại hội: nhiệm kỳ mới', units: ['a', 'b'], body: 'Nội dung.' })).toBe(
      "---\ntitle: 'Đại hội: nhiệm kỳ mới'\nunits:\n  - a\n  - b\n---\n\nNội dung.\n",
    );
  });
});
