// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import sitemap from './src/integrations/sitemap.ts';
import cms from './src/integrations/cms.ts';
import contentGuard from './src/integrations/content-guard.ts';
import contentPolicy from './src/integrations/content-policy.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import renderOrder from './src/integrations/render-order.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { readingTimePlugin } from './src/text/reading-time-plugin.ts';
import { contentRootOf, readSiteConfig } from './src/model/site-config.ts';

// The site's address and base path from content/site.yaml; SITE_URL and SITE_BASE override them
// (src/model/site-base.ts normalises the base). An invalid file or value leaves the defaults
// here: the content guard then stops the build and names the field (src/editor/content-guard.ts).
const { config: siteConfig } = readSiteConfig(contentRootOf(process.env, import.meta.dirname));

export default defineConfig({
  site: siteConfig.url,
  // The sub-path the site is published under ("/congdoan/"); every URL goes through src/site/routes.ts.
  base: siteConfig.base,
  trailingSlash: 'always',
  // scripts/build.mjs indexes the site for search in its own process once Astro has exited
  // (CONGDOAN_SEARCH_INDEX=after-build: peak memory is then the larger, not the sum, of the two).
  integrations: [
    contentGuard(),
    contentPolicy(),
    mdx(),
    sitemap(),
    ...(process.env.CONGDOAN_SEARCH_INDEX === 'after-build' ? [] : [pagefind()]),
    cms(),
    securityHeaders(),
    renderOrder(),
  ],
  // Every stylesheet as a file: the Content-Security-Policy allows no inline <style> (style-src 'self').
  // concurrency 1 (Astro's default): pages render on one JavaScript thread whatever the value, so more
  // only overlaps their awaits (Astro 7.3.5 keeps the incremental cache at any value; docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 1 },
  // Incremental builds (docs/performance.md): a page whose cacheKey (src/site/cache-keys.ts) and
  // route code are unchanged is copied from the previous build's copy under cacheDir
  // (node_modules/.astro/dist/, manifest incremental-build.json). `npm run build -- --force` renders all;
  // INCREMENTAL_BUILD=0 turns it off (test builds that share this root and may run side by side:
  // two builds writing one cache at once can leave a copy under another build's key).
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD !== '0' },
  // Code blocks coloured by classes, not style attributes, which the CSP blocks (style-src 'self'):
  // Prism emits <span class="token …"> and src/styles/code.css colours them. Shiki, the default
  // (also under the Sätteri renderer, which passes shikiConfig through), writes every colour and
  // overflow-x as a style attribute, css-variables theme and defaultColor: false included.
  // readingTimePlugin: reading time and word count from the source while it is rendered (MDX too:
  // it extends this processor), so the news collection keeps no bodies (retainBody: false).
  markdown: { syntaxHighlight: 'prism', processor: satteri({ mdastPlugins: [readingTimePlugin] }) },
  // Responsive images everywhere, Markdown bodies included: srcset/sizes from a few widths
  // (few variants keep image processing cheap at news scale), width/height always set.
  image: { layout: 'constrained', breakpoints: [480, 800, 1200], responsiveStyles: true },
  // `npm run dev` (editors' preview) must not watch build and test output: thousands of files there
  // exhaust the system's file watchers and slow the dev server down to minutes.
  vite: { server: { watch: { ignored: ['**/.build-tmp/**', '**/dist/**', '**/dist.*/**'] } } },
});
