import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { buildCli } from '../../scripts/build-cli.js';

/** The source files in the outputs that `entry` loads through static imports, transitively. */
function staticInputs(metafile: Metafile, entry: string): Set<string> {
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const output = pending.pop()!;
    if (seen.has(output)) continue;
    seen.add(output);
    const { imports, inputs: own } = metafile.outputs[output]!;
    for (const input of Object.keys(own)) inputs.add(input);
    for (const { path, kind, external } of imports) if (kind === 'import-statement' && !external) pending.push(path);
  }
  return inputs;
}

describe('the CLI bundle (scripts/build-cli.ts)', () => {
  it('loads neither the engine nor remark, zod or yaml from its entry, and reaches the engine only through run.ts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'specgate-cli-bundle-'));
    try {
      const metafile = await buildCli(out);
      const outputs = Object.keys(metafile.outputs);
      const entry = outputs.find((output) => metafile.outputs[output]!.entryPoint === 'src/cli/index.ts')!;
      const worker = outputs.find((output) => metafile.outputs[output]!.entryPoint === 'src/cli/parse-worker.ts')!;
      // The worker pool starts `./parse-worker.js` beside its own chunk.
      expect(relative(out, join(process.cwd(), worker))).toBe('parse-worker.js');
      const light = [...staticInputs(metafile, entry)];
      expect(light).toContain('src/cli/run-cache.ts');
      const heavy = light.filter((input) => (input.startsWith('src/engine/') && input !== 'src/engine/types.ts') || /node_modules\/(remark|unified|micromark|mdast|zod|yaml)/.test(input));
      expect(heavy).toEqual([]);
      const all = new Set(outputs.flatMap((output) => Object.keys(metafile.outputs[output]!.inputs)));
      expect(all).toContain('src/engine/index.ts');
      expect(all).toContain('src/cli/run.ts');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
