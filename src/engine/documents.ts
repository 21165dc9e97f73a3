import { classifyFamily, classifyKind, featureFolder } from './classify.js';
import type { Config } from './config/schema.js';
import { decode } from './markdown/decode.js';
import { findPathology } from './markdown/guard.js';
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
    const pathology = findPathology(decoded.text);
    if (pathology) {
      unreadable.push({ path: file.path, line: pathology.line, message: `Unexpected markdown too costly to parse (${pathology.reason}); the file was not checked` });
      continue;
    }
    try {
      documents.push(toDocument(file.path, decoded.text));
    } catch (error) {
      // The markdown parser recurses; nesting thousands of levels deep (`>>>>…`) exhausts the stack.
      const reason = error instanceof RangeError ? 'nesting too deep to parse' : error instanceof Error ? error.message : String(error);
      unreadable.push({ path: file.path, line: 1, message: `Unexpected document structure (${reason}); the file was not checked` });
    }
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
