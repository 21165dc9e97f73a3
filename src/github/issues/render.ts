import { truncate, untrustedCode, untrustedPlain, untrustedText } from '../../engine/report/index.js';
import type { IssueMeta } from './tracked.js';
import { encodeMeta } from './tracked.js';

/** Where the PR and repository live, for links. */
export interface IssueContext {
  owner: string;
  repo: string;
  pull: { number: number; headSha: string };
  /** The web root of the server the event came from (GHES too); no link when unknown. */
  serverUrl?: string;
}

/** GitHub refuses an issue title over 256 characters, and a body or comment over 65,536 (422). */
export const ISSUE_TITLE_LIMIT = 256;
export const ISSUE_BODY_LIMIT = 65_536;

/** How much of a question the body quotes; the rest is in the document. */
const QUOTE_MAX = 4_000;
/** A permalink longer than this (a path of thousands of characters) is left out rather than risk the body limit. */
const LINK_MAX = 2_000;

/**
 * `[001-login] Clarify: which identity providers …` — titles are for people; identity is
 * the hidden marker. Titles render no markdown, but mentions and comment delimiters in
 * the question are broken all the same, and the whole stays within GitHub's limit.
 */
export function issueTitle(meta: IssueMeta): string {
  const folder = meta.path.split('/').slice(-2, -1)[0] ?? '';
  const title = `${folder ? `[${untrustedPlain(folder, { max: 60 })}] ` : ''}Clarify: ${untrustedPlain(meta.question, { max: 80 })}`;
  // Breaking mentions adds characters; the parts above stay far below the limit, this is the backstop.
  return truncate(title, ISSUE_TITLE_LIMIT);
}

/**
 * The issue body: the question quoted, a permalink to the line (on the event's server; none
 * when it is unknown), how it closes, and the
 * hidden marker, last (the only place specgate reads it from). Everything taken from the
 * document goes through the untrusted-text functions, so a question can plant no marker,
 * ping nobody and open no code fence that would swallow the rest.
 */
export function issueBody(meta: IssueMeta, context: IssueContext): string {
  const link = context.serverUrl
    ? `${context.serverUrl.replace(/\/+$/, '')}/${context.owner}/${context.repo}/blob/${context.pull.headSha}/${meta.path.split('/').map(encodePathSegment).join('/')}#L${meta.line}`
    : undefined;
  const quote = untrustedText(meta.question, { max: QUOTE_MAX, multiline: true }).split('\n').map((line) => `> ${line}`).join('\n');
  return [
    `An open clarification in ${untrustedCode(meta.path, { max: 300 })} (line ${meta.line}), from #${meta.pr}:`,
    '',
    quote,
    '',
    ...(link && link.length <= LINK_MAX ? [`[View the line](${link})`, ''] : []),
    'Answer it in the document (for example under `## Clarifications`) and remove the `[NEEDS CLARIFICATION: …]` marker. specgate closes this issue when the marker is gone.',
    '',
    encodeMeta(meta),
  ].join('\n');
}

/** A path segment for a markdown link: `(` and `)`, which `encodeURIComponent` keeps, would end the link early. */
function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
