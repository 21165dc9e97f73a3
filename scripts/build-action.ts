/**
 * Bundles the Action (src/action/index.ts) into dist/index.js with esbuild.
 * `node --import tsx scripts/build-action.ts [outDir]`; the test in test/action/dist.test.ts
 * rebuilds into a temporary folder and fails when the committed bundle differs.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Bundled CommonJS dependencies call `require('node:…')`; an ESM bundle has no `require`
// unless we make one (https://github.com/evanw/esbuild/issues/1921).
const BANNER = "import { createRequire as __specgateCreateRequire } from 'node:module';\nconst require = __specgateCreateRequire(import.meta.url);";

/** Builds the bundle into `outDir` (default `dist/`) and returns the files written. */
export async function buildAction(outDir = join(ROOT, 'dist')): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.js');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/index.ts'],
    outfile,
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
  });
  // Runners look up the nearest package.json to decide how to load dist/index.js.
  const packageJson = join(outDir, 'package.json');
  writeFileSync(packageJson, '{ "type": "module" }\n');
  return [outfile, packageJson];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildAction(process.argv[2] ? resolve(process.argv[2]) : undefined);
  for (const file of files) console.log(`wrote ${file}`);
}
