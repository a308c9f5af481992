/**
 * A bound on how deeply a saved page's elements nest, applied to the HTML text before it is parsed.
 *
 * Why: turning parse5's tree into HAST (hast-util-from-parse5), sanitising it and turning it into
 * Markdown are all recursive; a page of a few thousand nested <div> (a broken CMS template, or a
 * hostile file) failed with "Maximum call stack size exceeded". No article nests that deeply, so
 * the tags below MAX_HTML_DEPTH are dropped and their text kept, joined to the deepest element
 * that stays.
 *
 * The depth is counted on tags, not on a parsed tree (that is the point), so it is an estimate:
 * void elements (<br>, <img>…) do not count; a <p>, <li>, <td>… closes an open sibling of its kind,
 * and a block element an open <p>, as the parser does; the content of <script>, <style>,
 * <textarea>… and comments are skipped; an end tag closes the nearest open element of its name.
 * Real pages stay far below the bound.
 */

export const MAX_HTML_DEPTH = 200;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/**
 * Elements whose end tag may be left out, and the open elements a new one closes: `<p>a<p>b` is
 * two paragraphs side by side, `<li>a<li>b` two items. Modelled so that a long run of them counts
 * as one level, as the parser will build it.
 */
const CLOSES: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  tr: ['td', 'th', 'tr'],
  thead: ['td', 'th', 'tr', 'thead', 'tbody', 'tfoot'],
  tbody: ['td', 'th', 'tr', 'thead', 'tbody', 'tfoot'],
  tfoot: ['td', 'th', 'tr', 'thead', 'tbody', 'tfoot'],
  option: ['option'],
  optgroup: ['option', 'optgroup'],
  rb: ['rb', 'rt', 'rtc', 'rp'],
  rt: ['rb', 'rt', 'rp'],
  rp: ['rb', 'rt', 'rp'],
};
/** Block elements whose start tag closes an open <p>. */
const CLOSES_P = [
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'main',
  'menu',
  'nav',
  'ol',
  'pre',
  'section',
  'table',
  'ul',
];
for (const tag of CLOSES_P) CLOSES[tag] = ['p'];
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** `html` with the tags nested deeper than `max` left out; `dropped` counts the tags removed. */
export function boundHtmlDepth(html: string, max = MAX_HTML_DEPTH): { html: string; dropped: number } {
  const open: string[] = [];
  const droppedOpen = new Map<string, number>();
  const cuts: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const [token, slash, rawName] = m;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (!slash && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name)) continue;
    if (!slash) {
      const closes = CLOSES[name];
      while (closes && open.length && closes.includes(open.at(-1)!)) open.pop();
      if (open.length < max) open.push(name);
      else {
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
        cuts.push([m.index, m.index + token.length]);
      }
      continue;
    }
    const pending = droppedOpen.get(name) ?? 0;
    if (pending > 0) {
      droppedOpen.set(name, pending - 1);
      cuts.push([m.index, m.index + token.length]);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at >= 0) open.length = at;
  }
  if (cuts.length === 0) return { html, dropped: 0 };
  let out = '';
  let from = 0;
  for (const [start, end] of cuts) {
    out += html.slice(from, start);
    from = end;
  }
  return { html: out + html.slice(from), dropped: cuts.length };
}
