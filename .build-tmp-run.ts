import { buildSite } from './scripts/lib/build-site.ts';
import { testDist } from './scripts/lib/paths.ts';
const { status, output } = buildSite(testDist);
console.log(status, output.slice(-5000));
