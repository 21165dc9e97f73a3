import { defaultConfig, evaluate, rules, type SourceFile } from '../../../src/engine/index.js';

/** Lines (sorted) that one rule reports over the given files, evaluated with the default config. */
export function linesOf(id: string, files: SourceFile[]): Array<{ path: string; line: number }> {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const report = evaluate({ files, config: defaultConfig(), rules: [rule] });
  return report.gates
    .flatMap((gate) => gate.findings)
    .filter((finding) => finding.rule === id)
    .map((finding) => ({ path: finding.path, line: finding.line }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/** A file at `path` whose content is the given lines joined. */
export function file(path: string, ...lines: string[]): SourceFile {
  return { path, content: `${lines.join('\n')}\n` };
}
