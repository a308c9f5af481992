#!/usr/bin/env node
// The nginx configuration of the site, from the same header data as the build's _headers file:
//   npm run deploy:nginx -- --root /var/www/congdoan --base /congdoan/ --server-name example.gov.vn --out congdoan.conf
// The base path defaults to that of content/site.yaml (SITE_BASE overrides it, as for the build).
// Prints to stdout without --out; a mistake in the flags is explained on stderr (exit status 2).
// docs/deployment.md says where the file goes and how it is tested.
import { writeFileSync } from 'node:fs';
import { contentRootOf, readSiteConfig } from '#src/model/site-config.ts';
import { nginxCommand } from './lib/deploy-args.ts';

// The base path of the site's own configuration (content/site.yaml) unless --base or --site-url say otherwise.
const site = readSiteConfig(contentRootOf());
const defaults = site.problems.length ? {} : { base: site.config.base };
const { status, stdout, stderr, file } = nginxCommand(process.argv.slice(2), defaults);
if (file) writeFileSync(file.path, file.text);
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = status;
