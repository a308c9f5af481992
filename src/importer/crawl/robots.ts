/**
 * robots.txt (RFC 9309): the group for our User-Agent (or "*"), Allow/Disallow with "*" and "$",
 * the longest rule wins and Allow wins a tie; Crawl-delay (not in the RFC, but old portals use it).
 * Pure: the text is fetched by the crawler.
 */

export interface RobotsRules {
  /** True when the path (with query) may be fetched. */
  allows(pathAndQuery: string): boolean;
  /** Seconds between requests asked for by the group, or null. */
  crawlDelay: number | null;
}

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelay: null };
export const DISALLOW_ALL: RobotsRules = { allows: () => false, crawlDelay: null };
export { ALLOW_ALL };

/** Percent-encoding normalised the same way on both sides (RFC 9309 §2.2.2). */
function normalise(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (m) => {
    const c = String.fromCharCode(parseInt(m.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : m.toUpperCase();
  });
}

function toRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/**
 * Parse robots.txt for the product token `agent` (e.g. "congdoan-news-importer"). Groups naming
 * the token (case-insensitive) win over "*"; several groups for the same agent are merged.
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  type Group = { agents: string[]; rules: Rule[]; delay: number | null };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (value === '') continue; // "Disallow:" with nothing allows everything
      const pattern = normalise(value);
      current.rules.push({ allow: key === 'allow', pattern, regex: toRegex(pattern) });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.delay = n;
    }
  }
  const named = groups.filter((g) => g.agents.some((a) => a !== '*' && token.includes(a)));
  const chosen = named.length ? named : groups.filter((g) => g.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== null);
  return {
    crawlDelay: delays.length ? Math.max(...delays) : null,
    allows(pathAndQuery: string) {
      if (pathAndQuery === '/robots.txt') return true;
      const path = normalise(pathAndQuery);
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.regex.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow))
          best = r;
      }
      return best ? best.allow : true;
    },
  };
}
