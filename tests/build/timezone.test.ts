/**
 * Dates never depend on the build machine's time zone: the site built with TZ=UTC and with
 * TZ=America/Los_Angeles (UTC−8/−7, the other side of the date line from Vietnam) is the same,
 * byte for byte, on every HTML page.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#src/site/routes.ts';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const ZONES = ['UTC', 'America/Los_Angeles'] as const;
const distOf = (zone: string) => resolve(projectRoot, `.build-tmp/tz-${zone.replace(/\W+/g, '-')}-dist`);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return htmlFiles(p);
    return d.name.endsWith('.html') ? [relative(dir, p)] : [];
  });
}

describe('time zone of the build machine', () => {
  beforeAll(() => {
    for (const zone of ZONES) {
      const { status, output } = buildSite(distOf(zone), { TZ: zone });
      if (status !== 0) throw new Error(`Build with TZ=${zone} failed:\n${output.slice(-6000)}`);
    }
  }, 900_000);

  afterAll(() => {
    for (const zone of ZONES) rmSync(distOf(zone), { recursive: true, force: true });
  });

  it('really differs between the two builds (the child process honours TZ)', () => {
    const offsets = ZONES.map((zone) =>
      spawnSync(process.execPath, ['-e', 'console.log(new Date("2023-02-02T16:18:00+07:00").getTimezoneOffset())'], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      }).stdout.trim(),
    );
    expect(offsets).toEqual(['0', '480']);
  });

  it('produces the same set of HTML pages', () => {
    const [a, b] = ZONES.map((zone) => htmlFiles(distOf(zone)).sort());
    expect(a!.length).toBeGreaterThan(30);
    expect(b).toEqual(a);
  });

  it('produces byte-identical HTML on every page', () => {
    const [a, b] = ZONES.map(distOf);
    const differing = htmlFiles(a!).filter(
      (file) => !readFileSync(join(a!, file)).equals(readFileSync(join(b!, file))),
    );
    expect(differing).toEqual([]);
  });

  it('shows Vietnam time on an article whatever the zone (16:18 on 02/02/2023, +07:00)', () => {
    const route = routes.article('cong-doan-vksnd-tinh-quang-ngai-duoc-vinh-danh-la-don-vi-xuat-sac-tieu-bieu');
    for (const zone of ZONES) {
      const html = readFileSync(join(distOf(zone), route, 'index.html'), 'utf8');
      expect(html, zone).toContain('<time datetime="2023-02-02T16:18:00+07:00">Thứ năm, 02/02/2023 16:18</time>');
    }
  });
});
