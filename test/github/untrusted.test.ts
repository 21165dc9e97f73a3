import { expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { annotate } from '../../src/action/annotate.js';
import { writeSummary } from '../../src/action/write-summary.js';
import type { Finding, Report } from '../../src/engine/index.js';
import { hasSpecgateMarker, renderText, truncate, untrustedLog } from '../../src/engine/report/index.js';
import { closePullRequestIssues, decodeMeta, decodeWaiver, explainReply, issueBody, issueTitle, markerKey, planChecks, recordWaiver, refusalReply, syncClarificationIssues, unknownCommandReply, type ClarificationMarker, type IssueMeta } from '../../src/github/index.js';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { HOSTILE, LIMITS, LIVE_MENTION } from '../support/hostile-corpus.js';
import { octokitFor } from './octokit.js';

/**
 * Every writer of text specgate did not compose, fed the same hostile corpus: no output
 * may parse as a marker (with the real decoders), carry HTML or a code block of the
 * input's making, ping anyone, or pass GitHub's limits.
 */
const INPUTS = Object.entries(HOSTILE);
/** A path component is at most 255 bytes on every file system, so hostile paths are cut to that. */
const pathOf = (input: string): string => `specs/${truncate(input, 200)}/spec.md`;
const FINGERPRINT = /\n<!-- specgate:fingerprint [0-9a-f]{16} annotations:[0-9a-f]{16} -->\n$/;

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
function nodes(root: Root): Nodes[] {
  const all: Nodes[] = [];
  const walk = (node: Nodes): void => {
    all.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(root);
  return all;
}

/**
 * Asserts what every output must satisfy. `own` is the one hidden comment specgate put
 * there itself (the issue marker, the waiver record, the check fingerprint), removed
 * before looking for any other.
 */
function expectSafe(where: string, text: string, { limit, own, plain = false }: { limit: number; own?: string; plain?: boolean }): void {
  const context = `${where}: ${JSON.stringify(text.slice(0, 200))}`;
  expect([context, text.length <= limit]).toEqual([context, true]);
  expect([context, LIVE_MENTION.exec(text)?.index]).toEqual([context, undefined]);
  const rest = own === undefined ? text : text.replace(own, '');
  expect([context, hasSpecgateMarker(rest), rest.includes('<!--'), decodeMeta(rest), decodeWaiver(rest)]).toEqual([context, false, false, undefined, undefined]);
  // Places that render no markdown (titles) show HTML as the characters it is made of.
  if (plain) return;
  const made = nodes(parse(rest)).flatMap((node) => (node.type === 'html' || node.type === 'code' ? [node.value] : []));
  expect([context, made]).toEqual([context, []]);
}

const standIn = useStandIn();

test('issue titles and bodies', () => {
  const context = { owner: 'acme', repo: 'product', pull: { number: 7, headSha: 'a'.repeat(40) } };
  for (const [name, input] of INPUTS) {
    for (const meta of [
      { key: 'k', pr: 7, path: 'specs/001-x/spec.md', line: 3, question: truncate(input, 1_000) },
      { key: 'k', pr: 7, path: pathOf(input), line: 3, question: 'which one?' },
    ] satisfies IssueMeta[]) {
      expectSafe(`title (${name})`, issueTitle(meta), { limit: LIMITS.issueTitle, plain: true });
      const body = issueBody(meta, context);
      const own = body.slice(body.lastIndexOf('\n') + 1);
      expect(decodeMeta(body)).toEqual(meta);
      expectSafe(`body (${name})`, body, { limit: LIMITS.issueBody, own });
    }
  }
});

function finding(input: string, i: number): Finding {
  // As rules compose them: the quoted value in backticks (backticks inside replaced), then the raw text again.
  const message = `Unexpected value \`${truncate(input, 160).replace(/`/g, "'")}\` in ${input}, expected an answer`;
  return { rule: 'no-unresolved-clarifications', gate: 'clarifications', severity: 'error', path: pathOf(input), line: i + 1, message, docs: 'https://example.test/docs/rule.md' };
}

const hostileReport = (): Report => ({
  conclusion: 'failure',
  gates: [{ id: 'clarifications', conclusion: 'failure', findings: INPUTS.map(([, input], i) => finding(input, i)) }],
  documents: [],
  coverage: INPUTS.map(([, input]) => ({ feature: truncate(input, 200), spec: 'spec.md', tasks: 'tasks.md', rows: [{ id: truncate(input, 100), line: 1, via: 'id' as const, tasks: [truncate(input, 50)] }] })),
});

