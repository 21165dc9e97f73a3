/**
 * Regenerates test/support/github-standin/openapi-extract.json: the operations specgate
 * uses, cut out of GitHub's official REST description (`@octokit/openapi`). The package
 * is ~385 MB installed, so it is never a dependency: `npm pack` fetches its tarball into
 * a temporary folder, and only the operations below are kept (method, path template,
 * parameters, request-body schema, with every `$ref` inlined).
 *
 *   node --import ./scripts/register.js scripts/extract-openapi.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every REST operation src/github, src/app and Probot's auth send. */
export const OPERATIONS = [
  'GET /app',
  'POST /app/installations/{installation_id}/access_tokens',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
  'POST /repos/{owner}/{repo}/check-runs',
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  'GET /repos/{owner}/{repo}/compare/{basehead}',
  'GET /repos/{owner}/{repo}/contents/{path}',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
  'GET /repos/{owner}/{repo}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolve(node: Json, root: Json, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => resolve(item, root, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    // Recursive schemas are cut at the second visit; request bodies never need that depth.
    if (seen.includes(ref)) return {};
    const target = ref.slice(2).split('/').reduce<Json>((at, key) => (at as Record<string, Json>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null, root);
    return resolve(target, root, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(value, root, seen)]));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'specgate-openapi-'));
  try {
    execFileSync('npm', ['pack', '@octokit/openapi', '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, 'package/generated/api.github.com.json', 'package/package.json']);
    const spec = JSON.parse(readFileSync(join(dir, 'package/generated/api.github.com.json'), 'utf8')) as Json & { paths: Record<string, Record<string, Json>> };
    const version = (JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')) as { version: string }).version;
    const operations = OPERATIONS.map((entry) => {
      const [method, path] = entry.split(' ') as [string, string];
      const operation = spec.paths[path]?.[method.toLowerCase()] as Record<string, Json> | undefined;
      if (!operation) throw new Error(`Missing operation ${entry} in @octokit/openapi ${version}`);
      const parameters = (resolve(operation['parameters'] ?? [], spec) as Record<string, Json>[]).map((p) => ({
        name: p['name'], in: p['in'], required: p['required'] === true, schema: p['schema'] ?? {},
      }));
      const body = resolve(operation['requestBody'] ?? null, spec) as { required?: boolean; content?: Record<string, { schema?: Json }> } | null;
      return {
        method, path, operationId: operation['operationId'], parameters,
        ...(body ? { requestBody: { required: body.required === true, schema: body.content?.['application/json']?.schema ?? {} } } : {}),
      };
    });
    const out = join(import.meta.dirname, '../test/support/github-standin/openapi-extract.json');
    writeFileSync(out, `${JSON.stringify({ source: `@octokit/openapi@${version} generated/api.github.com.json`, operations }, null, 1)}\n`);
    console.log(`Wrote ${operations.length} operations from @octokit/openapi@${version} to ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
