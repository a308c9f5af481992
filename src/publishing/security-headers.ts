/**
 * The site's security policy as data: one Content-Security-Policy and the usual security headers.
 * Used everywhere, so they can never disagree: src/integrations/security-headers.ts writes them to
 * the `_headers` file of the build (static hosts such as Cloudflare Pages and Netlify read it) and,
 * through the recipes of src/publishing/deploy/, to Apache's `.htaccess`, IIS's `web.config` and
 * the nginx configuration (`npm run deploy:nginx`); BaseLayout puts the policy in a
 * <meta http-equiv> for hosts that send no headers of their own (GitHub Pages).
 *
 * What the site needs, and nothing more:
 * - scripts only from the site; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly,
 *   worker-src blob: lets it start its search worker;
 * - styles only from the site: astro.config.mjs sets build.inlineStylesheets: 'never', so Astro
 *   writes every stylesheet to /_astro/ instead of a <style> element;
 * - images from the site and data: URLs (small placeholders);
 * - JSON-LD <script type="application/ld+json"> is data, not script: CSP does not apply to it.
 */
import { configuredBackend, type CmsBackend } from '#src/model/cms-backend.ts';
import { joinBase } from '#src/site/routes.ts';

export type Policy = Readonly<Record<string, readonly string[]>>;

export const CONTENT_SECURITY_POLICY: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a browser ignores in a <meta> policy (CSP Level 3, §"Enforcing via meta"). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

export function serializePolicy(policy: Policy, { meta = false } = {}): string {
  return Object.entries(policy)
    .filter(([directive]) => !(meta && HEADER_ONLY_DIRECTIVES.has(directive)))
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** The policy as an HTTP header. */
export const CSP_HEADER = serializePolicy(CONTENT_SECURITY_POLICY);
/** The policy for <meta http-equiv="Content-Security-Policy"> (frame-ancestors left out: header only). */
export const CSP_META = serializePolicy(CONTENT_SECURITY_POLICY, { meta: true });

/** The hosts the editor talks to and shows images from, per backend (Sveltia CMS's defaults). */
const BACKEND_HOSTS: Record<CmsBackend['name'], { api: string[]; images: string[] }> = {
  // The API, and the status page Sveltia checks before saving.
  github: {
    api: ['https://api.github.com', 'https://www.githubstatus.com'],
    images: ['https://avatars.githubusercontent.com', 'https://raw.githubusercontent.com'],
  },
  gitlab: {
    api: ['https://gitlab.com', 'https://status-api.hostedstatus.com'],
    images: ['https://gitlab.com', 'https://secure.gravatar.com'],
  },
  gitea: { api: ['https://gitea.com'], images: ['https://gitea.com'] },
  // Local repository (test-repo, or a folder opened through the browser): no host at all.
  'test-repo': { api: [], images: [] },
};

const originOf = (url: string | undefined): string[] => {
  if (!url) return [];
  try {
    const { origin } = new URL(url);
    return origin.startsWith('https://') || origin.startsWith('http://') ? [origin] : [];
  } catch {
    return [];
  }
};

/**
 * Content-Security-Policy for /admin only, for the configured backend (src/model/cms-backend.ts).
 * The site's pages need far less; the editor needs: inline styles (Svelte sets them), blob:/data:
 * images (upload previews), and its backend's API, status page and avatars: GitHub's, GitLab's
 * or Gitea's, a self-hosted one's (editor.apiRoot) instead, or none for a local repository. The
 * OAuth proxy (editor.authUrl) is allowed to be fetched too. Everything else, scripts and fonts
 * included, comes from the site itself (src/integrations/cms.ts).
 */
export function adminPolicy(backend: CmsBackend): Policy {
  const hosts = BACKEND_HOSTS[backend.name];
  const selfHosted = originOf(backend.api_root);
  const api = selfHosted.length ? selfHosted : hosts.api;
  const images = selfHosted.length ? selfHosted : hosts.images;
  const unique = (list: string[]) => [...new Set(list)];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': unique(["'self'", 'data:', 'blob:', ...images]),
    'font-src': ["'self'"],
    // data:/blob: — the editor fetches its own inline logo and upload previews.
    'connect-src': unique(["'self'", 'data:', 'blob:', ...api, ...originOf(backend.base_url)]),
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** The admin policy for the backend of this build (content/site.yaml, "editor"), as a header. */
export const ADMIN_CSP = serializePolicy(adminPolicy(configuredBackend()));
/**
 * The same in the admin page's own <meta http-equiv> (frame-ancestors left out: header only), so
 * a host that ignores _headers still serves the editor, which holds a repository token, under it.
 */
export const ADMIN_CSP_META = serializePolicy(adminPolicy(configuredBackend()), { meta: true });

/** Headers for every response of the site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  // The same as frame-ancestors 'none', for browsers that predate it.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  // Two years, subdomains included: the site is only ever served over HTTPS.
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Cache-Control of files named after their content: they never change under the same name. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

export interface HeaderRule {
  /** URL pattern: an exact path or a prefix ending in "*". */
  pattern: string;
  /** Headers to remove that an earlier, broader rule attached ("! Name" in `_headers`). */
  detach?: readonly string[];
  headers: Readonly<Record<string, string>>;
}

/**
 * The rules of the `_headers` file. A request matching several rules gets all their headers
 * (Cloudflare Pages and Netlify both combine them), so the web editor, which needs inline styles
 * and the GitHub API (ADMIN_CSP above), first detaches the site's policy.
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  { pattern: '/*', headers: SECURITY_HEADERS },
  { pattern: '/admin/*', detach: ['Content-Security-Policy'], headers: { 'Content-Security-Policy': ADMIN_CSP } },
  // Fingerprinted assets never change under the same name.
  { pattern: '/_astro/*', headers: { 'Cache-Control': IMMUTABLE_CACHE } },
];

/**
 * The `_headers` file (Cloudflare Pages / Netlify syntax). Its patterns are URL paths, so under a
 * base path they carry it ("/congdoan/admin/*"): the file then goes to the root of the published
 * folder, with the site in its `congdoan/` folder (docs/deployment.md).
 */
export function headersFile(rules: readonly HeaderRule[] = HEADER_RULES, base = '/'): string {
  const blocks = rules.map((rule) => {
    const lines = [joinBase(base, rule.pattern)];
    for (const name of rule.detach ?? []) lines.push(`  ! ${name}`);
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  ${name}: ${value}`);
    return lines.join('\n');
  });
  return `# Generated by src/integrations/security-headers.ts from src/publishing/security-headers.ts; do not edit.\n${blocks.join('\n\n')}\n`;
}
