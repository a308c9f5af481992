/**
 * One YAML reading (src/model/frontmatter.ts): the guard reads every value exactly as Astro
 * does. Each input is read by ours and by Astro's own parseFrontmatter (astro/markdown, the
 * function its Markdown and MDX entry types call) and must give the same data and body.
 */
import { parseFrontmatter } from 'astro/markdown';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, readYaml, timestampSource, YamlSyntaxError } from '#src/model/frontmatter.ts';

const FILES: [string, string][] = [
  ['plain', '---\ntitle: Hội nghị\nsummary: "Tóm tắt"\n---\n\nNội dung.\n'],
  ['a date-like title (YAML 1.1 timestamp)', '---\ntitle: 2023-03-10\n---\nNội dung.\n'],
  ['a binary-like title', '---\ntitle: 0b101\n---\n'],
  ['octal, sexagesimal-free, yes/no', '---\na: 0o17\nb: 010\nc: yes\nd: ~\ne: 1e3\n---\n'],
  ['an impossible day (rolled over)', '---\nd: 2023-02-30\n---\n'],
  ['a date-time with offset', '---\npublishedAt: 2023-02-02T16:18:00+07:00\n---\n'],
  ['CRLF line ends', '---\r\ntitle: x\r\n---\r\n\r\nBody\r\n'],
  ['a byte-order mark', '\uFEFF---\ntitle: x\n---\nBody\n'],
  ['empty frontmatter', '---\n---\nBody\n'],
  ['a scalar frontmatter', '---\njust text\n---\nBody\n'],
  ['merge keys', '---\nbase: &b { x: 1 }\nother:\n  <<: *b\n  y: 2\n---\n'],
];

describe('readFrontmatter reads as Astro reads', () => {
  it.each(FILES)('%s', (_name, text) => {
    const astro = parseFrontmatter(text);
    const ours = readFrontmatter(text)!;
    expect(ours.data).toEqual(astro.frontmatter);
    expect(ours.body.trim()).toBe(astro.content.trim());
  });

  it('title: 2023-03-10 is a date and 0b101 is 5, as in the build', () => {
    expect(readFrontmatter('---\ntitle: 2023-03-10\n---\n')!.data.title).toEqual(new Date('2023-03-10T00:00:00Z'));
    expect(readFrontmatter('---\ntitle: 0b101\n---\n')!.data.title).toBe(5);
  });

  it('remembers what a timestamp was written as (2023-02-30 is read as 2 March)', () => {
    const { d } = readYaml('d: 2023-02-30\n') as { d: Date };
    expect(d.toISOString().slice(0, 10)).toBe('2023-03-02');
    expect(timestampSource(d)).toBe('2023-02-30');
  });

  it('says where the body starts', () => {
    expect(readFrontmatter('---\ntitle: x\n---\n\nDòng 5\n')).toMatchObject({ body: '\nDòng 5\n', bodyLine: 4 });
  });

  it('reports YAML errors with the line of the file', () => {
    let error: unknown;
    try {
      readFrontmatter('---\ntitle: x\nsummary: "chưa đóng\n---\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect((error as YamlSyntaxError).line).toBeGreaterThanOrEqual(3);
  });

  it('no frontmatter block: undefined', () => expect(readFrontmatter('Chỉ có nội dung.\n')).toBeUndefined());
});
