import { featureFolder } from '../../engine/classify.js';
import { isGated, type Config, type SourceFile } from '../../engine/index.js';
import { selectOpenSpec } from '../../engine/openspec/select.js';
import { mainSpecPath, openspecPlace } from '../../engine/rules/openspec/parse.js';
import type { GitHubClient, RepoRef } from '../client.js';
import { fetchObjects, readFullText, type BlobContent, type ObjectRequest } from './blobs.js';
import { readTree, TRUNCATED_TREE_NOTE } from './tree.js';
import type { ChangedFile } from './pull-request.js';

export interface ReadDocumentsInput extends RepoRef {
  octokit: GitHubClient;
  headSha: string;
  /** Where the constitution and the "before" texts are read: the base, never the head. */
  baseSha: string;
  changed: readonly ChangedFile[];
  config: Config;
}

/** What the engine is given for one PR. */
export interface PullRequestDocuments {
  /** Gated changed files and their feature-folder siblings at the head, plus the constitution. */
  files: SourceFile[];
  /** Texts before the change, for gated files the PR modifies. */
  base: Map<string, string>;
  /** Gated paths the PR changes, and every document of an OpenSpec change it touches (what the engine's findings should be about). */
  changed: string[];
  /** Path of the constitution used, if any. */
  constitution?: string;
  /** Every file path at the head, for rules that look for files; absent when GitHub truncated the listing. */
  tree?: Set<string>;
  /** Things the summary and the log should say (a truncated tree). */
  notes: string[];
}

/**
 * Reads what the gates need in one round trip: feature folders at the head SHA (changed
 * files and the siblings rules compare them with), base texts of modified files, the
 * constitution from the base, and (sent together with them) the head's file list. The
 * OpenSpec documents are picked from that list ({@link selectOpenSpec}: each touched change
 * whole, the main specs its deltas apply to) and read in a second batch.
 * Nothing is fetched for a PR that changes no gated file and touches no OpenSpec change.
 */
export async function readDocuments(input: ReadDocumentsInput): Promise<PullRequestDocuments> {
  const { config, headSha, baseSha } = input;
  const gated = input.changed.filter((file) => file.status !== 'removed' && isGated(file.path, config));
  const openspec = input.changed.filter((file) => openspecPlace(file.path) !== undefined && isGated(withMarkdown(file.path), config));
  if (gated.length === 0 && openspec.length === 0) return { files: [], base: new Map(), changed: [], notes: [] };
  const constitutionChanged = gated.some((file) => config.constitution.includes(file.path));
  const plain = gated.filter((file) => openspecPlace(file.path) === undefined);
  const features = [...new Set(plain.map((file) => folderOf(file.path, config)).filter((folder) => folder !== ''))];
  const loose = plain.filter((file) => folderOf(file.path, config) === '');
  const modified = gated.filter((file) => file.status === 'modified' || file.status === 'renamed' || file.status === 'changed');
  const constitution = constitutionChanged ? [] : config.constitution;

  const requests: ObjectRequest[] = [
    ...features.map((folder) => ({ expression: `${headSha}:${folder}`, tree: true })),
    ...loose.map((file) => ({ expression: `${headSha}:${file.path}` })),
    ...modified.map((file) => ({ expression: `${baseSha}:${file.previousPath ?? file.path}` })),
    ...constitution.map((path) => ({ expression: `${baseSha}:${path}` })),
  ];
  const [results, tree] = await Promise.all([fetchObjects({ ...input, requests }), readTree({ ...input, sha: headSha })]);

  const files = new Map<string, SourceFile>();
  const pending: Promise<void>[] = [];
  const add = (path: string, blob: BlobContent, ref: string): void => {
    pending.push(addFile({ ...input, files, path, blob, ref }));
  };
  let index = 0;
  for (const _folder of features) {
    const result = results[index++];
    if (result?.type !== 'tree') continue;
    for (const [path, blob] of result.blobs) if (isGated(path, config)) add(path, blob, headSha);
  }
  for (const file of loose) {
    const result = results[index++];
    if (result?.type === 'blob') add(file.path, result.blob, headSha);
  }
  const base = new Map<string, string>();
  for (const file of modified) {
    const result = results[index++];
    const ref = { ...input, path: file.previousPath ?? file.path, ref: baseSha };
    if (result?.type === 'blob') pending.push(wholeText(ref, result.blob).then((text) => void (text !== undefined && base.set(file.path, text))));
  }
  let constitutionPath = constitutionChanged ? gated.find((file) => config.constitution.includes(file.path))?.path : undefined;
  for (const path of constitution) {
    const result = results[index++];
    if (constitutionPath === undefined && result?.type === 'blob') {
      constitutionPath = path;
      add(path, result.blob, baseSha);
    }
  }
  const selected = openspec.length === 0 ? [] : openspecGated(input, tree.state === 'complete' ? tree.paths : undefined);
  const selectedResults = await fetchObjects({ ...input, requests: selected.map((path) => ({ expression: `${headSha}:${path}` })) });
  selected.forEach((path, at) => {
    const result = selectedResults[at];
    if (result?.type === 'blob') add(path, result.blob, headSha);
  });
  // Only blobs GraphQL truncated cost a request here.
  await Promise.all(pending);
  return {
    files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)),
    base,
    changed: [...new Set([...gated.map((file) => file.path), ...selected])].sort(),
    ...(constitutionPath ? { constitution: constitutionPath } : {}),
    ...(tree.state === 'complete' ? { tree: tree.paths } : {}),
    notes: tree.state === 'truncated' ? [TRUNCATED_TREE_NOTE] : [],
  };
}