test('check-run summaries, titles and annotations', () => {
  const markers: ClarificationMarker[] = INPUTS.map(([, input], i) => ({ path: pathOf(input), feature: 'x', line: i + 1, question: input, key: String(i) }));
  const outcomes = [
    { kind: 'report' as const, report: hostileReport(), waivers: INPUTS.map(([, input]) => ({ gate: 'clarifications' as const, by: input, reason: input })), overflow: markers, notes: INPUTS.map(([, input]) => input) },
    { kind: 'invalid-config' as const, errors: INPUTS.map(([, input]) => ({ path: input, line: 2, message: `Unexpected value \`${input}\``, fix: input })) },
    ...INPUTS.map(([, input]) => ({ kind: 'error' as const, reason: input })),
  ];
  for (const outcome of outcomes) {
    for (const plan of planChecks(outcome)) {
      expectSafe(`${plan.name} summary (${outcome.kind})`, plan.summary, { limit: LIMITS.summary, own: FINGERPRINT.exec(plan.summary)?.[0] ?? '' });
      expectSafe(`${plan.name} title`, plan.title, { limit: LIMITS.checkTitle, plain: true });
      for (const annotation of plan.annotations) {
        expect(Buffer.byteLength(annotation.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
        expect(annotation.message).not.toMatch(/<!|--!?>|\n/);
        expect(LIVE_MENTION.test(annotation.message)).toBe(false);
        expect(annotation.title.length).toBeLessThanOrEqual(LIMITS.annotationTitle);
      }
    }
  }
});

test('command replies', () => {
  for (const [name, input] of INPUTS) {
    for (const reply of [explainReply(input), unknownCommandReply(input), refusalReply({ author: input, verb: 'waive', role: 'none' })]) {
      expectSafe(`reply (${name})`, reply, { limit: LIMITS.comment });
    }
  }
});

test('waiver records, issues and closing comments written through the API', async () => {
  const repo = standIn.state.addRepo('acme', 'corpus', { 'README.md': '# x\n' });
  repo.commit('feature', { 'specs/001-x/spec.md': '# Spec\n' });
  const pull = repo.openPull('feature');
  const octokit = octokitFor(standIn);
  const base = { octokit, owner: 'acme', repo: 'corpus' };
  for (const [, input] of INPUTS) {
    await recordWaiver({ ...base, number: pull.number, record: { gate: 'clarifications', by: input, reason: input, active: true } });
  }
  const markers: ClarificationMarker[] = INPUTS.flatMap(([, input], i) => [
    { path: 'specs/001-x/spec.md', feature: 'specs/001-x', line: i + 1, question: input || 'empty', key: markerKey('specs/001-x/spec.md', `${i}${input}`) },
    { path: pathOf(input), feature: 'specs/x', line: 1, question: 'which one?', key: markerKey(pathOf(input), `${i}`) },
  ]);
  const sync = { ...base, pull: { number: pull.number, headSha: pull.headSha }, checkedPaths: new Set(markers.map((m) => m.path)), botLogin: 'specgate[bot]' };
  const settings = { mode: 'on-open' as const, maxPerPr: 1_000, labels: ['specgate'], delayMs: 0 };
  await syncClarificationIssues({ ...sync, markers, settings, allowCreate: true });
  // Half resolved (closed with a comment naming the path), the rest closed with the PR.
  await syncClarificationIssues({ ...sync, markers: markers.filter((_m, i) => i % 2 === 0), settings, allowCreate: true });
  await closePullRequestIssues({ ...base, number: pull.number, label: 'specgate', botLogin: 'specgate[bot]' });

  expect(standIn.problems).toEqual([]);
  const issues = repo.realIssues();
  expect(issues.map((issue) => issue.state)).toEqual(markers.map(() => 'closed'));
  for (const issue of issues) {
    expectSafe(`issue title #${issue.number}`, issue.title, { limit: LIMITS.issueTitle, plain: true });
    expectSafe(`issue body #${issue.number}`, issue.body, { limit: LIMITS.issueBody, own: issue.body.slice(issue.body.lastIndexOf('\n') + 1) });
    expect(decodeMeta(issue.body)?.closedBy).toBe('specgate');
  }
  const records = repo.comments.filter((comment) => comment.issue_number === pull.number);
  expect(records.map((comment) => decodeWaiver(comment.body))).toEqual(INPUTS.map(([, input]) => ({ gate: 'clarifications', by: truncate(input, 100), reason: truncate(input, 1_000), active: true })));
  for (const comment of repo.comments) {
    expectSafe(`comment on #${comment.issue_number}`, comment.body, { limit: LIMITS.comment, own: comment.issue_number === pull.number ? comment.body.slice(comment.body.lastIndexOf('\n') + 1) : '' });
  }
});

test("the Action's job summary, annotations and log lines", async () => {
  const report = hostileReport();
  const findings = report.gates.flatMap((gate) => gate.findings);
  const out: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    out.push(String(chunk));
    return true;
  });
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'specgate-corpus-')), 'summary.md');
  writeFileSync(summaryFile, '');
  const previous = process.env.GITHUB_STEP_SUMMARY;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  try {
    const tally = annotate(findings);
    process.stdout.write(`${untrustedLog(renderText(report))}\n`);
    await writeSummary(report, { tally, notes: INPUTS.map(([, input]) => input) });
  } finally {
    spy.mockRestore();
    process.env.GITHUB_STEP_SUMMARY = previous;
  }
  expectSafe('job summary', readFileSync(summaryFile, 'utf8'), { limit: 1_048_576 });
  const lines = out.join('').split(/\r\n|\r|\n/);
  // Only the annotations @actions/core itself issues are workflow commands, and their data is escaped.
  const commands = lines.filter((line) => /^\s*(::|##\[)/.test(line));
  expect(commands.length).toBe(10);
  for (const command of commands) expect(command).toMatch(/^::error title=[^:]*,file=[^:]*,line=\d+::[^\r\n]*$/);
});
