/**
 * Which repository host the web editor (/admin, Sveltia CMS) saves to. The site configuration
 * says it (content/site.yaml, "editor": backend, repo, branch, authUrl, apiRoot; loaded by
 * site-config.ts, where CMS_REPO and CMS_BRANCH override the repository and branch for CI).
 * Read by the CMS configuration (src/editor/cms-config.ts) and by the editor's
 * Content-Security-Policy (src/publishing/security-headers.ts), which must allow that host and
 * nothing else. The "local" backend is Sveltia's GitHub backend with a placeholder repository:
 * on a local address it offers "Làm việc với kho mã nguồn cục bộ" (the browser's file system
 * access: no host at all), never reaching the repository named.
 */
import { contentRootOf, readSiteConfig, type SiteConfig } from './site-config.ts';

export interface CmsBackend {
  name: 'github' | 'gitlab' | 'gitea' | 'test-repo';
  repo?: string;
  branch?: string;
  base_url?: string;
  api_root?: string;
}

/** Placeholder repository of the "local" backend (Sveltia needs one; the local workflow never uses it). */
export const LOCAL_REPOSITORY = 'kho-cuc-bo/noi-dung';

const NAMES: readonly CmsBackend['name'][] = ['github', 'gitlab', 'gitea', 'test-repo'];

/** The backend of the site configuration's "editor". */
export function backendFromSite(editor: SiteConfig['editor']): CmsBackend {
  return {
    name: editor.backend === 'local' ? 'github' : editor.backend,
    repo: editor.repo ?? LOCAL_REPOSITORY,
    branch: editor.branch,
    ...(editor.authUrl ? { base_url: editor.authUrl } : {}),
    ...(editor.apiRoot ? { api_root: editor.apiRoot } : {}),
  };
}

/** The backend this build configures: that of the site configuration (and the CI overrides). */
export function configuredBackend(env: Readonly<Record<string, string | undefined>> = process.env): CmsBackend {
  return backendFromSite(readSiteConfig(contentRootOf(env), env).config.editor);
}

/**
 * A backend described by variables (CMS_BACKEND, CMS_REPO, CMS_BRANCH, CMS_AUTH_URL,
 * CMS_API_ROOT), for tests of the policy and the configuration with any host, Sveltia's
 * in-browser "test-repo" included. The build reads configuredBackend().
 */
export function backendFromEnv(env: Record<string, string | undefined> = process.env): CmsBackend {
  const name = (env.CMS_BACKEND ?? 'github') as CmsBackend['name'];
  if (!NAMES.includes(name))
    throw new Error(
      `CMS_BACKEND="${name}" không được hỗ trợ; hãy chọn một trong: ${NAMES.join(', ')}. (unknown CMS backend)`,
    );
  const backend: CmsBackend = { name };
  if (name !== 'test-repo') backend.repo = env.CMS_REPO ?? LOCAL_REPOSITORY;
  if (env.CMS_BRANCH) backend.branch = env.CMS_BRANCH;
  else if (name !== 'test-repo') backend.branch = 'main';
  if (env.CMS_AUTH_URL) backend.base_url = env.CMS_AUTH_URL;
  if (env.CMS_API_ROOT && name !== 'test-repo') backend.api_root = env.CMS_API_ROOT;
  return backend;
}
