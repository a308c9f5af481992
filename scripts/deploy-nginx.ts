#!/usr/bin/env node
// The nginx configuration of the site, from the same header data as the build's _headers file:
//   npm run deploy:nginx -- --root /var/www/congdoan --base /congdoan/ --server-name example.gov.vn --out congdoan.conf
// Prints to stdout without --out; a mistake in the flags is explained on stderr (exit status 2).
// docs/deployment.md says where the file goes and how it is tested.
import { writeFileSync } from 'node:fs';
import { nginxCommand } from './lib/deploy-args.ts';

const { status, stdout, stderr, file } = nginxCommand(process.argv.slice(2));
if (file) writeFileSync(file.path, file.text);
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = status;
