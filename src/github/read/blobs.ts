import { rest, type GitHubClient, type RepoRef } from '../client.js';

/** One thing to fetch at a revision: a file, or a folder with its files two levels deep. */
export interface ObjectRequest {
  /** `<sha>:<path>`, as GraphQL's `Repository.object(expression:)` takes it. */
  expression: string;
  tree?: boolean;
}

/**
 * A file's bytes as GraphQL reports them: `text` is null for binary files, and only the
 * first 512,000 bytes when `isTruncated` (GitHub's limit; `byteSize` is the whole size).
 */
export interface BlobContent {
  path?: string;
  text: string | null;
  isBinary: boolean;
  isTruncated: boolean;
  byteSize: number;
  /** The git blob SHA: a name for exactly these bytes, whatever path or commit holds them. */
  oid?: string;
}

/** What one expression resolved to: nothing, a file, or a folder's files (keyed by path). */
export type ObjectResult =
  | { type: 'missing' }
  | { type: 'blob'; blob: BlobContent }
  | { type: 'tree'; blobs: Map<string, BlobContent>; folders: string[] };

/** Aliases per query: GitHub's node limit and response size both stay small. */
export const BATCH_SIZE = 50;

const BLOB = 'oid text isBinary isTruncated byteSize';
const ENTRY = `path type object { ... on Blob { ${BLOB} } }`;
// Two levels: a feature folder and its `checklists/`, `contracts/` subfolders.
const TREE = `... on Tree { entries { path type object { ... on Blob { ${BLOB} } ... on Tree { entries { ${ENTRY} } } } } }`;

function field(alias: string, request: ObjectRequest): string {
  // JSON string syntax is valid GraphQL string syntax, escapes included.
  const selection = request.tree ? TREE : `... on Blob { ${BLOB} }`;
  return `${alias}: object(expression: ${JSON.stringify(request.expression)}) { __typename ${selection} }`;
}

/**
 * Resolves many expressions with one GraphQL query per {@link BATCH_SIZE}; the batches go
 * out together, so any number of files costs one round trip.
 */
export async function fetchObjects({ octokit, owner, repo, requests }: RepoRef & { octokit: GitHubClient; requests: readonly ObjectRequest[] }): Promise<ObjectResult[]> {
  const batches: ObjectRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
  const answers = await Promise.all(batches.map(async (batch) => {
    const fields = batch.map((request, i) => field(`o${i}`, request)).join('\n');
    const query = `query($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) {\n${fields}\n} }`;
    const data = (await octokit.graphql(query, { owner, repo })) as { repository: Record<string, RawObject | null> | null };
    return batch.map((_, i) => toResult(data.repository?.[`o${i}`] ?? null));
  }));
  return answers.flat();
}

interface RawEntry {
  path: string;
  type: string;
  object: RawObject | null;
}

interface RawObject extends Partial<Omit<BlobContent, 'path'>> {
  __typename?: string;
  entries?: RawEntry[];
}

function toResult(raw: RawObject | null): ObjectResult {
  if (!raw) return { type: 'missing' };
  if (raw.entries) {
    const blobs = new Map<string, BlobContent>();
    const folders: string[] = [];
    collect(raw.entries, blobs, folders);
    return { type: 'tree', blobs, folders };
  }
  if (raw.__typename === 'Tree') return { type: 'tree', blobs: new Map(), folders: [] };
  if (raw.__typename !== undefined && raw.__typename !== 'Blob') return { type: 'missing' };
  return { type: 'blob', blob: toBlob(raw) };
}

function collect(entries: RawEntry[], blobs: Map<string, BlobContent>, folders: string[]): void {
  for (const entry of entries) {
    if (entry.type === 'tree') {
      folders.push(entry.path);
      if (entry.object?.entries) collect(entry.object.entries, blobs, folders);
    } else if (entry.type === 'blob' && entry.object) {
      blobs.set(entry.path, { path: entry.path, ...toBlob(entry.object) });
    }
  }
}

function toBlob(raw: RawObject): BlobContent {
  return {
    text: raw.text ?? null, isBinary: raw.isBinary === true, isTruncated: raw.isTruncated === true, byteSize: raw.byteSize ?? 0,
    ...(typeof raw.oid === 'string' ? { oid: raw.oid } : {}),
  };
}

/**
 * A file's whole text at `ref`, through the contents API's raw media type (up to 100 MB),
 * for the blobs GraphQL truncated.
 */
export async function readFullText({ octokit, owner, repo, ref, path }: RepoRef & { octokit: GitHubClient; ref: string; path: string }): Promise<string> {
  return rest<string>(octokit, 'GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path, ref, mediaType: { format: 'raw' } });
}
