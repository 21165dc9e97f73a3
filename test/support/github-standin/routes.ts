import { createHash } from 'node:crypto';
import { BOT, INSTALLATION_TOKEN, type CheckRun, type Repo, type State, type User } from './state.js';
import { checkRunJson, commentJson, issueJson, pullJson } from './render.js';

/** What a handler sees. */
export interface Call {
  state: State;
  repo: Repo | undefined;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  accept: string;
  base: string;
  /** The caller: the app's bot for installation tokens. */
  user: User;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (call: Call) => Answer;

function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const notFound: Answer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

/** Pages a list like GitHub: `per_page` (max 100), `page`, and a `Link` header. */
function page(call: Call, items: unknown[], url: string, wrap?: (items: unknown[]) => unknown): Answer {
  const perPage = Math.min(100, Number(call.query.get('per_page') ?? 30));
  const current = Number(call.query.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((current - 1) * perPage, current * perPage);
  const link = (n: number): string => {
    const query = new URLSearchParams(call.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `<${call.base}${url}?${query}>`;
  };
  const links = current < last ? [`${link(current + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
  return { status: 200, body: wrap ? wrap(slice) : slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/**
 * GitHub's limits on issue and comment text, which the REST description does not state:
 * one character over and the write fails with 422 "is too long".
 */
export const TEXT_LIMITS = { title: 256, body: 65_536 } as const;

function tooLong(resource: string, body: Record<string, unknown>): Answer | undefined {
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    const value = body[field];
    if (typeof value !== 'string' || value.length <= max) continue;
    return { status: 422, body: { message: 'Validation Failed', errors: [{ resource, code: 'custom', field, message: `${field} is too long (maximum is ${max} characters)` }] } };
  }
  return undefined;
}

function withRepo(handler: (call: Call, repo: Repo) => Answer): Handler {
  return (call) => (call.repo ? handler(call, call.repo) : notFound);
}

const CHECK_FIELDS = ['status', 'conclusion', 'details_url'] as const;

function applyCheck(run: CheckRun, body: Record<string, unknown>): void {
  for (const field of CHECK_FIELDS) if (body[field] !== undefined) (run as unknown as Record<string, unknown>)[field] = body[field];
  if (typeof body['started_at'] === 'string') run.started_at = body['started_at'];
  if (body['conclusion'] !== undefined) run.status = 'completed';
  if (run.status === 'completed') run.completed_at ??= typeof body['completed_at'] === 'string' ? body['completed_at'] : new Date().toISOString();
  const output = body['output'] as Record<string, unknown> | undefined;
  if (output) {
    run.output = { title: (output['title'] as string) ?? run.output.title, summary: (output['summary'] as string) ?? run.output.summary, text: (output['text'] as string) ?? run.output.text };
    // Annotations append on every write, as on GitHub.
    run.annotations.push(...((output['annotations'] as Record<string, unknown>[] | undefined) ?? []));
  }
  if (body['actions'] !== undefined) run.actions = body['actions'] as Record<string, unknown>[];
  run.updates += 1;
}

/** Method + path template → handler. Templates match the REST description's. */
export const ROUTES: [string, string, Handler][] = [
  ['GET', '/app', () => ({ status: 200, body: { id: 1, slug: BOT.login.replace(/\[bot\]$/, ''), name: 'specgate', owner: { login: 'acme', id: 1, type: 'Organization' } } })],
  ['POST', '/app/installations/{installation_id}/access_tokens', () => ({ status: 201, body: { token: INSTALLATION_TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' } })],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}', withRepo((call, repo) => {
    const pull = repo.pulls.get(Number(call.params['pull_number']));
    return pull ? { status: 200, body: pullJson(repo, pull, call.base) } : notFound;
  })],
  ['GET', '/repos/{owner}/{repo}/pulls', withRepo((call, repo) => {
    const state = call.query.get('state') ?? 'open';
    const pulls = [...repo.pulls.values()].filter((pull) => state === 'all' || pull.state === state);
    return page(call, pulls.map((pull) => pullJson(repo, pull, call.base)), `/repos/${repo.fullName}/pulls`);
  })],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', withRepo((call, repo) => {
    const pull = repo.pulls.get(Number(call.params['pull_number']));
    if (!pull) return notFound;
    return page(call, repo.diff(pull.baseSha, pull.headSha), `/repos/${repo.fullName}/pulls/${pull.number}/files`);
  })],
  ['GET', '/repos/{owner}/{repo}/compare/{basehead}', withRepo((call, repo) => {
    const [base, head] = call.params['basehead']!.split('...') as [string, string];
    return { status: 200, body: { status: 'ahead', files: repo.diff(base, head) } };
  })],
  ['GET', '/repos/{owner}/{repo}/contents/{path}', withRepo((call, repo) => {
    const ref = call.query.get('ref') ?? repo.defaultBranch;
    const found = repo.resolve(`${ref}:${call.params['path']}`);
    if (!found || !('blob' in found)) return notFound;
    if (call.accept.includes('raw')) return { status: 200, body: found.blob, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
    return { status: 200, body: { type: 'file', path: call.params['path'], encoding: 'base64', content: Buffer.from(found.blob).toString('base64') } };
  })],
  ['GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', withRepo((call, repo) => {
    const sha = call.params['tree_sha']!;
    const entries = repo.listTree(sha);
    if (!entries) return notFound;
    // Without `recursive`, GitHub lists the top level only.
    const listed = call.query.has('recursive') ? entries : entries.filter((entry) => !entry.path.includes('/'));
    const tree = (repo.truncateTrees ? listed.slice(0, Math.ceil(listed.length / 2)) : listed)
      .map((entry) => ({ path: entry.path, mode: entry.type === 'tree' ? '040000' : '100644', type: entry.type, sha: fakeSha(entry.path) }));
    return { status: 200, body: { sha, url: `${call.base}/repos/${repo.fullName}/git/trees/${sha}`, tree, truncated: repo.truncateTrees } };
  })],
  ['GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', withRepo((call, repo) => {
    const name = call.query.get('check_name') ?? undefined;
    const status = call.query.get('status') ?? undefined;
    // GitHub's default `filter=latest` lists the newest run of each name only; `all` lists every one.
    const all = repo.checkRunsFor(call.params['ref']!, name);
    const listed = call.query.get('filter') === 'all' ? all : all.filter((run) => !all.some((other) => other.name === run.name && other.id > run.id));
    const runs = listed.filter((run) => status === undefined || run.status === status).map((run) => checkRunJson(repo, run, call.base));
    return page(call, runs, `/repos/${repo.fullName}/commits/${call.params['ref']}/check-runs`, (items) => ({ total_count: runs.length, check_runs: items }));
  })],
  ['POST', '/repos/{owner}/{repo}/check-runs', withRepo((call, repo) => {
    const run: CheckRun = { id: repo.nextId(), name: String(call.body['name']), head_sha: String(call.body['head_sha']), status: 'queued', conclusion: null, output: { title: null, summary: null, text: null }, annotations: [], actions: [], updates: -1, started_at: new Date().toISOString(), completed_at: null };
    applyCheck(run, call.body);
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(repo, run, call.base) };
  })],
  ['PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', withRepo((call, repo) => {
    const run = repo.checkRuns.find((r) => r.id === Number(call.params['check_run_id']));
    if (!run) return notFound;
    applyCheck(run, call.body);
    return { status: 200, body: checkRunJson(repo, run, call.base) };
  })],
  ['GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', withRepo((call, repo) => {
    const run = repo.checkRuns.find((r) => r.id === Number(call.params['check_run_id']));
    return run ? page(call, run.annotations, `/repos/${repo.fullName}/check-runs/${run.id}/annotations`) : notFound;
  })],
  ['GET', '/repos/{owner}/{repo}/issues', withRepo((call, repo) => {
    const state = call.query.get('state') ?? 'open';
    const labels = (call.query.get('labels') ?? '').split(',').filter(Boolean);
    const issues = repo.issues.filter((issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)));
    return page(call, [...issues].reverse().map((issue) => issueJson(repo, issue, call.base)), `/repos/${repo.fullName}/issues`);
  })],
  ['POST', '/repos/{owner}/{repo}/issues', withRepo((call, repo) => {
    const refused = tooLong('Issue', call.body);
    if (refused) return refused;
    const issue = {
      number: repo.nextNumber(), title: String(call.body['title']), body: String(call.body['body'] ?? ''), state: 'open' as const, state_reason: null,
      labels: ((call.body['labels'] as string[] | undefined) ?? []).map(String), user: call.user, isPull: false,
    };
    repo.issues.push(issue);
    return { status: 201, body: issueJson(repo, issue, call.base) };
  })],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', withRepo((call, repo) => {
    const issue = repo.issues.find((i) => i.number === Number(call.params['issue_number']));
    if (!issue) return notFound;
    const refused = tooLong('Issue', call.body);
    if (refused) return refused;
    if (typeof call.body['title'] === 'string') issue.title = call.body['title'];
    if (typeof call.body['body'] === 'string') issue.body = call.body['body'];
    if (call.body['state'] === 'open' || call.body['state'] === 'closed') {
      issue.state = call.body['state'];
      issue.state_reason = issue.state === 'closed' ? String(call.body['state_reason'] ?? 'completed') : 'reopened';
    }
    return { status: 200, body: issueJson(repo, issue, call.base) };
  })],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', withRepo((call, repo) => {
    const number = Number(call.params['issue_number']);
    const comments = repo.comments.filter((c) => c.issue_number === number).map((c) => commentJson(repo, c, call.base));
    return page(call, comments, `/repos/${repo.fullName}/issues/${number}/comments`);
  })],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', withRepo((call, repo) => {
    const number = Number(call.params['issue_number']);
    if (!repo.issues.some((i) => i.number === number)) return notFound;
    const refused = tooLong('IssueComment', call.body);
    if (refused) return refused;
    const comment = { id: repo.nextId(), issue_number: number, body: String(call.body['body']), user: call.user };
    repo.comments.push(comment);
    return { status: 201, body: commentJson(repo, comment, call.base) };
  })],
  ['POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', withRepo((call, repo) => {
    const id = Number(call.params['comment_id']);
    const existing = repo.reactions.find((r) => r.comment_id === id && r.content === call.body['content'] && r.user.login === call.user.login);
    if (existing) return { status: 200, body: { id: existing.id, content: existing.content } };
    const reaction = { id: repo.nextId(), comment_id: id, content: String(call.body['content']), user: call.user };
    repo.reactions.push(reaction);
    return { status: 201, body: { id: reaction.id, content: reaction.content } };
  })],
  ['GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', withRepo((call, repo) => {
    const role = repo.collaborators.get(call.params['username']!);
    // GitHub answers 404 for a user who is not a collaborator.
    if (!role) return notFound;
    const folded = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    const flags = { admin: role === 'admin', maintain: ['admin', 'maintain'].includes(role), push: ['admin', 'maintain', 'write'].includes(role), triage: role !== 'read', pull: true };
    return { status: 200, body: { permission: folded, role_name: role, user: { login: call.params['username'], id: 42, type: 'User', permissions: flags } } };
  })],
];

export { BOT };
