/**
 * One page of every kind the site builds, as site paths (from src/site/routes.ts and the ids found
 * in the built folder), for gates that load pages in a browser (axe-core, CSP).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '#src/site/routes.ts';

export interface PageKind {
  kind: string;
  path: string;
  /** A page whose content appears after a script runs (search): wait for this selector. */
  ready?: string;
}

function firstPageIn(dist: string, dir: string, skip: string[] = []): string {
  const full = join(dist, dir);
  const id = readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skip.includes(d.name) && existsSync(join(full, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  if (!id) throw new Error(`No page under ${dir}/ in ${dist}`);
  return id;
}

/** The first page under dir/ whose HTML contains `needle` (a unit with an award chart, a revoked row). */
function firstPageWith(dist: string, dir: string, needle: string, page = 'index.html'): string {
  const full = join(dist, dir);
  const id = readdirSync(full, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .find((name) => {
      const file = join(full, name, page);
      return existsSync(file) && readFileSync(file, 'utf8').includes(needle);
    });
  if (!id) throw new Error(`No page under ${dir}/ in ${dist} contains ${needle}`);
  return id;
}

export function pageKinds(dist: string): PageKind[] {
  const article = firstPageIn(dist, 'tin-tuc', ['trang']);
  const unit = firstPageIn(dist, 'don-vi');
  const award = firstPageIn(dist, 'khen-thuong', ['nam', 'hinh-thuc', 'trang', 'tra-cuu', 'thong-ke']);
  const year = Number(firstPageIn(dist, 'khen-thuong/nam'));
  const form = firstPageIn(dist, 'khen-thuong/hinh-thuc') as Parameters<typeof routes.awardForm>[0];
  const archiveYear = Number(firstPageIn(dist, 'luu-tru'));
  return [
    { kind: 'home', path: routes.home() },
    { kind: 'news list', path: routes.newsList() },
    { kind: 'article', path: routes.article(article) },
    { kind: 'unit directory', path: routes.unitDirectory() },
    { kind: 'unit', path: routes.unit(unit) },
    { kind: 'award index', path: routes.awardIndex() },
    { kind: 'award year', path: routes.awardYear(year) },
    { kind: 'award form', path: routes.awardForm(form) },
    { kind: 'award', path: routes.award(award) },
    { kind: 'award explorer', path: routes.awardExplorer(), ready: '[data-award-explorer][data-state="ready"]' },
    { kind: 'award statistics', path: routes.awardStatistics() },
    { kind: 'unit with an award chart', path: routes.unit(firstPageWith(dist, 'don-vi', 'data-chart=')) },
    {
      kind: 'unit dossier table',
      path: routes.unitDossier(firstPageWith(dist, 'don-vi', 'dossier-row--revoked', 'bang-thanh-tich/index.html')),
    },
    { kind: 'open data', path: routes.openData() },
    { kind: 'search', path: routes.search({ q: 'công đoàn' }), ready: '[data-search-app][data-state="ready"]' },
    { kind: 'tag index', path: routes.tagIndex() },
    { kind: 'tag', path: routes.tag(firstPageIn(dist, 'chu-de')) },
    { kind: 'category', path: routes.category(firstPageIn(dist, 'chuyen-muc')) },
    { kind: 'author', path: routes.author(firstPageIn(dist, 'tac-gia')) },
    { kind: 'archive year', path: routes.archiveYear(archiveYear) },
    { kind: '404', path: '/trang-nay-khong-ton-tai/' },
  ];
}