/**
 * The OpenSpec documents a PR gates, from the head's file list; without the list (GitHub
 * truncated it), the OpenSpec files it changes and the main specs its changed deltas name
 * (asked for: one that does not exist is simply not read).
 */
function openspecGated({ changed, config }: ReadDocumentsInput, tree: ReadonlySet<string> | undefined): string[] {
  const present = changed.filter((file) => file.status !== 'removed').map((file) => file.path);
  const mains = present.flatMap((path) => {
    const place = openspecPlace(path);
    return place?.type === 'delta-spec' && !place.archived ? [mainSpecPath(place.root, place.capability)] : [];
  });
  const { gate } = selectOpenSpec(changed.map((file) => file.path), tree ?? [...present, ...mains]);
  return gate.filter((path) => isGated(path, config));
}

// A non-markdown file of a change (its `.openspec.yaml`) touches the change when the change's documents are gated.
function withMarkdown(path: string): string {
  return path.toLowerCase().endsWith('.md') ? path : `${path.slice(0, path.lastIndexOf('/') + 1)}proposal.md`;
}

function folderOf(path: string, config: Config): string {
  return config.constitution.includes(path) ? '' : featureFolder(path, 'other');
}

// Past every `max-file-size` specgate allows (10 MiB): the start is enough to fail the file and scan it.
const WHOLE_TEXT_LIMIT = 16 * 1_048_576;

interface BlobAt extends RepoRef {
  octokit: GitHubClient;
  path: string;
  ref: string;
}

/**
 * A blob's whole text: GraphQL's `text` stops at 512,000 bytes, so a truncated one is read
 * again through the contents API; `undefined` for binary blobs and ones too large to read.
 */
async function wholeText(at: BlobAt, blob: BlobContent): Promise<string | undefined> {
  if (blob.isBinary || blob.text === null) return undefined;
  if (!blob.isTruncated) return blob.text;
  return blob.byteSize > WHOLE_TEXT_LIMIT ? undefined : readFullText(at);
}

async function addFile({ files, blob, ...at }: BlobAt & { files: Map<string, SourceFile>; blob: BlobContent }): Promise<void> {
  const { path } = at;
  // A binary blob has no text; one NUL byte lets the engine report it as unreadable.
  if (blob.isBinary) return void files.set(path, { path, content: new Uint8Array([0]) });
  const text = await wholeText(at, blob);
  // The blob SHA names exactly the bytes read whole, so the evaluator's model cache may key them by it.
  if (text !== undefined) files.set(path, { path, content: text, ...(blob.oid ? { key: blob.oid } : {}) });
  // Too large to read whole: its start and its real size, so the engine fails it as oversize and still scans what it has.
  else if (blob.text !== null) files.set(path, { path, content: blob.text, size: blob.byteSize });
}

/** Whether a repository that has no config still opted in: one of the roots or the constitution exists at `ref`. */
export async function hasSpecFolders({ octokit, owner, repo, ref, config }: RepoRef & { octokit: GitHubClient; ref: string; config: Config }): Promise<boolean> {
  const paths = [...config.roots.filter((root) => !/[*?[{]/.test(root)), ...config.constitution];
  const results = await fetchObjects({ octokit, owner, repo, requests: paths.map((path) => ({ expression: `${ref}:${path}` })) });
  return results.some((result) => result.type !== 'missing');
}
