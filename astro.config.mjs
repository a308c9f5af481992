// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://congdoan.example.vn',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
});
