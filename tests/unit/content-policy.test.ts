/**
 * The content policy (src/model/content-policy.ts) as a table, and its hast plugin
 * (src/publishing/content-policy-plugin.ts) in the Markdown processor Astro renders bodies with
 * (Sätteri): a body holding every hostile construct of issue 13 renders to HTML that a real HTML
 * parser finds nothing executable in, while the allowed HTML is kept.
 */
import rehypeParse from 'rehype-parse';
import { markdownToHtml } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlViolations, isSafeUrl } from '#src/model/content-policy.ts';
import { contentPolicyPlugin } from '#src/publishing/content-policy-plugin.ts';

describe('isSafeUrl', () => {
  it.each([
    ['https://kiemsat.vn/bai', true],
    ['http://kiemsat.vn/', true],
    ['mailto:congdoan@example.vn', true],
    ['tel:+842553822000', true],
    ['/tin-tuc/bai-mau/', true],
    ['./images/anh.jpg', true],
    ['../don-vi/', true],
    ['#muc-2', true],
    ['anh.jpg', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['//evil.example/', false],
    ['\\\\evil.example\\x', false],
  ])('%s → %s', (url, safe) => expect(isSafeUrl(url)).toBe(safe));
});

describe('htmlViolations', () => {
  it.each([
    ['<details><summary>Xem thêm</summary>', []],
    ['<figure><img src="./a.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>', []],
    ['H<sub>2</sub>O, m<sup>2</sup>, <abbr title="Công đoàn">CĐ</abbr><br>', []],
    [
      '<table><thead><tr><th scope="col" colspan="2">Năm</th></tr></thead><tbody><tr><td rowspan="2">1</td></tr></tbody></table>',
      [],
    ],
    ['</details>', []],
    ['<!-- ghi chú -->', []],
    ['<script>alert(1)</script>', [{ kind: 'element', tag: 'script' }]],
    ['<iframe src="https://evil.example/"></iframe>', [{ kind: 'element', tag: 'iframe' }]],
    ['<base href="https://evil.example/">', [{ kind: 'element', tag: 'base' }]],
    [
      '<form action="https://evil.example/"><input name="x"></form>',
      [
        { kind: 'element', tag: 'form' },
        { kind: 'element', tag: 'input' },
      ],
    ],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', [{ kind: 'element', tag: 'meta' }]],
    ['<style>body{display:none}</style>', [{ kind: 'element', tag: 'style' }]],
    ['<object data="x.swf"></object>', [{ kind: 'element', tag: 'object' }]],
    ['<svg onload="alert(1)"></svg>', [{ kind: 'element', tag: 'svg' }]],
    ['<b onclick="alert(1)">x</b>', [{ kind: 'attribute', tag: 'b', attribute: 'onclick' }]],
    ['<img src="x" onerror="alert(1)">', [{ kind: 'attribute', tag: 'img', attribute: 'onerror' }]],
    ['<p style="position:fixed">x</p>', [{ kind: 'attribute', tag: 'p', attribute: 'style' }]],
    ['<a href="javascript:alert(1)">x</a>', [{ kind: 'url', tag: 'a', attribute: 'href', url: 'javascript:alert(1)' }]],
    [
      '<a href="jav&#x61;script:alert(1)">x</a>',
      [{ kind: 'url', tag: 'a', attribute: 'href', url: 'javascript:alert(1)' }],
    ],
    [
      '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">',
      [{ kind: 'url', tag: 'img', attribute: 'src', url: 'data:image/svg+xml,<svg onload=alert(1)>' }],
    ],
  ])('%s', (html, expected) => expect(htmlViolations(html)).toEqual(expected));
});

/** Every hostile construct of issue 13, item 2, with allowed HTML around it. */
const HOSTILE = `Mở đầu <b onclick="alert(1)">đậm</b> và <script>alert(1)</script> giữa dòng.

<script>alert('khối')</script>

<iframe src="https://evil.example/"></iframe>

<base href="https://evil.example/">

<form action="https://evil.example/"><input name="mat-khau"><button>Gửi</button></form>

<meta http-equiv="refresh" content="0;url=https://evil.example/">

<img src="x" onerror="alert(1)">

<a href="javascript:alert(1)">bấm</a> [liên kết](javascript:alert(1)) ![ảnh](javascript:alert(1))
[tham chiếu][x] <javascript:alert(1)>

[x]: javascript:alert(1)

<details><summary>Xem thêm</summary>

Nội dung ẩn với H<sub>2</sub>O và <abbr title="Liên đoàn Lao động">LĐLĐ</abbr>.

</details>

\`\`\`html
<script>hiện như mã</script>
\`\`\`
`;

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}
const elements = (html: string): Node[] => {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'element') out.push(n);
    n.children?.forEach(walk);
  };
  walk(unified().use(rehypeParse, { fragment: true }).parse(html) as Node);
  return out;
};

describe('the Markdown pipeline with the content policy plugin', () => {
  const render = async (md: string, plugins: unknown[]) =>
    (await markdownToHtml(md, { hastPlugins: plugins as never })).html;

  it('without the plugin the hostile body is published as it is (what the plugin prevents)', async () => {
    const tags = elements(await render(HOSTILE, [])).map((e) => e.tagName);
    expect(tags).toEqual(expect.arrayContaining(['script', 'iframe', 'base', 'form', 'meta']));
  });

  it('with it, a real HTML parser finds no executable element, handler or javascript: URL', async () => {
    const html = await render(HOSTILE, [contentPolicyPlugin]);
    const found = elements(html);
    const tags = new Set(found.map((e) => e.tagName));
    for (const tag of ['script', 'iframe', 'base', 'form', 'input', 'button', 'meta'])
      expect(tags.has(tag), tag).toBe(false);
    for (const e of found) {
      for (const [key, value] of Object.entries(e.properties ?? {})) {
        expect(key.toLowerCase().startsWith('on'), `${e.tagName} ${key}`).toBe(false);
        if (key === 'href' || key === 'src')
          expect(isSafeUrl(String(value)), `${e.tagName} ${key}=${String(value)}`).toBe(true);
      }
    }
    // What an editor wrote stays readable as text, and the allowed HTML is kept.
    expect(html).toContain('&lt;script&gt;alert(1)');
    expect([...tags]).toEqual(expect.arrayContaining(['details', 'summary', 'sub', 'abbr', 'pre', 'code']));
    expect(html).toContain('<pre><code class="language-html">&lt;script&gt;hiện như mã');
  });
});
