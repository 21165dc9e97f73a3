import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { quote } from '../quote.js';
import type { Document } from '../../types.js';
import { optionalLines, proseMatches } from './residue-scope.js';
import { templateLine } from './template-line.js';
import { TEMPLATE_LINES } from './template-lines.js';
import { matchList } from '../../markdown/matches.js';

// The spec template's inline placeholders (every version): requirement and metric lines
// (`System MUST [specific capability, e.g., "..."]`), scenario and edge-case lines, story titles.
const SPEC_PHRASES =
  String.raw`\[(?:specific capability|key interaction|data requirement|behavior|(?:Measurable|User satisfaction|Business) metric|Assumption about [^,\]\n]{1,40}|Dependency on existing system\/service),\s*e\.g\.,?\s*"[^"\n]*"\]` +
  String.raw`|\[(?:initial state|expected outcome|boundary condition|error scenario|specific action|specific value|Brief Title|Title|CHECKLIST TYPE|Category \d+)\]|(?<=\*\*When\*\*,? ?)\[action\]`;
// spec-kit's own tokens: the Input line's `"$ARGUMENTS"` as the template writes it.
const COMMAND_INPUT = String.raw`(?<=[:：] ?)"\$ARGUMENTS"`;

// Template tokens, read in prose only: in code, inline code and comments they are examples.
export const TOKENS = new RegExp(
  String.raw`\[(?:FEATURE|FEATURE NAME|FEATURE_ID|DATE|EPIC-ID)\](?!\()|\[###-[\w-]+\](?!\()|\[e\.g\.?,?\s[^\]\n]*\](?!\()|\bTXXX\b|(?:${SPEC_PHRASES})(?!\()|${COMMAND_INPUT}`,
  'g',
);
// What every match of TOKENS contains: a bracket, `TXXX` or the quoted `$ARGUMENTS`.
const TOKEN_NEEDLES = ['[', 'TXXX', '"$ARGUMENTS"'];
// spec-kit's command placeholder, which rendering replaces: never in a written document.
const COMMAND_TOKEN = /__SPECKIT_COMMAND_[A-Z_]+__/g;
// A header field whose whole value is a template token in inline code: `**Feature Branch**: \`[###-feature-name]\``,
// or the plan's `**Input**: Feature specification from \`/specs/[###-feature-name]/spec.md\``.
const CODE_TOKEN = /^(?:\[###-[\w-]+\]|\[(?:FEATURE|FEATURE NAME|DATE)\]|\/?specs\/\[###-[\w-]+\]\/spec\.md)$/;
const FIELD_LEAD = /(?:\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)|Feature specification from)\s*$/;
const FIELD_END = /^\s*(?:$|\||\*\*)/;
// The gen-1 plan template's layout options, before they carried `[REMOVE IF UNUSED]`.
const STRUCTURE_OPTION = /^\s*#\s*Option\s+([123]):\s*(?:Single project|Web application|Mobile \+ API)\b/;
// A written `**Structure Decision**: Option 1 (...)`: the author chose, and the kept blocks are only untidy.
const DECISION = /^\s*(?:[-*+]\s+)?\*\*Structure Decision(?::\*\*|\*\*\s*:)\s*(\S.*)$/i;
const TEMPLATES: ReadonlySet<string> = new Set<string>(Object.values(TEMPLATE_LINES).flat());

/**
 * Leftovers of a spec-kit template in a document that should have been filled in:
 * placeholder tokens and phrases, `[REMOVE IF UNUSED]` option blocks and the gen-1 template's
 * unlabelled layout options (read everywhere, code blocks included, because that is where the
 * plan template puts them), and `__SPECKIT_COMMAND_*__` tokens.
 */
export default defineRule({
  meta: {
    id: 'no-template-residue',
    gate: 'completeness',
    description: 'Documents hold no spec-kit template placeholders or unused option blocks.',
    kinds: ['spec', 'plan', 'tasks', 'checklist', 'research', 'data-model', 'quickstart', 'contract', 'proposal', 'other'],
    severity: 'error',
    options: z.strictObject({}),
    residue: true,
  },
  check({ document, report }) {
    const skip = optionalLines(document);
    const seen = new Set<number>();
    const flag = (line: number, column: number | undefined, message: string): void => {
      if (skip.has(line) || seen.has(line)) return;
      seen.add(line);
      report({ line, ...(column === undefined ? {} : { column }), message });
    };
    for (const match of proseMatches(document, TOKENS, TOKEN_NEEDLES)) {
      flag(match.line, match.column, `Unexpected template placeholder \`${quote(match.text)}\`, expected the real value`);
    }
    for (const code of inlineTokens(document)) {
      flag(code.line, code.column, `Unexpected template placeholder \`${quote(code.text)}\`, expected the real value`);
    }
    for (const match of commandTokens(document)) {
      flag(match.line, match.column, `Unexpected spec-kit command token \`${match.text}\`, expected the command's name (\`/speckit.plan\`) or nothing`);
    }
    document.lines.forEach((text, index) => {
      if (text.includes('[REMOVE IF UNUSED]')) {
        flag(index + 1, undefined, 'Unexpected `[REMOVE IF UNUSED]` template option, expected unused options deleted and the chosen one unlabelled');
      }
    });
    const options = structureOptions(document);
    if (new Set(options.map((option) => option.number)).size >= 2 && !decided(document)) {
      const names = options.map((option) => `Option ${option.number}`).join(', ');
      flag(options[0]!.line, undefined, `Unexpected template layout options (${names}) left in Project Structure with no Structure Decision, expected the chosen layout only`);
    }
  },
});

/** Inline code that is a header field's whole value and a template token (`**Branch**: \`[###-feature-name]\``). */
function inlineTokens(document: Document): Array<{ line: number; column: number; text: string }> {
  const found: Array<{ line: number; column: number; text: string }> = [];
  for (const node of document.nodes) {
    if (node.type !== 'inlineCode' || node.line !== node.endLine || !CODE_TOKEN.test(node.value.trim())) continue;
    const text = document.lines[node.line - 1] ?? '';
    if (!FIELD_LEAD.test(text.slice(0, node.column - 1)) || !FIELD_END.test(text.slice(node.endColumn - 1))) continue;
    found.push({ line: node.line, column: node.column, text: node.value });
  }
  return found;
}

/**
 * `__SPECKIT_COMMAND_*__` in prose, in code blocks (the plan's documentation tree) and on the
 * template's own lines; elsewhere in inline code it is a tool's documentation talking about it.
 */
function commandTokens(document: Document): Array<{ line: number; column: number; text: string }> {
  const inBlock = codeBlockLines(document);
  const found: Array<{ line: number; column: number; text: string }> = [];
  document.lines.forEach((text, index) => {
    for (const match of matchList(text, COMMAND_TOKEN)) {
      const prose = (document.prose[index] ?? '').slice(match.index, match.index + match[0].length).trim() !== '';
      const key = templateLine(text);
      if (prose || inBlock.has(index + 1) || (key !== undefined && TEMPLATES.has(key))) {
        found.push({ line: index + 1, column: match.index + 1, text: match[0] });
      }
    }
  });
  return found;
}

function codeBlockLines(document: Document): Set<number> {
  const lines = new Set<number>();
  for (const node of document.nodes) {
    if (node.type !== 'code') continue;
    for (let line = node.line; line <= node.endLine; line++) lines.add(line);
  }
  return lines;
}

/** Whether the plan writes its Structure Decision (not the template's `[DEFAULT to Option 1 ...]`). */
function decided(document: Document): boolean {
  return document.prose.some((text) => {
    const value = DECISION.exec(text)?.[1]?.trim();
    return value !== undefined && !value.startsWith('[');
  });
}

/** The gen-1 plan template's `# Option N: ...` layout labels, without `[REMOVE IF UNUSED]`. */
function structureOptions(document: Document): Array<{ line: number; number: string }> {
  const options: Array<{ line: number; number: string }> = [];
  document.lines.forEach((text, index) => {
    const match = STRUCTURE_OPTION.exec(text);
    if (match) options.push({ line: index + 1, number: match[1]! });
  });
  return options;
}
