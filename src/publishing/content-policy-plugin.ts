/**
 * The content policy in the Markdown pipeline (defence in depth behind the content guard, which
 * fails the build on the same rule: src/model/content-policy.ts). A hast plugin of Astro's
 * Markdown processor (Sätteri), so it shapes every rendering of a body: the page, the RSS
 * `content:encoded` of the site and unit feeds (rendered from the same entries), and `astro dev`,
 * where the guard does not run.
 *
 * - Raw HTML outside the allowlist is published as the text it is (escaped): a `<script>` shows
 *   as "<script>", runs nothing, and the editor sees what to remove in the preview.
 * - A Markdown link or image whose URL is not http(s), mailto, tel or of the site loses it.
 *
 * In .mdx files HTML is JSX, i.e. code: it is reviewed like code (docs/quality-gates.md), not
 * rewritten here; their Markdown links and images still pass the URL rule.
 */
import { ALLOWED_HTML, ALLOWED_SCHEMES, htmlViolations, isSafeUrl } from '#src/model/content-policy.ts';

interface RawNode {
  type: 'raw';
  value: string;
}
interface ElementNode {
  type: 'element';
  tagName: string;
  properties?: Record<string, unknown>;
}
/** The part of Sätteri's hast visitor context the plugin uses (satteri/dist/hast/hast-visitor.d.ts). */
interface VisitorContext {
  replaceNode(node: unknown, replacement: { type: 'text'; value: string }): void;
  setProperty(node: unknown, key: string, value: unknown): void;
}

const URL_PROPERTIES = ['href', 'src'] as const;

/**
 * The policy's version in the plugin's name: Astro caches rendered bodies until its config digest
 * (which includes the Markdown processor's plugins, functions left out) changes, so a change of
 * the allowlist renders every body again.
 */
const policyVersion = (() => {
  let hash = 5381;
  for (const c of JSON.stringify([ALLOWED_HTML, ALLOWED_SCHEMES])) hash = ((hash * 33) ^ c.charCodeAt(0)) >>> 0;
  return hash.toString(36);
})();

export const contentPolicyPlugin = {
  name: `congdoan:content-policy@${policyVersion}`,
  raw(node: RawNode, ctx: VisitorContext) {
    if (htmlViolations(node.value).length > 0) ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  element: {
    filter: ['a', 'img'],
    visit(node: ElementNode, ctx: VisitorContext) {
      for (const key of URL_PROPERTIES) {
        const value = node.properties?.[key];
        if (typeof value === 'string' && !isSafeUrl(value)) ctx.setProperty(node, key, null);
      }
    },
  },
};
