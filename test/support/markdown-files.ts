import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The markdown files under `root` (paths relative to it, sorted), skipping `node_modules` and `.git`: for benches and tests. */
export function markdownPaths(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') pending.push(full);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) files.push(relative(root, full));
    }
  }
  return files.sort();
}
