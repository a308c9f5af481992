/**
 * The build's clock: what "now" is for schedules, future-dated awards and new files. SITE_NOW
 * (ISO 8601) pins it for reproducible builds and tests; the site (src/site/content.ts), the
 * content guard and `npm run new` all read it here, so they agree on the moment.
 */
export function buildNow(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const pinned = env.SITE_NOW;
  if (!pinned) return new Date();
  const d = new Date(pinned);
  if (Number.isNaN(d.getTime())) throw new Error(`SITE_NOW="${pinned}" is not a valid ISO 8601 date-time.`);
  return d;
}
