import * as core from '@actions/core';
import { evaluate } from '../engine/index.js';
import { finish } from './finish.js';
import type { ActionInputs } from './inputs.js';
import { loadConfig } from './load-config.js';
import { readWorkspace, readWorkspaceText, resolveFolder } from './read-workspace.js';
import { prefixPaths } from './write-outputs.js';

/**
 * `path:` mode — gate the files in the checked-out workspace under a folder, treating
 * the folder as the repository root (its own `.github/specgate.yml`, its own `specs/`).
 * Nothing is read from or written to the API. The config comes from the checkout, so
 * use this mode on trusted refs (push, schedule, workflow_dispatch), not on fork PRs.
 */
export async function gateWorkspace(inputs: ActionInputs & { path: string }): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { folder, prefix } = resolveFolder(workspace, inputs.path);
  const config = loadConfig(readWorkspaceText(folder, inputs.config), prefix + inputs.config, inputs);
  const { files, tree } = readWorkspace(folder, prefix, config);
  core.info(`Gating ${files.length} document(s) under \`${prefix || '.'}\` in the workspace.`);
  const report = prefixPaths(evaluate({ files, config, tree }), prefix);
  await finish(report, { ...(inputs.sarifFile ? { sarifFile: inputs.sarifFile } : {}), notes: [] });
}
