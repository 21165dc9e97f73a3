import type { Document, Section } from '../../types.js';

/** A section a Kiro template has: its name as the template writes it, and what else counts as it. */
export interface TemplateSection {
  name: string;
  /** Matched against heading titles, markup stripped. */
  pattern: RegExp;
}

/** The first heading (depth 2 or 3) that matches a template section, if any. */
export function findSection(document: Document, wanted: TemplateSection): Section | undefined {
  return document.sections.find((section) => section.depth >= 2 && section.depth <= 3 && wanted.pattern.test(section.title));
}

/** Whether a section holds anything but blank lines and HTML comments (code blocks and diagrams count). */
export function isFilled(document: Document, section: Section): boolean {
  const body = document.lines.slice(section.line, section.endLine).join('\n').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return /\S/.test(body);
}

/** One finding per template section missing or empty, in the template's order. */
export function missingSections(document: Document, wanted: readonly TemplateSection[], kind: string): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  for (const section of wanted) {
    const heading = findSection(document, section);
    if (!heading) {
      found.push({ line: 1, message: `Unexpected ${kind} without a \`## ${section.name}\` section, expected the sections Kiro's template has: ${wanted.map((s) => s.name).join(', ')}` });
    } else if (!isFilled(document, heading)) {
      found.push({ line: heading.line, message: `Unexpected empty \`${heading.title}\` section, expected its content (or the heading removed with the reason stated elsewhere)` });
    }
  }
  return found;
}
