/**
 * The benchmark's reading of a build log (scripts/bench.ts phasesFromLog): phases cut at Astro's
 * log lines, the search index in the build or as its own step, rendering time per route, and
 * peak memory per phase.
 */
import { describe, expect, it } from 'vitest';
import { phasesFromLog } from '../../scripts/bench.ts';

/** Log lines with arrival times in seconds. */
const log = (entries: [number, string][]) => entries.map(([s, text]) => ({ t: s * 1000, text }));

const astroBuild: [number, string][] = [
  [4, '14:59:31 [congdoan:content-guard] content checked in 2500 ms'],
  [5, '14:59:36 [content] Syncing content'],
  [15, '15:00:51 [content] Synced content'],
  [25, ' generating static routes '],
  [26, '15:02:06   ├─ /anh-chia-se/a.png (+20ms) '],
  [26, '15:02:06   ├─ /anh-chia-se/b.png (+1.5s) '],
  [30, '15:02:07   ├─ /tin-tuc/x/index.html (+3ms) '],
  [31, '15:02:07   └─ /index.html (+8ms) '],
  [40, '15:07:02 ✓ Completed in 15s.'],
  [40, ' generating optimized images '],
  [42, '15:07:09 ✓ Completed in 2s.'],
];

describe('phasesFromLog', () => {
  it.each([
    [
      'index inside astro:build:done',
      [
        ...astroBuild,
        [50, '15:10:10 [congdoan:pagefind] Search index: 13399 pages (13399 with d-folded words) in 7.0 s → pagefind/'],
        [51, '15:10:11 [build] 19865 page(s) built in 10m 59s'],
      ] as [number, string][],
      52,
      {
        startup: 2.5,
        contentGuard: 2.5,
        contentSync: 10,
        bundling: 10,
        rendering: 15,
        images: 2,
        searchIndex: 7,
        otherHooks: 2,
        finish: 1,
        other: 0,
      },
    ],
    [
      'index as its own step after Astro',
      [
        ...astroBuild,
        [45, '15:10:11 [build] 19865 page(s) built in 10m 59s'],
        [46, '15:10:12 [congdoan:pagefind] indexing /x/dist.staging-1 in its own process'],
        [54, '15:10:20 [congdoan:pagefind] Search index: 13399 pages (13399 with d-folded words) in 8.0 s → pagefind/'],
      ] as [number, string][],
      55,
      {
        startup: 2.5,
        contentGuard: 2.5,
        contentSync: 10,
        bundling: 10,
        rendering: 15,
        images: 2,
        searchIndex: 8,
        otherHooks: 3,
        finish: 2,
        other: 0,
      },
    ],
  ])('%s', (_name, lines, total, phases) => {
    const parsed = phasesFromLog(log(lines), total);
    expect(parsed.phases).toEqual(phases);
    expect(parsed.searchPages).toBe(13399);
    expect(parsed.pages).toBe(19865);
    expect(parsed.renderingByRoute).toEqual({ 'anh-chia-se': 1520, 'tin-tuc': 3, index: 8 });
  });

  it('counts the outputs an incremental build copied from its cache, not as rendering', () => {
    const lines = log([
      [25, ' generating static routes '],
      [26, '15:02:06   ├─ /tin-tuc/a/index.html (restored)'],
      [26, '15:02:06   ├─ /tin-tuc/b/index.html (cached)'],
      [27, '15:02:07   ├─ /tin-tuc/c/index.html (+3ms) '],
      [28, '15:07:02 ✓ Completed in 3s.'],
    ]);
    const parsed = phasesFromLog(lines, 30);
    expect(parsed.reusedPages).toBe(2);
    expect(parsed.renderingByRoute).toEqual({ 'tin-tuc': 3 });
  });

  it('takes the peak memory within each phase', () => {
    const lines = [...astroBuild, [45, '15:10:11 [build] 3 page(s) built in 1s'] as [number, string]];
    const samples = [
      { t: 1000, mb: 300 },
      { t: 10_000, mb: 900 },
      { t: 30_000, mb: 1500 },
      { t: 35_000, mb: 1200 },
      { t: 44_000, mb: 700 },
    ];
    expect(phasesFromLog(log(lines), 46, samples).peakRssMBByPhase).toEqual({
      startup: 300,
      contentSync: 900,
      rendering: 1500,
      buildDone: 700,
    });
  });
});
