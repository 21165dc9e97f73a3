/** What a write is for: the permission it needs and the policy switch that allows it. */
export type WriteKind = 'checks' | 'issues' | 'comments';

/** Which writes a run may make: the shell decides (inputs, token, event); the use cases obey. */
export interface WritePolicy {
  /** Say what would be written, write nothing. */
  dryRun: boolean;
  /** Publish check runs (off: the Action's job is the only check). */
  checkRuns: boolean;
  /** Open, update and close clarification issues (off on a read-only token). */
  issues: boolean;
}

const PERMISSION: Record<WriteKind, string> = { checks: 'checks: write', issues: 'issues: write', comments: 'issues: write' };

/**
 * The one write policy of the use cases: skips writes the policy turns off, says what a dry
 * run would write, and turns a refused write (a read-only or under-privileged token) into
 * one note naming the permission instead of a failure; after one refusal, writes of that
 * kind are not tried again.
 */
export class WriteGuard {
  readonly notes: string[] = [];
  private readonly policy: WritePolicy;
  private readonly refused = new Set<WriteKind>();

  constructor(policy: WritePolicy) {
    this.policy = policy;
  }

  /** Whether writes of this kind are on at all (a dry run still counts as on). */
  allows(kind: WriteKind): boolean {
    if (kind === 'checks') return this.policy.checkRuns;
    return kind === 'issues' ? this.policy.issues : true;
  }

  /** Adds one explanatory line (the App logs it; the Action shows it in the log and the job summary). */
  note(line: string): void {
    if (!this.notes.includes(line)) this.notes.push(line);
  }

  /** Runs `write` when the policy allows it; `undefined` when it was skipped or refused. */
  async write<T>(kind: WriteKind, what: string, write: () => Promise<T>): Promise<T | undefined> {
    if (!this.allows(kind) || this.refused.has(kind)) return undefined;
    if (this.policy.dryRun) {
      this.note(`Dry run: would ${what}.`);
      return undefined;
    }
    try {
      return await write();
    } catch (error) {
      if (!isForbidden(error)) throw error;
      this.refused.add(kind);
      this.note(`Could not ${what}: the token may not (HTTP 403; grant \`${PERMISSION[kind]}\`). The job status, annotations and this summary carry the result.`);
      return undefined;
    }
  }
}

/** Whether an Octokit error is GitHub refusing a write for lack of permission (a rate limit is not). */
export function isForbidden(error: unknown): boolean {
  const { status, message, request } = (error ?? {}) as { status?: unknown; message?: unknown; request?: { method?: string } };
  if (typeof message === 'string' && /rate limit/i.test(message)) return false;
  return status === 403 || (status === 404 && request?.method !== undefined && request.method !== 'GET');
}
