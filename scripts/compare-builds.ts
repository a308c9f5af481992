#!/usr/bin/env node
// Compares two built sites file by file, apart from hashed asset names and Pagefind's
// order-dependent files (scripts/lib/compare-builds.ts).
// Usage: node scripts/compare-builds.ts DIST_A DIST_B   (exit 0 when equal, 1 with the differences)
import { compareSites } from './lib/compare-builds.ts';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('Usage: node scripts/compare-builds.ts DIST_A DIST_B');
  process.exit(2);
}
const { differences, files } = compareSites(a, b);
if (differences.length) {
  console.log(differences.join('\n'));
  console.log(`${differences.length} difference(s) over ${files[0]} / ${files[1]} files.`);
  process.exit(1);
}
console.log(`Identical: ${files[0]} files (hashed asset names aside).`);
