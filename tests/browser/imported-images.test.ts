/**
 * The built site shows the pictures the importer brought (issue 16): the test site holds the
 * article made of a saved page with its _files folder (tests/fixtures/test-site/news/, pinned by
 * tests/unit/importer/saved-page.test.ts). In Chromium every picture of it loads (naturalWidth
 * > 0), carries the alt text the importer chose, and captions are <figcaption> of the picture's
 * <figure>: the hero's and the body's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALT_PLACEHOLDER } from '#src/model/image-alt.ts';
import { routes } from '#src/site/routes.ts';
import { launchChromium, serveStatic, type StaticServer } from '../../scripts/lib/browser.ts';
import { testContentOverlay, testDist } from '../../scripts/lib/paths.ts';

const ARTICLE = 'hoi-nghi-tong-ket-cong-tac-cong-doan-nam-2023';
const source = readFileSync(join(testContentOverlay, 'news', `${ARTICLE}.md`), 'utf8');
const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
const hero = (parseYaml(yaml) as { hero: { alt: string; caption: string } }).hero;
/** Alt texts of the body's images and the captions of its figures, in order, as the Markdown has them. */
const bodyAlts = [...body.matchAll(/!\[([^\]]*)\]\(/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
const bodyCaptions = [...body.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) =>
  m[1]!.replace(/&#(\d+);/g, (_x, n: string) => String.fromCharCode(Number(n))),
);

interface Shown {
  alt: string | null;
  naturalWidth: number;
  inFigure: boolean;
  caption: string | null;
  hero: boolean;
}

let browser: Browser;
let site: StaticServer;
let page: Page;
let shown: Shown[];

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic(testDist);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(site.url(routes.article(ARTICLE)), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  // Body pictures load lazily: bring each into view and wait until it is decoded.
  shown = await page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('main article img')];
    for (const img of images) {
      img.scrollIntoView();
      await img.decode().catch(() => undefined);
    }
    return images.map((img) => {
      const figure = img.closest('figure');
      return {
        alt: img.getAttribute('alt'),
        naturalWidth: img.naturalWidth,
        inFigure: figure !== null,
        caption: figure?.querySelector(':scope > figcaption')?.textContent?.trim() ?? null,
        hero: figure?.classList.contains('hero') ?? false,
      };
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('an imported article in the built site', () => {
  it('the fixture has what this test looks for: a hero with a caption, body figures, the alt marker', () => {
    expect(hero.caption).toBeTruthy();
    expect(bodyAlts.length).toBeGreaterThanOrEqual(4);
    expect(bodyCaptions.length).toBeGreaterThanOrEqual(2);
    expect(bodyAlts).toContain(ALT_PLACEHOLDER);
  });

  it('every picture loads', () => {
    expect(shown).toHaveLength(1 + bodyAlts.length);
    for (const [i, s] of shown.entries()) expect(s.naturalWidth, `picture ${i + 1} (${s.alt})`).toBeGreaterThan(0);
  });

  it('every picture has the alt text the importer chose, none empty', () => {
    expect(shown.map((s) => s.alt)).toEqual([hero.alt, ...bodyAlts]);
    for (const s of shown) expect(s.alt?.trim()).toBeTruthy();
  });

  it('captions are the <figcaption> of the picture’s <figure>, the hero’s and the body’s', () => {
    expect(shown[0]).toMatchObject({ hero: true, inFigure: true, caption: hero.caption });
    expect(shown.slice(1).flatMap((s) => (s.caption === null ? [] : [s.caption]))).toEqual(bodyCaptions);
    // A picture without a caption is no empty figure.
    expect(shown.filter((s) => s.inFigure && s.caption === null)).toEqual([]);
  });
});
