import type { IssueMeta } from './tracked.js';
import { encodeMeta } from './tracked.js';

/** Where the PR and repository live, for links. */
export interface IssueContext {
  owner: string;
  repo: string;
  pull: { number: number; headSha: string };
  serverUrl?: string;
}

/** `[001-login] Clarify: which identity providers …` — titles are for people; identity is the hidden marker. */
export function issueTitle(meta: IssueMeta): string {
  const folder = meta.path.split('/').slice(-2, -1)[0] ?? '';
  const question = meta.question.replace(/\s+/g, ' ');
  const short = question.length > 80 ? `${question.slice(0, 79)}…` : question;
  return `${folder ? `[${folder}] ` : ''}Clarify: ${short}`;
}

/** The issue body: the question quoted, a permalink to the line, how it closes, and the hidden marker. */
export function issueBody(meta: IssueMeta, context: IssueContext): string {
  const server = context.serverUrl ?? 'https://github.com';
  const link = `${server}/${context.owner}/${context.repo}/blob/${context.pull.headSha}/${meta.path.split('/').map(encodeURIComponent).join('/')}#L${meta.line}`;
  const quote = meta.question.split('\n').map((line) => `> ${line}`).join('\n');
  return [
    `An open clarification in \`${meta.path}\` (line ${meta.line}), from #${meta.pr}:`,
    '',
    quote,
    '',
    `[View the line](${link})`,
    '',
    'Answer it in the document (for example under `## Clarifications`) and remove the `[NEEDS CLARIFICATION: …]` marker. specgate closes this issue when the marker is gone.',
    '',
    encodeMeta(meta),
  ].join('\n');
}
