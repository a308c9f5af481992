// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://congdoan.example.vn',
  trailingSlash: 'always',
  integrations: [mdx(), pagefind()],
  build: { format: 'directory' },
});
