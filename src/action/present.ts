import * as core from '@actions/core';
import { untrustedLog } from '../engine/index.js';
import {
  applyWaivers, describeWaivers, type CloseAbandonedResult, type CloseResolvedResult, type CommandsResult, type GateResult,
} from '../github/flows/index.js';
import { finish } from './finish.js';
import type { ActionInputs } from './inputs.js';
import { configFileError } from './load-config.js';

/** Outputs of a run that gated nothing: the job passes. */
export function neutral(lines: readonly string[]): void {
  for (const line of lines) core.info(untrustedLog(line));
  core.setOutput('conclusion', 'neutral');
  core.setOutput('findings', '0');
}

/**
 * Presents a gate result the way a runner shows it: findings in the log and as annotations,
 * the job summary, outputs and report files, and the job status (the job is the gate). An
 * invalid config and a failure are thrown to `run()`, which says what to fix.
 */
export async function presentGate(result: GateResult, inputs: ActionInputs): Promise<void> {
  if (result.kind === 'failed') throw result.error;
  if (result.kind === 'silent') return neutral(['The repository never opted in (no config, no spec folders); nothing to gate.']);
  if (result.kind === 'superseded') return neutral([`${result.headSha.slice(0, 7)} is no longer the head of the pull request (now ${result.newHead.slice(0, 7)}); its run carries the result.`]);
  if (result.outcome.kind === 'invalid-config') throw configFileError(result.outcome.errors, inputs.config);
  if (result.checks) core.info(`Check runs: ${result.checks.written} write(s), ${result.checks.unchanged} unchanged.`);
  if (result.issues) {
    const list = (numbers: number[]): string => numbers.map((n) => `#${n}`).join(', ') || 'none';
    core.info(`Clarification issues: opened ${list(result.issues.created)}, updated ${list(result.issues.updated)}, closed ${list(result.issues.closed)}.`);
  }
  const notes = [...result.notes, ...describeWaivers(result.waivers)];
  await finish(applyWaivers(result.report!, result.waivers), { ...(inputs.sarifFile ? { sarifFile: inputs.sarifFile } : {}), notes });
}

/** A comment's commands: the gate run they asked for, or nothing to gate. */
export async function presentCommands(result: CommandsResult, inputs: ActionInputs): Promise<void> {
  if (result.kind === 'ignored') return neutral([result.reason]);
  if (result.gate) return presentGate(result.gate, inputs);
  neutral(result.notes);
}

/** Closing issues never fails the job, except on an invalid config. */
export function presentClosed(result: CloseResolvedResult | CloseAbandonedResult, inputs: ActionInputs): void {
  if (result.kind === 'skipped') {
    if (result.invalid) throw configFileError(result.invalid, inputs.config);
    return neutral([result.reason]);
  }
  const judged = 'judged' in result ? ` of ${result.judged} open clarification issue(s); ${result.judged - result.closed.length} still have their marker` : ' as not planned';
  neutral([`Closed ${result.closed.length} clarification issue(s)${judged}.`, ...result.notes]);
}
