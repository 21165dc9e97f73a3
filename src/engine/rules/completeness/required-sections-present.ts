import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import type { Document, Section } from '../../types.js';
import { ITEM_HEADINGS, normaliseTitle, requiredSectionsOf, titleMatches } from './required-sections.js';

/**
 * The sections a template makes mandatory are present and hold content (an HTML
 * comment alone is empty). Documents whose headings are mostly not ASCII are written
 * in another language; their headings are translated, so they are not checked.
 */
export default defineRule({
  meta: {
    id: 'required-sections-present',
    gate: 'completeness',
    description: 'Specs and plans have the sections their template requires, each with content.',
    kinds: ['spec', 'plan'],
    severity: 'warning',
    options: z.strictObject({ sections: z.optional(z.array(z.string().check(z.minLength(1)))) }),
  },
  check({ document, options, report }) {
    const required = options.sections ?? requiredSectionsOf(document.kind, document.family, document.text);
    if (required.length === 0 || translated(document)) return;
    for (const entry of required) {
      const name = entry.split('|')[0]!;
      const section = document.sections.find((s) => s.depth >= 2 && titleMatches(s.title, entry)) ?? itemHeading(document, name);
      if (!section && name === 'Summary' && hasLead(document)) continue;
      if (!section) {
        report({ line: 1, message: `Missing section \`${name}\`, expected it in a ${document.family} ${document.kind}` });
      } else if (isEmpty(document, section)) {
        report({ line: section.line, message: `Unexpected empty section \`${section.title}\`, expected content under it` });
      }
    }
  },
});

/** The first heading that writes one item of the section as its own heading (`## FR-001: ...`), if any. */
function itemHeading(document: Document, name: string): Section | undefined {
  const pattern = ITEM_HEADINGS[name];
  return pattern ? document.sections.find((s) => s.depth >= 2 && pattern.test(normaliseTitle(s.title).toUpperCase())) : undefined;
}

// `**Branch**: …`, `**Input**: …`: the template's header fields, not a summary.
const HEADER_FIELD = /^\s*(?:[-*+]\s+)?\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)/;

/**
 * A plan that opens with a paragraph of prose under its title (before its first section) has
 * its summary there, without the heading: hand-written plans often do.
 */
function hasLead(document: Document): boolean {
  const title = document.sections.find((s) => s.depth === 1);
  const first = document.sections.find((s) => s.depth >= 2);
  if (!title || !first || first.line <= title.line) return false;
  return document.prose.slice(title.line, first.line - 1).some((line) => {
    const text = line.trim();
    return text.split(/\s+/).length >= 8 && !HEADER_FIELD.test(line) && !/^[>|#]/.test(text);
  });
}

function translated(document: Document): boolean {
  const titles = document.sections.filter((s) => s.depth >= 2).map((s) => s.title);
  const foreign = titles.filter((title) => /[^\t -~\u2013\u2014\u2019\u2192\u2705]/.test(title.replace(/\p{Extended_Pictographic}/gu, '')));
  return titles.length > 0 && foreign.length * 2 >= titles.length;
}

// Content is any block but a heading, an HTML comment or a rule, anywhere in the section.
function isEmpty(document: Document, section: Section): boolean {
  // A scanned document has no tree: any prose line that is not a heading or a rule is content.
  if (document.scanned) return !document.prose.slice(section.line, section.endLine).some((line) => line.trim() !== '' && !/^\s*(#|(?:[-*_]\s*){3,}$)/.test(line));
  return !document.blocks.some(({ type, line }) => line > section.line && line <= section.endLine && type !== 'heading' && type !== 'html' && type !== 'thematicBreak');
}
