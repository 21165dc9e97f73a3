/**
 * Bundles the Action (src/action/index.ts) into dist/index.js with esbuild, and writes
 * dist/licenses.txt: the licence of every package the bundle holds code of (the bundle
 * itself keeps no legal comments).
 * `node --import tsx scripts/build-action.ts [outDir]`; the test in test/action/dist.test.ts
 * rebuilds into a temporary folder and fails when the committed bundle differs.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Bundled CommonJS dependencies call `require('node:…')`; an ESM bundle has no `require`
// unless we make one (https://github.com/evanw/esbuild/issues/1921).
const BANNER = "import { createRequire as __specgateCreateRequire } from 'node:module';\nconst require = __specgateCreateRequire(import.meta.url);";

/** A licence file at the top of a package: LICENSE, LICENCE, COPYING, with or without an extension. */
const LICENCE_FILE = /^(licen[sc]e|copying)([.-].*)?$/i;

/**
 * The package folders (relative to the build's working directory) that bundled `inputs`
 * come from: the part of each path up to the last `node_modules/<name>` or
 * `node_modules/@scope/<name>`, sorted, each once. The project's own sources have none.
 */
export function bundledPackages(inputs: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (match?.[1]) folders.add(match[1]);
  }
  return [...folders].sort();
}

interface Manifest { name: string; version: string; license?: unknown; licenses?: unknown }

/** The SPDX expression of a package.json: `license`, or the legacy `licenses: [{ type }]` joined with OR. */
function licenseOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  const types = Array.isArray(manifest.licenses) ? manifest.licenses.map((entry: { type?: unknown }) => entry?.type).filter((type): type is string => typeof type === 'string') : [];
  return types.length > 0 ? types.join(' OR ') : 'UNKNOWN';
}

/**
 * The text of dist/licenses.txt: for each package folder, `name@version`, its `license`
 * field and the text of its licence file, sorted by name and separated by blank lines.
 * A package that ships no licence file says so, its `license` field kept.
 */
export function renderLicenses(root: string, folders: readonly string[]): string {
  const entries = folders.map((folder) => {
    const dir = join(root, folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    const file = readdirSync(dir).filter((name) => LICENCE_FILE.test(name)).sort()[0];
    const text = file ? readFileSync(join(dir, file), 'utf8').trimEnd() : '(no licence file in the package)';
    const license = licenseOf(manifest);
    return { key: `${manifest.name}@${manifest.version}`, text: `${manifest.name}@${manifest.version}\n${license}\n${text}\n` };
  });
  const unique = new Map(entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => [entry.key, entry.text]));
  return [...unique.values()].join('\n');
}

const UNDICI_FETCH = join(ROOT, 'src/action/undici-fetch.ts');

/**
 * Keeps out of the bundle what the Action does not need: `undici` (a third of the bundle,
 * imported by @actions/* for `fetch` and `ProxyAgent`) becomes src/action/undici-fetch.ts
 * over Node 24's global `fetch` and built-in proxy support; zod's locales become English
 * only (its default, the only one the Action uses); Octokit's REST method table goes.
 */
const BUILTIN = new RegExp(`^(?:node:)?(?:${builtinModules.filter((name) => name !== 'module').map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`);

/**
 * Node's modules, imported from the bundle's ESM code, are required instead. An ESM import
 * of a built-in module builds a facade that reads every export once, and on Node 24 reading
 * `node:http`'s loads Node's own undici (about 35 ms of a start that never uses it); a
 * CommonJS `require` returns the module as it is, and esbuild reads its exports on use.
 */
const builtinsRequired: Plugin = {
  name: 'specgate-builtins-required',
  setup(build) {
    build.onResolve({ filter: BUILTIN }, (args) => (args.namespace === 'builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});\n`, loader: 'js' }));
  },
};

const trim: Plugin = {
  name: 'specgate-trim',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: UNDICI_FETCH }));
    // The Action calls `octokit.request` and `octokit.graphql` only (src/github/client.ts): the
    // `octokit.rest.*` methods @actions/github adds (GitHub's whole route table) are left out.
    build.onResolve({ filter: /^@octokit\/plugin-rest-endpoint-methods$/ }, () => ({ path: 'rest-endpoint-methods', namespace: 'specgate-none' }));
    build.onLoad({ filter: /.*/, namespace: 'specgate-none' }, () => ({ contents: 'export function restEndpointMethods() { return {}; }\n', loader: 'js' }));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(args.resolveDir, '../locales/en.js'), namespace: 'zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};\n`, resolveDir: dirname(args.path), loader: 'js' }));
  },
};

/** Builds the bundle into `outDir` (default `dist/`) and returns the files written. */
export async function buildAction(outDir = join(ROOT, 'dist')): Promise<string[]> {
  return (await buildActionWithMetafile(outDir)).files;
}

/** {@link buildAction}, with esbuild's metafile (what each output holds) for the bench. */
export async function buildActionWithMetafile(outDir: string): Promise<{ files: string[]; metafile: Metafile }> {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (/^chunk-.*\.js$/.test(name)) rmSync(join(outDir, name));
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/action/index.ts' },
    outdir: outDir,
    chunkNames: 'chunk-[hash]',
    splitting: true,
    plugins: [trim, builtinsRequired],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: BANNER },
    define: { __SPECGATE_VERSION__: JSON.stringify(VERSION) },
    logLevel: 'warning',
    metafile: true,
  });
  // Runners look up the nearest package.json to decide how to load dist/index.js.
  const packageJson = join(outDir, 'package.json');
  writeFileSync(packageJson, '{ "type": "module" }\n');
  const licenses = join(outDir, 'licenses.txt');
  writeFileSync(licenses, renderLicenses(ROOT, bundledPackages(Object.keys(metafile.inputs)).filter((folder) => existsSync(join(ROOT, folder, 'package.json')))));
  const outputs = Object.keys(metafile.outputs).map((file) => resolve(ROOT, file)).sort();
  return { files: [...outputs, packageJson, licenses], metafile };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildAction(process.argv[2] ? resolve(process.argv[2]) : undefined);
  for (const file of files) console.log(`wrote ${file}`);
}
