/**
 * Bundles the CLI (src/cli/index.ts and its worker, src/cli/parse-worker.ts) into
 * build/bundle/ with esbuild, which bin/specgate.js runs. One file per entry and shared
 * chunks: Node then resolves, reads and links a handful of files instead of some three
 * hundred, which over a tree whose cache holds all but one document is about a fifth of the
 * run. Code reached only through `await import()` (the engine, behind src/cli/run.ts) stays
 * in chunks the entry does not load, so a replayed `check --cache` still never reads it.
 * `npm run build` runs this after `tsc`; `tsx scripts/build-cli.ts [outDir]`.
 */
import { build, type Metafile } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Bundled CommonJS dependencies call `require`; an ESM bundle has none unless made
// (https://github.com/evanw/esbuild/issues/1921).
const BANNER = "import { createRequire as __specgateCreateRequire } from 'node:module';\nconst require = __specgateCreateRequire(import.meta.url);";

/**
 * Left to Node's resolution from the installed package: piscina starts its own worker file
 * by path, and `ignore` is required (CommonJS) by list-files.ts, which esbuild leaves alone.
 */
const EXTERNAL = ['piscina', 'ignore'];

/** Builds the bundle into `outDir` (emptied first) and gives esbuild's metafile. */
export async function buildCli(outDir: string): Promise<Metafile> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/cli/index.ts', 'parse-worker': 'src/cli/parse-worker.ts' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: BANNER },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli(resolve(process.argv[2] ?? join(ROOT, 'build', 'bundle')));
}
