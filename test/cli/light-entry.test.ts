import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The modules `from` imports statically (type-only imports and `await import()` left out), transitively. */
function staticGraph(from: string): Set<string> {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('src/')) continue;
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)';/gms)) {
      pending.push(specifier!.startsWith('.') ? relative('.', join(dirname(file), specifier!.replace(/\.js$/, '.ts'))) : specifier!);
    }
  }
  return seen;
}

describe('the CLI entry', () => {
  it('loads neither the engine nor remark, zod or yaml before it knows it needs them', () => {
    const graph = [...staticGraph('src/cli/index.ts')];
    expect(graph).toContain('src/cli/run-cache.ts');
    const heavy = graph.filter((module) => (module.startsWith('src/engine/') && module !== 'src/engine/types.ts') || /^(remark|unified|micromark|zod|yaml|piscina)/.test(module));
    expect(heavy).toEqual([]);
  });

  it('is reached by the engine through run.ts, which the graph walk does see', () => {
    expect([...staticGraph('src/cli/run.ts')]).toContain('src/engine/index.ts');
  });
});
