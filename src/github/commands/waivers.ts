import { GATES, type GateId } from '../../engine/index.js';
import { listAll, rest, type GitHubClient, type RepoRef } from '../client.js';

/** A waiver in force for one gate of one PR. */
export interface Waiver {
  gate: GateId;
  by: string;
  reason: string;
}

interface WaiverRecord {
  gate: GateId;
  by: string;
  reason: string;
  active: boolean;
}

const PATTERN = /<!-- specgate:waiver (\{.*?\}) -->/;

interface RawComment {
  id: number;
  body?: string;
  user?: { login: string; type: string } | null;
}

/**
 * Waivers in force on a PR: the latest waive/unwaive record per gate, read only from
 * comments written by `botLogin` — specgate's own bot account (`<app slug>[bot]`, or
 * `github-actions[bot]` for the Action's default token). Any other account, another bot
 * echoing user text included, cannot forge one. `botLogin` may be a promise, so that
 * looking it up overlaps with listing the comments.
 */
export async function readWaivers({ octokit, owner, repo, number, botLogin }: RepoRef & { octokit: GitHubClient; number: number; botLogin: string | PromiseLike<string> }): Promise<Waiver[]> {
  const [comments, login] = await Promise.all([
    listAll<RawComment>(octokit, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number }),
    botLogin,
  ]);
  const latest = new Map<GateId, WaiverRecord>();
  for (const comment of comments.sort((a, b) => a.id - b.id)) {
    if (comment.user?.type !== 'Bot' || comment.user.login.toLowerCase() !== login.toLowerCase()) continue;
    const record = decode(comment.body);
    if (record) latest.set(record.gate, record);
  }
  return [...latest.values()].filter((record) => record.active).map(({ gate, by, reason }) => ({ gate, by, reason }));
}

function decode(body: string | undefined): WaiverRecord | undefined {
  const match = PATTERN.exec(body ?? '');
  if (!match) return undefined;
  try {
    const record = JSON.parse(match[1]!) as WaiverRecord;
    return (GATES as readonly string[]).includes(record.gate) && typeof record.by === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Posts the audit-trail comment for a waive (`active`) or an unwaive. */
export async function recordWaiver({ octokit, owner, repo, number, record }: RepoRef & { octokit: GitHubClient; number: number; record: WaiverRecord }): Promise<void> {
  const text = record.active
    ? `Gate \`${record.gate}\` waived on this pull request by @${record.by}: ${record.reason}\n\nRevoke with \`/specgate unwaive ${record.gate}\`.`
    : `Waiver of gate \`${record.gate}\` revoked by @${record.by}.`;
  const marker = `<!-- specgate:waiver ${JSON.stringify(record).replace(/>/g, '\\u003e')} -->`;
  await rest(octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, body: `${text}\n\n${marker}` });
}

/** Whether a word names a gate. */
export function isGate(word: string): word is GateId {
  return (GATES as readonly string[]).includes(word);
}
