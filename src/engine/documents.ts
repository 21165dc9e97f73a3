import { classifyFamily, classifyKind, featureFolder } from './classify.js';
import type { Config } from './config/schema.js';
import { decode } from './markdown/decode.js';
import { parseMarkdown } from './markdown/parse.js';
import type { Document, RawFinding, SourceFile } from './types.js';

/** A file the engine could not turn into a document, and why. */
export interface Unreadable extends RawFinding {
  path: string;
}

/** Decodes, parses and classifies files; what cannot be read comes back as findings. */
export function loadDocuments(files: readonly SourceFile[], config: Config): { documents: Document[]; unreadable: Unreadable[] } {
  const documents: Document[] = [];
  const unreadable: Unreadable[] = [];
  for (const file of files) {
    const size = typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength;
    if (size > config['max-file-size']) {
      unreadable.push({ path: file.path, line: 1, message: `Unexpected file size of ${size} bytes, expected at most \`max-file-size\` (${config['max-file-size']}); the file was not checked` });
      continue;
    }
    const decoded = decode(file.content);
    if (!decoded.ok) {
      unreadable.push({ path: file.path, line: 1, message: 'Unexpected binary content (a NUL byte); the file was not checked' });
      continue;
    }
    if (decoded.invalidUtf8) {
      const line = firstReplacementLine(decoded.text);
      unreadable.push({ path: file.path, line, message: 'Unexpected invalid UTF-8; the bytes were read as `U+FFFD` and the rest of the file was checked' });
    }
    documents.push(toDocument(file.path, decoded.text));
  }
  return { documents, unreadable };
}

/** Builds the document model for one decoded text. */
export function toDocument(path: string, text: string): Document {
  const parsed = parseMarkdown(text);
  const kind = classifyKind(path, text);
  return {
    path,
    kind,
    family: classifyFamily(kind, text),
    feature: featureFolder(path, kind),
    text,
    ...parsed,
  };
}

function firstReplacementLine(text: string): number {
  const index = text.indexOf('\uFFFD');
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}
