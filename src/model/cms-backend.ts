/**
 * Which repository host the web editor (/admin, Sveltia CMS) saves to, from the environment:
 * CMS_BACKEND (github | gitlab | gitea | test-repo), CMS_REPO ("owner/name"), CMS_BRANCH,
 * CMS_AUTH_URL (OAuth proxy, e.g. Sveltia CMS Authenticator) and CMS_API_ROOT (the API of a
 * self-hosted GitLab, Gitea/Forgejo or GitHub Enterprise, e.g. https://git.congdoan.vn/api/v1).
 * Read by the CMS configuration (src/editor/cms-config.ts) and by the editor's
 * Content-Security-Policy (src/publishing/security-headers.ts), which must allow that host and
 * nothing else. Without CMS_REPO the GitHub backend still lets an editor work on a local
 * repository (the browser's file system access: no host at all).
 */
export interface CmsBackend {
  name: 'github' | 'gitlab' | 'gitea' | 'test-repo';
  repo?: string;
  branch?: string;
  base_url?: string;
  api_root?: string;
}

const NAMES: readonly CmsBackend['name'][] = ['github', 'gitlab', 'gitea', 'test-repo'];

export function backendFromEnv(env: Record<string, string | undefined> = process.env): CmsBackend {
  const name = (env.CMS_BACKEND ?? 'github') as CmsBackend['name'];
  if (!NAMES.includes(name))
    throw new Error(
      `CMS_BACKEND="${name}" không được hỗ trợ; hãy chọn một trong: ${NAMES.join(', ')}. (unknown CMS backend)`,
    );
  const backend: CmsBackend = { name };
  if (name !== 'test-repo') backend.repo = env.CMS_REPO ?? 'cong-doan/congdoan-news';
  if (env.CMS_BRANCH) backend.branch = env.CMS_BRANCH;
  else if (name !== 'test-repo') backend.branch = 'main';
  if (env.CMS_AUTH_URL) backend.base_url = env.CMS_AUTH_URL;
  if (env.CMS_API_ROOT && name !== 'test-repo') backend.api_root = env.CMS_API_ROOT;
  return backend;
}
