import { classifyFamily, classifyKind, featureFolder } from './classify.js';
import type { Config } from './config/schema.js';
import { decode } from './markdown/decode.js';
import { findPathology } from './markdown/guard.js';
import { packModel, unpackModel } from './markdown/pack.js';
import { analyse, proseOf } from './markdown/parse.js';
import { scanLines } from './markdown/scan-lines.js';
import { FAMILIES, KINDS, type Document, type DocumentModel, type FindingCache, type ModelCache, type PackedModel, type RawFinding, type SourceFile } from './types.js';

/** A file the engine could not turn into a document, and why. */
export interface Unreadable extends RawFinding {
  path: string;
}

/** What {@link loadDocuments} gives back: the documents, what could not be read, and which documents hold suppression comments. */
export interface LoadedDocuments {
  documents: Document[];
  unreadable: Unreadable[];
  /** Paths of the documents whose text names `specgate-`: only those can hold a suppression comment (suppress.ts). */
  marked: Set<string>;
}

/**
 * Decodes, parses and classifies files; what cannot be read comes back as findings. With a
 * cache, a file whose key it holds is not parsed again, and each model parsed is put in it.
 * With `facts` as well, what a keyed file is (see {@link Facts}) is kept under its key and
 * path: a file whose facts and model are both kept is neither classified nor decoded again,
 * and its text is decoded only if a rule reads it.
 */
export function loadDocuments(files: readonly SourceFile[], config: Config, cache?: ModelCache, facts?: FindingCache): LoadedDocuments {
  const documents: Document[] = [];
  const unreadable: Unreadable[] = [];
  const marked = new Set<string>();
  const views = new Unpacked();
  const limit = config['max-file-size'];
  for (const file of files) {
    const size = sizeOf(file);
    const key = size > limit ? undefined : file.key;
    const factsKey = key === undefined || cache === undefined || facts === undefined ? undefined : `facts:${key}:${file.path}`;
    const known = factsKey === undefined ? undefined : readFacts(facts!.get(factsKey));
    if (known && cache!.has?.(key!) === true) {
      if (known.invalid > 0) unreadable.push(invalidUtf8(file.path, known.invalid));
      if (known.marked) marked.add(file.path);
      const { kind, family, feature } = known;
      documents.push(lazyDocument({ path: file.path, kind, family, feature }, () => decodedText(file), views, (text) => modelFor(cache!, key!, text)));
      continue;
    }
    const decoded = decode(size > SCAN_LIMIT ? startOf(file.content) : file.content);
    if (!decoded.ok) {
      unreadable.push({ path: file.path, line: 1, message: 'Unexpected binary content (a NUL byte); the file was not checked. Add its path to `exclude` in `.github/specgate.yml` if it is not a document' });
      continue;
    }
    const text = decoded.text;
    const invalid = decoded.invalidUtf8 ? firstReplacementLine(text) : 0;
    if (invalid > 0) unreadable.push(invalidUtf8(file.path, invalid));
    if (text.includes(MARKER)) marked.add(file.path);
    const oversize = size > limit ? { line: 1, why: `Unexpected file size of ${size} bytes, expected at most \`max-file-size\` (${limit})` } : undefined;
    const deferred = key !== undefined && cache?.has?.(key) === true;
    const cached = key === undefined || deferred ? undefined : cache?.get(key);
    // A cached model was parsed from these very bytes, so they are not pathological: scanned documents are never cached.
    const skip = oversize ?? (cached || deferred ? undefined : pathologyOf(text));
    const identity = identityOf(file.path, text);
    const textOf = textSource(file, text);
    const document = deferred ? lazyDocument(identity, textOf, views, (again) => modelFor(cache!, key, again))
      : cached ? lazyDocument(identity, textOf, views, () => cached)
        : skip ? undefined : parseOrUndefined({ file, identity, text, textOf, unreadable, cache, views });
    const scanned = size > SCAN_LIMIT ? `${SCANNED} (its first ${SCAN_LIMIT / 1_048_576} MiB)` : SCANNED;
    if (skip) unreadable.push({ path: file.path, line: skip.line, message: `${skip.why}; ${scanned}. ${FIX}` });
    // Fail closed: what cannot be parsed is still read line by line, so padding a file hides nothing.
    documents.push(document ?? toScannedDocument(file.path, text));
    // Kept only for a document whose model the cache now holds: the facts let a later run skip the text.
    if (factsKey !== undefined && document !== undefined && cache!.has?.(key!) === true) {
      facts!.set(factsKey, { kind: identity.kind, family: identity.family, feature: identity.feature, invalid, marked: marked.has(file.path) } satisfies Facts);
    }
  }
  return { documents, unreadable, marked };
}

/** Every suppression comment names `specgate-`: a text without it holds none. */
const MARKER = 'specgate-';

/**
 * What a file is, kept under its content key and path: its classification, the line of its
 * first invalid UTF-8 sequence (0: none) and whether its text names `specgate-`.
 */
