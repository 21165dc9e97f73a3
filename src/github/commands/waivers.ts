import { GATES, type GateId } from '../../engine/index.js';
import { truncate, untrustedText, untrustedUser } from '../../engine/report/index.js';
import { listAll, rest, type GitHubClient, type RepoRef } from '../client.js';
import { safeJson } from '../issues/tracked.js';
import { canWaive, getRole } from './permission.js';

/** A waiver in force for one gate of one PR. */
export interface Waiver {
  gate: GateId;
  by: string;
  reason: string;
}

/** What one waive or unwaive comment records: the gate, who asked, why, and which way. */
export interface WaiverRecord {
  gate: GateId;
  by: string;
  reason: string;
  active: boolean;
}

/**
 * Longest waive reason, in characters. The record comment holds the reason twice, as text
 * and JSON-escaped in its hidden marker (at most 6 characters per character), so 1,000
 * keeps it far below GitHub's 65,536-character body limit. Commands refuse a longer reason
 * with a reply; `recordWaiver` still cuts one, as a last guard.
 */
export const WAIVER_REASON_MAX = 1_000;

const MARKER_LINE = /^<!-- specgate:waiver (\{.*\}) -->$/;

interface RawComment {
  id: number;
  body?: string;
  user?: { login: string; type: string } | null;
}

/**
 * Waivers in force on a PR: the latest waive/unwaive record per gate, read only from
 * comments written by `botLogin` — specgate's own bot account (`<app slug>[bot]`, or
 * `github-actions[bot]` for the Action's default token) — whose whole body is one that
 * {@link waiverBody} composes, so no text quoted in another of its comments can count.
 * Each waiver's recorder (`by`) is asked for their role again now, one look-up per
 * login: a waiver by someone who has since lost maintain or admin is no longer in force.
 * `botLogin` may be a promise, so that looking it up overlaps with listing the comments.
 */
export async function readWaivers({ octokit, owner, repo, number, botLogin }: RepoRef & { octokit: GitHubClient; number: number; botLogin: string | PromiseLike<string> }): Promise<Waiver[]> {
  const [comments, login] = await Promise.all([
    listAll<RawComment>(octokit, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number }),
    botLogin,
  ]);
  const latest = new Map<GateId, WaiverRecord>();
  for (const comment of comments.sort((a, b) => a.id - b.id)) {
    if (comment.user?.type !== 'Bot' || comment.user.login.toLowerCase() !== login.toLowerCase()) continue;
    const record = decodeWaiver(comment.body);
    if (record) latest.set(record.gate, record);
  }
  const active = [...latest.values()].filter((record) => record.active);
  const logins = [...new Set(active.map((record) => record.by))];
  const roles = await Promise.all(logins.map((username) => getRole({ octokit, owner, repo, username })));
  const allowed = new Set(logins.filter((_login, i) => canWaive(roles[i]!)));
  return active.filter((record) => allowed.has(record.by)).map(({ gate, by, reason }) => ({ gate, by, reason }));
}

/**
 * The record a comment body holds, only when the body is exactly what {@link waiverBody}
 * composes for it: the marker is rebuilt from the record and the whole body compared.
 */
export function decodeWaiver(body: string | null | undefined): WaiverRecord | undefined {
  const text = body ?? '';
  const match = MARKER_LINE.exec(text.slice(text.lastIndexOf('\n') + 1));
  if (!match) return undefined;
  let parsed: Partial<WaiverRecord>;
  try {
    parsed = JSON.parse(match[1]!) as Partial<WaiverRecord>;
  } catch {
    return undefined;
  }
  const { gate, by, reason, active } = parsed;
  if (typeof gate !== 'string' || !isGate(gate) || typeof by !== 'string' || typeof reason !== 'string' || typeof active !== 'boolean') return undefined;
  const record: WaiverRecord = { gate, by, reason, active };
  return waiverBody(record) === text ? record : undefined;
}

/**
 * The audit-trail comment for a waive (`active`) or an unwaive: a sentence for people,
 * with the login and the reason escaped, then the hidden record on the last line.
 */
export function waiverBody(record: WaiverRecord): string {
  const text = record.active
    ? `Gate \`${record.gate}\` waived on this pull request by ${untrustedUser(record.by)}: ${untrustedText(record.reason, { max: WAIVER_REASON_MAX })}\n\nRevoke with \`/specgate unwaive ${record.gate}\`.`
    : `Waiver of gate \`${record.gate}\` revoked by ${untrustedUser(record.by)}.`;
  return `${text}\n\n<!-- specgate:waiver ${safeJson({ gate: record.gate, by: record.by, reason: record.reason, active: record.active })} -->`;
}

/** Posts the audit-trail comment for a waive (`active`) or an unwaive; a reason over {@link WAIVER_REASON_MAX} is cut. */
export async function recordWaiver({ octokit, owner, repo, number, record }: RepoRef & { octokit: GitHubClient; number: number; record: WaiverRecord }): Promise<void> {
  // Logins are at most 39 characters; anything longer is no login, and so can never waive.
  const body = waiverBody({ ...record, by: truncate(record.by, 100), reason: truncate(record.reason, WAIVER_REASON_MAX) });
  await rest(octokit, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, body });
}

/** Whether a word names a gate. */
export function isGate(word: string): word is GateId {
  return (GATES as readonly string[]).includes(word);
}
