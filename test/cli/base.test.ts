import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo, runCli } from './support.js';

const PATH = '.specify/memory/constitution.md';

interface Amendment {
  version: string;
  lastAmended: string;
  principles: string[];
  syncReport?: string;
}

function constitution({ version, lastAmended, principles, syncReport }: Amendment): string {
  const body = principles.map((name, i) => `### ${['I', 'II', 'III'][i]}. ${name}\nEvery feature follows ${name}.\n`).join('\n');
  const report = syncReport ? `<!--\nSync Impact Report\n- Version change: ${syncReport}\n-->\n` : '';
  return `${report}# Deck App Constitution\n\n## Core Principles\n\n${body}\n## Governance\n\n**Version**: ${version} | **Ratified**: 2025-06-13 | **Last Amended**: ${lastAmended}\n`;
}

const V1 = constitution({ version: '1.0.0', lastAmended: '2025-06-13', principles: ['Library-First', 'Simplicity'] });

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-C', root, '-c', 'user.name=Spec Gate', '-c', 'user.email=specgate@example.com', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe' });
}

/** A git repository whose first commit holds constitution v1.0.0 with two principles. */
function repoWithV1(): string {
  const root = makeRepo({ [PATH]: V1 });
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'Ratify the constitution');
  return root;
}

function amendmentFindings(stdout: string): { line: number; message: string }[] {
  const report = JSON.parse(stdout) as { gates: { findings: { rule: string; line: number; message: string }[] }[] };
  return report.gates.flatMap((gate) => gate.findings).filter((finding) => finding.rule === 'constitution-amendment-recorded');
}

describe('specgate check --base', () => {
  it('reports a principle added without a version bump, compared with the file at the ref', () => {
    const root = repoWithV1();
    writeFileSync(join(root, PATH), constitution({ version: '1.0.0', lastAmended: '2025-06-13', principles: ['Library-First', 'Simplicity', 'Observability'] }));
    const result = runCli(['check', '.', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    const findings = amendmentFindings(result.stdout);
    expect(findings.map((finding) => finding.message).sort()).toEqual([
      'Unexpected Last Amended date `2025-06-13` left unchanged, expected the date of this amendment',
      'Unexpected version `1.0.0` after `1.0.0`, expected a minor bump for this change',
    ]);
    // Without --base the CLI cannot know the file changed.
    expect(amendmentFindings(runCli(['check', '.', '--format', 'json'], root).stdout)).toEqual([]);
  });

  it('accepts a minor bump with a moved Last Amended date and a Sync Impact Report', () => {
    const root = repoWithV1();
    const amended = constitution({ version: '1.1.0', lastAmended: '2025-07-16', principles: ['Library-First', 'Simplicity', 'Observability'], syncReport: '1.0.0 → 1.1.0' });
    writeFileSync(join(root, PATH), amended);
    const result = runCli(['check', '.', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    expect(amendmentFindings(result.stdout)).toEqual([]);
  });

  it('reads the base of a file named on the command line, from a subfolder root', () => {
    const root = repoWithV1();
    writeFileSync(join(root, PATH), constitution({ version: '1.0.0', lastAmended: '2025-06-13', principles: ['Library-First', 'Simplicity', 'Observability'] }));
    const result = runCli(['check', 'constitution.md', '--base', 'HEAD', '--format', 'json'], join(root, '.specify/memory'));
    expect(amendmentFindings(result.stdout)).toHaveLength(2);
  });

  it('treats a file absent at the ref as new', () => {
    const root = repoWithV1();
    git(root, 'rm', '--quiet', '--cached', PATH);
    git(root, 'commit', '--quiet', '-m', 'Remove the constitution');
    writeFileSync(join(root, PATH), V1.replace('1.0.0', '2.0.0'));
    const result = runCli(['check', '.', '--base', 'HEAD', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    expect(amendmentFindings(result.stdout)).toEqual([]);
  });

  it('exits 2 on an unknown ref and outside a git work tree', () => {
    const root = repoWithV1();
    const unknown = runCli(['check', '.', '--base', 'no-such-branch'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown git ref `no-such-branch` for --base');
    const plain = makeRepo({ [PATH]: V1 });
    const outside = runCli(['check', '.', '--base', 'HEAD'], plain);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside a git work tree');
  });
});
