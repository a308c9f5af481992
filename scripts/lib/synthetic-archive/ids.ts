/** Entry ids: unique across the archive and never clashing with a base tree copied in first. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const COLLECTIONS = ['news', 'units', 'awards'] as const;

/** The ids of the entries already in a content root (file names without extension). */
export function idsInTree(root: string): Set<string> {
  const taken = new Set<string>();
  for (const collection of COLLECTIONS) {
    if (!existsSync(join(root, collection))) continue;
    for (const file of readdirSync(join(root, collection))) taken.add(file.replace(/\.(mdx?|ya?ml)$/, ''));
  }
  return taken;
}

/** `base`, or `base-2`, `base-3`… whichever is free; the id is then taken. */
export function claimId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