interface Facts {
  kind: Document['kind'];
  family: Document['family'];
  feature: string;
  invalid: number;
  marked: boolean;
}

/** Facts as {@link loadDocuments} wrote them, or undefined for a value of any other shape. */
function readFacts(value: unknown): Facts | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { kind, family, feature, invalid, marked } = value as Partial<Facts>;
  const valid = typeof kind === 'string' && KINDS.includes(kind) && typeof family === 'string' && FAMILIES.includes(family)
    && typeof feature === 'string' && typeof invalid === 'number' && Number.isInteger(invalid) && invalid >= 0 && typeof marked === 'boolean';
  return valid ? (value as Facts) : undefined;
}

/** The file's size in bytes: the one the shell gives, or its content's. */
function sizeOf(file: SourceFile): number {
  return file.size ?? (typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength);
}

/**
 * Where a lazy document's text comes from each time it is unpacked: bytes are decoded again,
 * so that the text of a released view is not kept (the bytes lie outside the JS heap, whose
 * growth would otherwise follow the number of documents); a string content is kept as it is.
 */
function textSource(file: SourceFile, text: string): () => string {
  return typeof file.content === 'string' || sizeOf(file) > SCAN_LIMIT ? () => text : () => decodedText(file);
}

/** The text of a file the engine parsed once (so one that decodes, within `max-file-size`). */
function decodedText(file: SourceFile): string {
  const decoded = decode(file.content);
  return decoded.ok ? decoded.text : '';
}

function invalidUtf8(path: string, line: number): Unreadable {
  return { path, line, message: 'Unexpected invalid UTF-8; the bytes were read as `U+FFFD` and the rest of the file was checked. Save the file as UTF-8' };
}

const SCANNED = 'it was only scanned line by line, for markers, checkboxes, ids and headings';
// Past this only the start is read (GitHub's contents API stops at 100 MB, a workspace file
// does not): enough to fail the file and scan what it opens with, in bounded time and memory.
const SCAN_LIMIT = 16 * 1_048_576;

/** The first {@link SCAN_LIMIT} bytes (or characters), cut before a partial UTF-8 sequence. */
function startOf(content: string | Uint8Array): string | Uint8Array {
  if (typeof content === 'string') return content.slice(0, SCAN_LIMIT);
  let end = SCAN_LIMIT;
  while (end > 0 && (content[end]! & 0xc0) === 0x80) end--;
  return content.subarray(0, end);
}
const FIX = 'Split the file, raise `max-file-size` in `.github/specgate.yml`, or add its path to `exclude`';

function pathologyOf(text: string): { line: number; why: string } | undefined {
  const pathology = findPathology(text);
  return pathology ? { line: pathology.line, why: `Unexpected markdown too costly to parse (${pathology.reason})` } : undefined;
}

interface ParseArgs {
  file: SourceFile;
  identity: Identity;
  text: string;
  textOf: () => string;
  unreadable: Unreadable[];
  cache: ModelCache | undefined;
  views: Unpacked;
}

/** The parsed document, kept packed (see {@link lazyDocument}); undefined, with a finding, when the parser gave up. */
function parseOrUndefined({ file, identity, text, textOf, unreadable, cache, views }: ParseArgs): Document | undefined {
  const { path } = file;
  try {
    const model = analyse(text);
    const packed = packModel(model, text);
    const key = file.key;
    if (cache && key !== undefined) {
      cache.set(key, packed);
      return lazyDocument(identity, textOf, views, (again) => modelFor(cache, key, again), withModel(identity, text, model));
    }
    // Without a cache the document keeps its model as UTF-8 JSON, outside the JS heap and a fraction of the objects' memory.
    const json = new TextEncoder().encode(JSON.stringify(packed));
    return lazyDocument(identity, textOf, views, () => JSON.parse(new TextDecoder().decode(json)) as PackedModel, withModel(identity, text, model));
  } catch (error) {
    // The markdown parser recurses; nesting thousands of levels deep (`>>>>…`) exhausts the stack.
    const reason = error instanceof RangeError ? 'nesting too deep to parse' : error instanceof Error ? error.message : String(error);
    unreadable.push({ path, line: 1, message: `Unexpected document structure (${reason}); ${SCANNED}. ${FIX}` });
    return undefined;
  }
}

/** The line-scanned model of a text the parser must not be given. */
function toScannedDocument(path: string, text: string): Document {
  return { ...identityOf(path, text), text, scanned: true, ...scanLines(text) };
}

/** The documents of each feature folder (`''`: none), in the order given. */
export function groupByFeature(documents: readonly Document[]): Map<string, Document[]> {
  const groups = new Map<string, Document[]>();
  for (const document of documents) {
    const list = groups.get(document.feature) ?? [];
    list.push(document);
    groups.set(document.feature, list);
  }
  return groups;
}

