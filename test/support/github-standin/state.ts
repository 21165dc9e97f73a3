import { createHash } from 'node:crypto';

/** A user as GitHub renders one. */
export interface User {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** The App's bot: what its installation token (`ghs_standin`, from `access_tokens`) writes as. */
export const BOT: User = { login: 'specgate[bot]', id: 9_000_001, type: 'Bot' };
/** What any other token (a workflow's `github.token`) writes as. */
export const ACTIONS_BOT: User = { login: 'github-actions[bot]', id: 41_898_282, type: 'Bot' };
/** The installation token the stand-in hands out. */
export const INSTALLATION_TOKEN = 'ghs_standin';

export interface Pull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  user: User;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  /** Every write, for tests that count them. */
  updates: number;
  /** ISO times, as GitHub keeps them (a test may age `started_at` to stage a run left behind). */
  started_at: string;
  completed_at: string | null;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: User;
  isPull: boolean;
}

export interface Comment {
  id: number;
  issue_number: number;
  body: string;
  user: User;
}

export interface Reaction {
  id: number;
  comment_id: number;
  content: string;
  user: User;
}

/** One repository: commits as full snapshots, branches, PRs, checks, issues. */
export class Repo {
  readonly id: number;
  defaultBranch = 'main';
  readonly commits = new Map<string, Map<string, string>>();
  readonly branches = new Map<string, string>();
  readonly pulls = new Map<number, Pull>();
  readonly checkRuns: CheckRun[] = [];
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly reactions: Reaction[] = [];
  /** login → role_name (admin, maintain, write, triage, read). */
  readonly collaborators = new Map<string, string>();
  /** Answer `git/trees?recursive=1` with `truncated: true`, as GitHub does for huge repositories. */
  truncateTrees = false;
  private numbers = 0;

  constructor(readonly owner: string, readonly name: string, id: number, private readonly state: State) {
    this.id = id;
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Writes a commit on a branch (created from the default branch when new); `null` deletes a file. */
  commit(branch: string, files: Record<string, string | null>): string {
    const parent = this.branches.get(branch) ?? this.branches.get(this.defaultBranch);
    const tree = new Map(parent ? this.commits.get(parent) : []);
    for (const [path, text] of Object.entries(files)) {
      if (text === null) tree.delete(path);
      else tree.set(path, text);
    }
    const sha = createHash('sha1').update(`${this.fullName}:${branch}:${this.commits.size}:${JSON.stringify([...tree])}`).digest('hex');
    this.commits.set(sha, tree);
    this.branches.set(branch, sha);
    for (const pull of this.pulls.values()) if (pull.headRef === branch && pull.state === 'open') pull.headSha = sha;
    return sha;
  }

  /** Opens a PR from `head` into the default branch. */
  openPull(head: string, user: User = { login: 'octocat', id: 1, type: 'User' }): Pull {
    const pull: Pull = {
      number: this.nextNumber(), state: 'open', merged: false, draft: false,
      headRef: head, headSha: this.branches.get(head)!, baseRef: this.defaultBranch, baseSha: this.branches.get(this.defaultBranch)!, user,
    };
    this.pulls.set(pull.number, pull);
    this.issues.push({ number: pull.number, title: `PR ${head}`, body: '', state: 'open', state_reason: null, labels: [], user, isPull: true });
    return pull;
  }

  /** An issue written by someone else (not through the API), as a test seeds it. */
  addIssue(fields: Pick<Issue, 'title' | 'body' | 'user'> & Partial<Pick<Issue, 'state' | 'state_reason' | 'labels'>>): Issue {
    const issue: Issue = { number: this.nextNumber(), state: 'open', state_reason: null, labels: [], isPull: false, ...fields };
    this.issues.push(issue);
    return issue;
  }

  nextNumber(): number {
    this.numbers += 1;
    return this.numbers;
  }

  /** Changed files between the PR's base and head, as `pulls.listFiles` reports them. */
  diff(baseSha: string, headSha: string): { filename: string; status: string }[] {
    const base = this.commits.get(baseSha) ?? new Map<string, string>();
    const head = this.commits.get(headSha) ?? new Map<string, string>();
    const files: { filename: string; status: string }[] = [];
    for (const [path, text] of head) {
      if (!base.has(path)) files.push({ filename: path, status: 'added' });
      else if (base.get(path) !== text) files.push({ filename: path, status: 'modified' });
    }
    for (const path of base.keys()) if (!head.has(path)) files.push({ filename: path, status: 'removed' });
    return files.sort((a, b) => a.filename.localeCompare(b.filename));
  }

  /** Resolves `<sha or branch>:<path>` to a file's text, a folder's entries, or nothing. */
  resolve(expression: string): { blob: string } | { tree: string[] } | undefined {
    const colon = expression.indexOf(':');
    const ref = expression.slice(0, colon);
    const path = expression.slice(colon + 1).replace(/\/+$/, '');
    const sha = this.commits.has(ref) ? ref : this.branches.get(ref);
    const tree = sha ? this.commits.get(sha) : undefined;
    if (!tree) return undefined;
    const text = tree.get(path);
    if (text !== undefined) return { blob: text };
    const prefix = path === '' ? '' : `${path}/`;
    const children = new Set<string>();
    for (const file of tree.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      children.add(prefix + rest.split('/')[0]!);
    }
    return children.size > 0 ? { tree: [...children].sort() } : undefined;
  }

  /** The recursive tree listing of a commit or branch: every file and every folder, sorted. */
  listTree(ref: string): { path: string; type: 'blob' | 'tree' }[] | undefined {
    const sha = this.commits.has(ref) ? ref : this.branches.get(ref);
    const files = sha ? this.commits.get(sha) : undefined;
    if (!files) return undefined;
    const entries = new Map<string, 'blob' | 'tree'>();
    for (const path of files.keys()) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i += 1) entries.set(parts.slice(0, i).join('/'), 'tree');
      entries.set(path, 'blob');
    }
    return [...entries].sort(([a], [b]) => a.localeCompare(b)).map(([path, type]) => ({ path, type }));
  }

  checkRunsFor(sha: string, name?: string): CheckRun[] {
    return this.checkRuns.filter((run) => run.head_sha === sha && (name === undefined || run.name === name));
  }

  /** Issues that are not PRs. */
  realIssues(): Issue[] {
    return this.issues.filter((issue) => !issue.isPull);
  }

  nextId(): number {
    return this.state.nextId();
  }
}

/** Everything the stand-in knows. Tests seed it and assert on it directly. */
export class State {
  readonly repos = new Map<string, Repo>();
  private ids = 1000;

  addRepo(owner: string, name: string, files: Record<string, string> = {}): Repo {
    const repo = new Repo(owner, name, this.nextId(), this);
    this.repos.set(repo.fullName, repo);
    repo.commit(repo.defaultBranch, files);
    return repo;
  }

  repo(owner: string, name: string): Repo | undefined {
    return this.repos.get(`${owner}/${name}`);
  }

  nextId(): number {
    this.ids += 1;
    return this.ids;
  }
}
