import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace, readLines } from './parse.js';

/**
 * A main spec's Purpose is one somebody wrote: not the sentence `openspec archive` puts in a
 * spec it creates (`TBD - created by archiving change <id>. Update Purpose after archive.`),
 * not a leading `TBD`/`TODO`, and not shorter than OpenSpec's 50 characters.
 */
const ARCHIVE_PLACEHOLDER = /TBD - created by archiving change .*?\. Update Purpose after archive\./;
const LEADING_MARKER = /^(?:TBD|TODO)(?![\p{L}\p{N}\p{M}_])/u;
const MIN_PURPOSE = 50;

export default defineRule({
  meta: {
    id: 'openspec-purpose-written',
    gate: 'completeness',
    description: "An OpenSpec main spec's Purpose is written: not archive's placeholder, not a TBD, at least 50 characters.",
    kinds: ['spec'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (openspecPlace(document.path)?.type !== 'main-spec') return;
    const read = readLines(document);
    const purpose = read.sections.find((section) => /^Purpose$/i.test(section.title));
    if (!purpose) return;
    const body: { line: number; text: string }[] = [];
    for (let index = purpose.line; index < purpose.endLine; index += 1) {
      if (read.fenced[index] || /^#{1,6}\s/.test(document.lines[index]!)) continue;
      if (document.lines[index]!.trim() !== '') body.push({ line: index + 1, text: document.lines[index]!.trim() });
    }
    if (body.length === 0) return;
    const placeholder = body.find((entry) => ARCHIVE_PLACEHOLDER.test(entry.text));
    if (placeholder) {
      report({ line: placeholder.line, message: "Unexpected archive placeholder as the Purpose, expected what this capability is for (`openspec archive` wrote this line when it created the spec)" });
      return;
    }
    if (LEADING_MARKER.test(body[0]!.text)) {
      report({ line: body[0]!.line, message: 'Unexpected `TBD`/`TODO` as the Purpose, expected what this capability is for' });
      return;
    }
    const length = body.map((entry) => entry.text).join('\n').length;
    if (length < MIN_PURPOSE) report({ line: body[0]!.line, message: `Unexpected Purpose of ${length} characters, expected at least ${MIN_PURPOSE} saying what the capability is for` });
  },
});
