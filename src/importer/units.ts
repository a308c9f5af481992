/**
 * Matching mentions in an article to unit profiles (content/units/*.md) by name, short
 * name and aliases, tone-insensitively.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { foldForMatch } from '#src/text/vietnamese.ts';

export interface UnitProfile {
  id: string;
  name: string;
  shortName?: string;
  aliases: string[];
  level?: string;
}

/** Read unit profiles from a folder; a missing folder means no units. */
export function loadUnits(dir: string): UnitProfile[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.mdx?$/.test(f))
      .sort();
  } catch {
    return [];
  }
  const units: UnitProfile[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!fm) continue;
    try {
      const data = parseYaml(fm[1]!) as Record<string, unknown>;
      if (typeof data?.name !== 'string') continue;
      units.push({
        id: file.replace(/\.mdx?$/, ''),
        name: data.name,
        ...(typeof data.shortName === 'string' ? { shortName: data.shortName } : {}),
        aliases: Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [],
        ...(typeof data.level === 'string' ? { level: data.level } : {}),
      });
    } catch {
      // A profile another tool is writing right now may be half-written: skip it.
    }
  }
  return units;
}

interface Pattern {
  folded: string;
  unit: string;
}

export class UnitMatcher {
  private readonly patterns: Pattern[];
  readonly units: UnitProfile[];
  constructor(units: UnitProfile[]) {
    this.units = units;
    const seen = new Set<string>();
    this.patterns = units
      .flatMap((u) =>
        [u.name, u.shortName, ...u.aliases]
          .filter((n): n is string => !!n)
          .map((n) => ({ folded: foldForMatch(n), unit: u.id })),
      )
      .filter((p) => p.folded.length >= 4 && !seen.has(p.folded + p.unit) && seen.add(p.folded + p.unit))
      .sort((a, b) => b.folded.length - a.folded.length);
  }

  /** Unit ids mentioned in a text, in order of first mention; longer names win over names inside them. */
  match(text: string): string[] {
    const folded = foldForMatch(text);
    const taken = new Uint8Array(folded.length);
    const found: { unit: string; at: number }[] = [];
    for (const p of this.patterns) {
      let from = 0;
      for (;;) {
        const at = folded.indexOf(p.folded, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + p.folded.length;
        const before = at === 0 ? ' ' : folded[at - 1]!;
        const after = end >= folded.length ? ' ' : folded[end]!;
        if (/[a-z0-9]/.test(before) || /[a-z0-9]/.test(after)) continue;
        if (taken.subarray(at, end).some((x) => x === 1)) continue;
        taken.fill(1, at, end);
        found.push({ unit: p.unit, at });
      }
    }
    const ids: string[] = [];
    for (const f of found.sort((a, b) => a.at - b.at)) if (!ids.includes(f.unit)) ids.push(f.unit);
    return ids;
  }

  /** The one unit a short phrase (a recipient, a conferrer) names, or null. */
  resolve(phrase: string): string | null {
    const ids = this.match(phrase);
    return ids.length === 1 ? ids[0]! : null;
  }

  level(id: string): string | undefined {
    return this.units.find((u) => u.id === id)?.level;
  }
}
