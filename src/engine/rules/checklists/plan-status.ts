import type { Document, Section, Table } from '../../types.js';

/** Where and how a document declares its work complete. */
export interface CompletionDeclaration {
  line: number;
  /** What was read, for the message: `**Status**: Done`, `status: complete`, ... */
  evidence: string;
}

// First word of a status value that means "the work is finished". `Incomplete` never matches.
const DONE_WORD = /^(complete|completed|done|implemented|finished|delivered)\b/i;

/** Whether a status value (cell or field) says the work is finished. */
export function isDoneValue(value: string): boolean {
  const clean = value.replace(/[*_`]/g, '').replace(/^(?:\s|✅|☑|✔|\uFE0F)+/u, '').trim();
  return DONE_WORD.test(clean);
}

/**
 * Reads a document's own declaration that it is complete, conservatively: only
 * 1. front matter `status: complete|done|implemented|...`;
 * 2. a `Status: Complete` field (bold or not, alone or in a `|`-separated header line)
 *    before the first `##` heading, so a phase's own status never counts;
 * 3. a `Status` row of the `## Overview` attribute table;
 * 4. a `## Files to Create/Modify` table whose `Status` column is done in every row.
 */
export function declaredComplete(document: Document): CompletionDeclaration | undefined {
  return fromFrontmatter(document) ?? fromHeader(document) ?? fromOverview(document) ?? fromFilesTable(document);
}

function fromFrontmatter(document: Document): CompletionDeclaration | undefined {
  const status = document.frontmatter?.['status'];
  if (typeof status !== 'string' || !isDoneValue(status)) return undefined;
  const index = document.lines.findIndex((line) => /^status\s*:/i.test(line));
  return { line: index + 1 || 1, evidence: `status: ${status}` };
}

function fromHeader(document: Document): CompletionDeclaration | undefined {
  const end = document.sections.find((s) => s.depth >= 2)?.line ?? document.prose.length + 1;
  for (let i = 0; i < end - 1; i++) {
    for (const part of (document.prose[i] ?? '').split('|')) {
      const match = /^\s*(?:[-*]\s+)?Status\s*[:：]\s*(.+)$/i.exec(part.replace(/[*_]/g, ''));
      if (match && isDoneValue(match[1]!)) return { line: i + 1, evidence: `Status: ${match[1]!.trim()}` };
    }
  }
  return undefined;
}

function tablesIn(document: Document, title: RegExp): Array<{ table: Table; section: Section }> {
  const sections = document.sections.filter((s) => title.test(s.title.trim()));
  return document.tables.flatMap((table) => {
    const section = sections.find((s) => table.line > s.line && table.line <= s.endLine);
    return section ? [{ table, section }] : [];
  });
}

function fromOverview(document: Document): CompletionDeclaration | undefined {
  for (const { table } of tablesIn(document, /^overview$/i)) {
    const row = table.rows.find((r) => r.cells[0]?.replace(/[*_]/g, '').trim().toLowerCase() === 'status');
    const value = row?.cells[1] ?? '';
    if (row && isDoneValue(value)) return { line: row.line, evidence: `Status | ${value}` };
  }
  return undefined;
}

function fromFilesTable(document: Document): CompletionDeclaration | undefined {
  for (const { table } of tablesIn(document, /^files to (create|modify|change)/i)) {
    const column = table.header.cells.findIndex((cell) => cell.trim().toLowerCase() === 'status');
    if (column < 0 || table.rows.length === 0) continue;
    if (table.rows.every((row) => isDoneValue(row.cells[column] ?? ''))) {
      return { line: table.line, evidence: 'every row of `Files to Create/Modify` has Status done' };
    }
  }
  return undefined;
}