/**
 * Builds the document model for one decoded text. Safe on any text: one the parser must
 * not be given (see {@link findPathology}, or nesting past its stack) is scanned line by
 * line instead, so callers outside {@link loadDocuments} (marker collection, base texts)
 * cannot be stalled by a crafted file either.
 */
export function toDocument(path: string, text: string): Document {
  if (findPathology(text)) return toScannedDocument(path, text);
  try {
    return toParsedDocument(path, text);
  } catch (error) {
    if (error instanceof RangeError) return toScannedDocument(path, text);
    throw error;
  }
}

function toParsedDocument(path: string, text: string): Document {
  return withModel(identityOf(path, text), text, analyse(text));
}

/** What a document is, without its text or model. */
type Identity = Pick<Document, 'path' | 'kind' | 'family' | 'feature'>;

function identityOf(path: string, text: string): Identity {
  const kind = classifyKind(path, text);
  return { path, kind, family: classifyFamily(kind, text, path), feature: featureFolder(path, kind) };
}

/** A document from what it is, its text and a model parsed from it (now or in an earlier run). */
function withModel(identity: Identity, text: string, model: DocumentModel): Document {
  return { ...identity, text, lines: text.split('\n'), prose: proseOf(text, model.blanks), ...model };
}

/** The fields of a {@link Document} that come from its model (and its lines, which only rules read). */
const MODEL_FIELDS = ['lines', 'prose', 'blanks', 'sections', 'checkboxes', 'tables', 'frontmatter', 'nodes', 'blocks'] as const;

/**
 * How many documents are held unpacked at once: more than the documents of the largest
 * feature folder of the corpus and the constitutions, which rules read beside a document,
 * while a large run keeps the rest as packed models (about half the memory).
 */
const UNPACKED = 256;

/**
 * The unpacked views of one run's lazy documents: each view held is released when
 * {@link UNPACKED} newer ones are, oldest first (a rule reading a field pays one variable
 * read, not a lookup).
 */
class Unpacked {
  private readonly held: Array<(() => void) | undefined> = [];
  private next = 0;

  /** Holds a view until enough newer ones are held; `release` drops it. */
  hold(release: () => void): void {
    this.held[this.next]?.();
    this.held[this.next] = release;
    this.next = (this.next + 1) % UNPACKED;
  }
}

/**
 * A document whose text and model fields are read when a rule reads them: what the document
 * is (path, kind, family, feature) is known at once; a document whose findings a cache gives
 * back is never read, and the others are read while rules read them, a bounded number at a
 * time (see {@link UNPACKED}). `text` gives the text and `packed` the packed model each time
 * the document is read again, so a released view keeps neither; `parsed` is its view when it
 * was just parsed.
 */
function lazyDocument(identity: Identity, text: () => string, views: Unpacked, packed: (text: string) => PackedModel, parsed?: Document): Document {
  const document = { ...identity } as Document;
  let view = parsed;
  let own = parsed?.text;
  // Whether `views` holds this document's text or view (and will release them).
  let held = parsed !== undefined;
  const release = (): void => {
    view = own = undefined;
    held = false;
  };
  const hold = (): void => {
    if (!held) views.hold(release);
    held = true;
  };
  const textOf = (): string => {
    if (own === undefined) {
      own = text();
      hold();
    }
    return own;
  };
  const unpack = (): Document => {
    const source = textOf();
    return withModel(identity, source, unpackModel(packed(source), source));
  };
  Object.defineProperty(document, 'text', { enumerable: true, get: textOf });
  for (const field of MODEL_FIELDS) {
    Object.defineProperty(document, field, { enumerable: true, get: () => (view ??= unpack())[field] });
  }
  if (parsed) views.hold(release);
  return document;
}

/**
 * A cached model, or, when the cache lost it after all (a corrupt file), the text parsed
 * again and its model put back, so the cache mends itself. It was parsed from these bytes
 * once (scanned documents are never cached), so it is not pathological.
 */
function modelFor(cache: ModelCache, key: string, text: string): PackedModel {
  const packed = cache.get(key);
  if (packed) return packed;
  const parsed = packModel(analyse(text), text);
  cache.set(key, parsed);
  return parsed;
}

/**
 * The packed model of one file, or undefined when the engine would not parse it (binary,
 * larger than `max-file-size`, too costly, nested too deep): what a shell computes off the
 * main thread and puts in its {@link ModelCache} before {@link evaluate} runs.
 */
export function buildModel(file: SourceFile, config: Config): PackedModel | undefined {
  const size = sizeOf(file);
  if (size > SCAN_LIMIT || size > config['max-file-size']) return undefined;
  const decoded = decode(file.content);
  if (!decoded.ok || findPathology(decoded.text)) return undefined;
  try {
    return packModel(analyse(decoded.text), decoded.text);
  } catch {
    return undefined;
  }
}

function firstReplacementLine(text: string): number {
  const index = text.indexOf('\uFFFD');
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}
