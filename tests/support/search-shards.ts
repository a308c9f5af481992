/**
 * For browser tests: the body of an async function, evaluated in the page, that loads every shard
 * of a sharded Pagefind bundle (src/search/shards.ts) into one instance, `pagefind`, as if it were
 * one index. `bundle` is the bundle's URL path, e.g. "/pagefind/".
 */
export function mergeAllShardsScript(bundle: string): string {
  return `
    const manifest = await (await fetch(${JSON.stringify(bundle)} + 'shards.json')).json();
    const [first, ...rest] = manifest.shards.map((s) => ${JSON.stringify(bundle)} + s.id + '/');
    const pagefind = await import(first + 'pagefind.js');
    await pagefind.options({ basePath: first, baseUrl: '/' });
    await pagefind.init();
    for (const path of rest) await pagefind.mergeIndex(path, { baseUrl: '/' });
  `;
}
