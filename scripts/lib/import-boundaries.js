// The direction of imports between the folders of src/, as ESLint rules (eslint.config.js).
// Each folder has one job and may import only the folders below it; docs/architecture.md draws
// the picture. Across folders an import goes through the `#src/…` alias (package.json "imports"),
// so a relative `../` that climbs out of a folder is refused too, and every import names its file
// with its extension, as Node needs to run the scripts without a loader.

/** Folder of src/ → the folders of src/ it may import from (besides itself). */
export const LAYERS = {
  text: [],
  model: ['text'],
  site: ['text', 'model'],
  publishing: ['text', 'model', 'site'],
  search: ['text', 'model', 'site'],
  editor: ['text', 'model'],
  importer: ['text', 'model'],
  components: ['text', 'model', 'site', 'publishing', 'search', 'layouts'],
  layouts: ['text', 'model', 'site', 'publishing', 'search', 'components'],
  pages: ['text', 'model', 'site', 'publishing', 'search', 'components', 'layouts'],
  integrations: ['text', 'model', 'site', 'publishing', 'search', 'editor'],
};

/** A relative or `#src/` import without a file extension. */
const NO_EXTENSION = {
  regex: String.raw`^(\.{1,2}/|#src/)(?!.*\.(ts|js|mjs|astro|json|css|svg|png|jpe?g|webp|avif|gif)$)`,
  message: 'Ghi rõ đuôi tệp (.ts, .astro …): Node chạy scripts không qua bộ nạp. (import without a file extension)',
};

const SOURCE_FILES = '*.{ts,js,mjs,astro}';
const MAX_DEPTH = 5;

/** ESLint flat-config objects: one per folder of src/ and nesting depth, then scripts/ and tests/. */
export function importBoundaries() {
  const configs = [];
  // Files outside the layered folders (content.config.ts, scripts/, tests/, config files).
  configs.push({
    files: ['**/*.{ts,js,mjs,astro}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_EXTENSION] }] },
  });
  for (const [folder, allowed] of Object.entries(LAYERS)) {
    const others = Object.keys(LAYERS).filter((f) => f !== folder && !allowed.includes(f));
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const glob = `src/${folder}/${'*/'.repeat(depth)}${SOURCE_FILES}`;
      const climbOut = '../'.repeat(depth + 1);
      configs.push({
        files: [glob],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                NO_EXTENSION,
                {
                  regex: `^#src/(${[...others, 'content\\.config'].join('|')})[/.]`,
                  message: `src/${folder}/ chỉ được dùng ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'thư viện ngoài'} (docs/architecture.md). (import against the layer direction)`,
                },
                {
                  regex: `^${climbOut.replaceAll('.', '\\.')}`,
                  message: `Nhập từ thư mục khác của src/ qua "#src/…", không dùng "${climbOut}". (relative import out of src/${folder}/)`,
                },
              ],
            },
          ],
        },
      });
    }
  }
  // Scripts are tools around the site: they never import tests (tests may import scripts/lib).
  configs.push({
    files: ['scripts/**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_EXTENSION,
            {
              regex: String.raw`^(\.\./)+tests/`,
              message: 'scripts/ không được nhập từ tests/. (scripts must not import tests)',
            },
          ],
        },
      ],
    },
  });
  return configs;
}
