/**
 * The build's page order (src/integrations/render-order.ts): pages whose output is made off the
 * build's thread come last, everything else keeps Astro's order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_ROUTES, backgroundLast } from '#src/integrations/render-order.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const path = (pathname: string, route: string) => ({ pathname, route: { route } });
const names = (paths: { pathname: string }[]) => paths.map((p) => p.pathname);

describe('backgroundLast', () => {
  it.each([
    ['no background route', [path('a', '/'), path('b', '/tin-tuc/[id]')], ['a', 'b']],
    [
      'share images first in Astro’s order',
      [path('s1', '/anh-chia-se/[id].png'), path('s2', '/anh-chia-se/[id].png'), path('a', '/tin-tuc/[id]')],
      ['a', 's1', 's2'],
    ],
    [
      'both kinds among others, each kept in its order',
      [
        path('d1', '/don-vi/[id]/bang-thanh-tich.docx'),
        path('u1', '/don-vi/[id]'),
        path('s1', '/anh-chia-se/[id].png'),
        path('d2', '/don-vi/[id]/bang-thanh-tich.docx'),
        path('u2', '/don-vi/[id]'),
      ],
      ['u1', 'u2', 'd1', 's1', 'd2'],
    ],
    ['only background routes', [path('s1', '/anh-chia-se/[id].png')], ['s1']],
    ['nothing', [], []],
  ])('%s', (_name, paths, order) => {
    const before = [...paths];
    expect(names(backgroundLast(paths))).toEqual(order);
    expect(paths).toEqual(before);
  });

  it.each(BACKGROUND_ROUTES)('%s is a route of src/pages', (route) => {
    expect(existsSync(join(projectRoot, 'src/pages', `${route}.ts`))).toBe(true);
  });
});
