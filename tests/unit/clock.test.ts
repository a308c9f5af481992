/** The build's one clock (src/model/clock.ts): SITE_NOW pins it; a bad value stops with its reason. */
import { describe, expect, it } from 'vitest';
import { buildNow } from '#src/model/clock.ts';

describe('buildNow', () => {
  it.each([
    ['2026-06-01T00:00:00+07:00', '2026-05-31T17:00:00.000Z'],
    ['2023-02-02T16:18:00Z', '2023-02-02T16:18:00.000Z'],
  ])('SITE_NOW=%s is %s', (pinned, instant) => {
    expect(buildNow({ SITE_NOW: pinned }).toISOString()).toBe(instant);
  });

  it.each([{}, { SITE_NOW: '' }])('is the real time without SITE_NOW (%o)', (env) => {
    const before = Date.now();
    const now = buildNow(env).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it.each(['ngày mai', '2026-13-01'])('refuses SITE_NOW=%s, naming it', (pinned) => {
    expect(() => buildNow({ SITE_NOW: pinned })).toThrow(
      new Error(`SITE_NOW="${pinned}" is not a valid ISO 8601 date-time.`),
    );
  });
});
