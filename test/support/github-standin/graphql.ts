import { createHash } from 'node:crypto';
import type { Repo, State } from './state.js';

/**
 * Answers the one GraphQL shape specgate sends: aliased `repository.object(expression:)`
 * fields. Each alias resolves to a Blob (oid, text, isBinary, isTruncated, byteSize) or a Tree whose
 * entries carry their objects two levels deep, whatever fragments were asked for.
 */
export function answerGraphql(state: State, body: { query: string; variables?: Record<string, unknown> }): { status: number; body: unknown } {
  const variables = body.variables ?? {};
  const owner = String(variables['owner'] ?? '');
  const name = String(variables['repo'] ?? '');
  const repo = state.repo(owner, name);
  if (!repo) return { status: 200, body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a Repository with the name '${owner}/${name}'.` }] } };
  const fields = /(\w+)\s*:\s*object\(\s*expression:\s*("(?:[^"\\]|\\.)*")\s*\)/g;
  const repository: Record<string, unknown> = {};
  for (const match of body.query.matchAll(fields)) {
    repository[match[1]!] = objectJson(repo, JSON.parse(match[2]!) as string, 2);
  }
  return { status: 200, body: { data: { repository } } };
}

const BLOB_TEXT_LIMIT = 512_000;

function objectJson(repo: Repo, expression: string, depth: number): unknown {
  const found = repo.resolve(expression);
  if (!found) return null;
  if ('blob' in found) {
    const binary = found.blob.includes('\u0000');
    // GitHub cuts `Blob.text` at 512,000 bytes and says so in `isTruncated`.
    const bytes = Buffer.from(found.blob);
    const truncated = !binary && bytes.byteLength > BLOB_TEXT_LIMIT;
    const text = binary ? null : truncated ? bytes.subarray(0, BLOB_TEXT_LIMIT).toString('utf8') : found.blob;
    return { __typename: 'Blob', oid: blobOid(bytes), text, isBinary: binary, isTruncated: truncated, byteSize: bytes.byteLength };
  }
  const ref = expression.slice(0, expression.indexOf(':'));
  return {
    __typename: 'Tree',
    entries: found.tree.map((path) => {
      const child = repo.resolve(`${ref}:${path}`);
      const type = child && 'tree' in child ? 'tree' : 'blob';
      const object = type === 'tree' && depth <= 1 ? { __typename: 'Tree' } : objectJson(repo, `${ref}:${path}`, depth - 1);
      return { name: path.split('/').at(-1), path, type, object };
    }),
  };
}

/** The blob's SHA as git names it: the SHA-1 of `blob <length>\0` and the bytes. */
export function blobOid(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
