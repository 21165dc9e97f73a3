import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Import boundaries per folder: see the architecture notes in README "Development".
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
    rules: restrict([{ group: ['**/action/**', '**/cli/**', '@actions/*'], message: 'Shells never import each other.' }]),
  },
  {
    files: ['src/action/**/*.ts'],
    rules: restrict([{ group: ['**/app/**', '**/cli/**', 'probot'], message: 'Shells never import each other.' }]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([{ group: ['**/app/**', '**/action/**', '**/github/**', 'probot', '@actions/*'], message: 'The CLI reads files; it needs no GitHub.' }]),
  },
);
