import { rest, type GitHubClient, type RepoRef } from '../client.js';

/** A collaborator's repository role, `none` for everyone else. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

interface PermissionAnswer {
  permission?: string;
  role_name?: string;
  user?: { permissions?: Partial<Record<'admin' | 'maintain' | 'push' | 'triage' | 'pull', boolean>> } | null;
}

/**
 * The user's role from `role_name`, else `user.permissions`. The `permission` field folds
 * maintain into write and triage into read, so it is only the last fallback.
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
export async function getRole({ octokit, owner, repo, username }: RepoRef & { octokit: GitHubClient; username: string }): Promise<Role> {
  let answer: PermissionAnswer;
  try {
    answer = await rest<PermissionAnswer>(octokit, 'GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner, repo, username });
  } catch (error) {
    // 404: not a collaborator (or no such user). Anything else is a real failure.
    if ((error as { status?: number }).status === 404) return 'none';
    throw error;
  }
  return roleOf(answer);
}

const ROLES: readonly Role[] = ['admin', 'maintain', 'write', 'triage', 'read'];

/** Picks the role out of a permission answer. */
export function roleOf(answer: PermissionAnswer): Role {
  const named = answer.role_name?.toLowerCase();
  if (named && (ROLES as readonly string[]).includes(named)) return named as Role;
  const flags = answer.user?.permissions;
  if (flags) {
    if (flags.admin) return 'admin';
    if (flags.maintain) return 'maintain';
    if (flags.push) return 'write';
    if (flags.triage) return 'triage';
    if (flags.pull) return 'read';
  }
  // Custom roles carry their own role_name; the folded `permission` is the safe floor.
  const folded = answer.permission;
  if (folded === 'admin') return 'admin';
  if (folded === 'write') return 'write';
  if (folded === 'read') return 'read';
  return 'none';
}

/** Whether a role may waive or unwaive a gate. */
export function canWaive(role: Role): boolean {
  return role === 'admin' || role === 'maintain';
}
