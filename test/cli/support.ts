import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/run.js';

/** Writes a throw-away repository: path → text or bytes. Returns its absolute root. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'specgate-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export function runCli(argv: string[], cwd: string): CliResult {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A file the engine cannot read (a NUL byte): reported by the always-registered `readable-document` rule. */
export const BINARY = new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x0a]);

/** A config that makes `readable-document` fail its gate, so exit codes do not depend on other rules. */
export const STRICT_CONFIG = 'rules:\n  readable-document: error\n';
