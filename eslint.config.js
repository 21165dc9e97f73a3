import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// The shells reach src/github through its use cases only (src/github/flows and the port types there).
const GITHUB_INTERNALS = { group: ['**/github/**', '!**/github/flows', '!**/github/flows/**'], message: 'Shells use src/github/flows only, never the rest of src/github.' };

// Import boundaries per folder: see docs/architecture.md.
const SHELLS = ['**/app/**', '**/action/**', '**/cli/**'];
export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict([
      { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'process'], message: 'src/engine is pure: no I/O, env or clock.' },
      { group: ['probot', '@actions/*', '@octokit/*', 'nock'], message: 'src/engine knows nothing of GitHub.' },
      { group: ['**/github/**', ...SHELLS], message: 'src/engine imports nothing outside itself.' },
    ]),
  },
  {
    files: ['src/github/**/*.ts'],
    rules: restrict([
      { group: ['probot', '@actions/*'], message: 'src/github takes an Octokit; it knows nothing of Probot or Actions.' },
      { group: SHELLS, message: 'src/github is shared by the shells and imports none of them.' },
    ]),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict([{ group: ['**/action/**', '**/cli/**', '@actions/*'], message: 'Shells never import each other.' }, GITHUB_INTERNALS]),
  },
  {
    files: ['src/action/**/*.ts'],
    rules: restrict([{ group: ['**/app/**', '**/cli/**', 'probot'], message: 'Shells never import each other.' }, GITHUB_INTERNALS]),
  },
  {
    // Shells map events and present results; the use cases hold the orchestration. Keep each step small.
    files: ['src/app/**/*.ts', 'src/action/**/*.ts', 'src/github/flows/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 40, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([{ group: ['**/app/**', '**/action/**', '**/github/**', 'probot', '@actions/*'], message: 'The CLI reads files; it needs no GitHub.' }]),
  },
);
