/**
 * Astro integration: add the content policy's hast plugin (src/publishing/content-policy-plugin.ts)
 * to Astro's Markdown processor, for .md and .mdx bodies, in builds and in `astro dev`. The
 * processor's options object is kept by reference for integrations to extend
 * (astro/dist/core/config/schemas/base.js), so pushing to its hastPlugins is enough.
 */
import type { AstroIntegration } from 'astro';
import { contentPolicyPlugin } from '#src/publishing/content-policy-plugin.ts';

interface ProcessorOptions {
  hastPlugins?: unknown[];
}

export default function contentPolicy(): AstroIntegration {
  return {
    name: 'congdoan:content-policy',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const options = (config.markdown as { processor?: { options?: ProcessorOptions } }).processor?.options;
        if (!options)
          throw new Error("congdoan:content-policy: Astro's Markdown processor has no options to add the plugin to.");
        options.hastPlugins ??= [];
        if (!options.hastPlugins.includes(contentPolicyPlugin)) options.hastPlugins.push(contentPolicyPlugin);
      },
    },
  };
}
