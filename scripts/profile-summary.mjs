#!/usr/bin/env node
// Summarise a V8 CPU profile (.cpuprofile, e.g. from `npm run bench -- --profile`):
// self time by package or folder, self time by function, and inclusive time by function for
// frames whose URL matches a pattern (default: the project's own code and Astro's build chunks).
//
// Usage: node scripts/profile-summary.mjs <file.cpuprofile> [top=30] [url-regex]
import { readFileSync } from 'node:fs';

const [file, topArg = '30', pattern = '/src/|/chunks/'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node scripts/profile-summary.mjs <file.cpuprofile> [top=30] [url-regex]');
  process.exit(2);
}
const top = Number(topArg);
const filter = new RegExp(pattern);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'nm:')
    .replace(/^.*\/(src|chunks)\//, '$1/');
const packageOf = (url) => {
  if (!url) return '(native)';
  const s = short(url);
  if (s.startsWith('nm:'))
    return s
      .split('/')
      .slice(0, s.startsWith('nm:@') ? 2 : 1)
      .join('/');
  return s.replace(/\/[^/]*$/, '');
};
const label = (cf) => `${cf.functionName || '(anonymous)'} ${short(cf.url)}:${cf.lineNumber + 1}`;

const selfByPackage = new Map();
const selfByFunction = new Map();
const inclusive = new Map();
let total = 0;
const add = (map, key, t) => map.set(key, (map.get(key) ?? 0) + t);
for (let i = 0; i < profile.samples.length; i++) {
  const t = profile.timeDeltas[i] ?? 0;
  total += t;
  const leaf = nodes.get(profile.samples[i]);
  add(selfByPackage, packageOf(leaf.callFrame.url), t);
  add(selfByFunction, label(leaf.callFrame), t);
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const cf = nodes.get(id).callFrame;
    if (!filter.test(cf.url)) continue;
    const key = label(cf);
    if (seen.has(key)) continue; // recursion counts once per sample
    seen.add(key);
    add(inclusive, key, t);
  }
}

const show = (title, map) => {
  console.log(`\n== ${title}`);
  for (const [key, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('self time by package or folder', selfByPackage);
show('self time by function', selfByFunction);
show(`inclusive time, frames matching ${filter}`, inclusive);
