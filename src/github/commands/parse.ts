import { findPathology } from '../../engine/markdown/guard.js';
import { markVisibleText } from './visible-text.js';

/** One `/specgate <verb> [args]` line from a comment. */
export interface Command {
  verb: string;
  /** Everything after the verb, trimmed (the reason of `waive`, the rule of `explain`). */
  args: string;
  line: number;
}

/** The commands of a comment body, or why it was not read. */
export interface ReadCommands {
  commands: Command[];
  /** Set when the body was refused unread (too long, too costly to parse): no commands. */
  skipped?: string;
}

/** GitHub's limit on a comment body; a longer one did not come from GitHub's own editor. */
export const MAX_COMMENT_LENGTH = 65_536;

// Up to three spaces in, as markdown allows before a paragraph; four make code.
const HEAD = /^( {0,3})\/specgate(?=\s|$)/i;
const TOKEN_LENGTH = '/specgate'.length;

/**
 * Reads the command lines of a comment body: a line of a paragraph, as rendered, that
 * starts with `/specgate`. Nothing in code (fenced or indented, however nested), inline
 * code, HTML or its comments, a quote or a list inside one, a heading or a table counts:
 * a command acts only where a person reading the comment sees it. A body over GitHub's
 * limit or too costly to parse yields no commands, with the reason in `skipped`.
 */
export function readCommands(body: string): ReadCommands {
  if (body.length > MAX_COMMENT_LENGTH) {
    return { commands: [], skipped: `Unexpected comment of ${body.length.toLocaleString('en-US')} characters, expected at most 65,536 (GitHub's limit)` };
  }
  const text = body.replace(/\r\n?/g, '\n');
  // Most comments hold no command: spare them the parse.
  if (!/^ {0,3}\/specgate/im.test(text)) return { commands: [] };
  const pathology = findPathology(text);
  if (pathology) return { commands: [], skipped: `comment too costly to parse: ${pathology.reason} at line ${pathology.line}` };
  let visible: Uint8Array;
  try {
    visible = markVisibleText(text);
  } catch (error) {
    // Guessing at commands the parser could not place could obey a hidden one: read none.
    const reason = error instanceof RangeError ? 'nesting too deep' : error instanceof Error ? error.message : String(error);
    return { commands: [], skipped: `comment could not be parsed: ${reason}` };
  }
  return { commands: commandLines(text, visible) };
}

/** {@link readCommands} without the reason a body was skipped. */
export function parseCommands(body: string): Command[] {
  return readCommands(body).commands;
}

function commandLines(text: string, visible: Uint8Array): Command[] {
  const commands: Command[] = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    const head = HEAD.exec(line);
    const token = offset + (head?.[1]?.length ?? 0);
    offset += line.length + 1;
    if (!head || visible.subarray(token, token + TOKEN_LENGTH).includes(0)) return;
    const [, verb = '', args = ''] = /^\s*(\S*)(.*)$/.exec(line.slice(head[0].length))!;
    commands.push({ verb: verb.toLowerCase() || 'help', args: args.trim(), line: index + 1 });
  });
  return commands;
}

/** The reply to `help`, unknown verbs and refusals. */
export const HELP_TEXT = [
  'specgate commands (one per line in a pull-request comment):',
  '',
  '- `/specgate help` — this list',
  '- `/specgate recheck` — run the gates again on the current head commit',
  '- `/specgate clarify` — open an issue per unresolved `[NEEDS CLARIFICATION: …]` marker',
  '- `/specgate waive <gate> <reason>` — let a failing gate pass on this PR (maintain or admin role)',
  '- `/specgate unwaive <gate>` — revoke a waiver (maintain or admin role)',
  '- `/specgate explain <rule>` — what a rule checks and how to fix its findings',
  '',
  'Gates: `clarifications`, `constitution`, `checklists`, `completeness`, `consistency`.',
].join('\n');
