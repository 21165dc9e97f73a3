/** One `/specgate <verb> [args]` line from a comment. */
export interface Command {
  verb: string;
  /** Everything after the verb, trimmed (the reason of `waive`, the rule of `explain`). */
  args: string;
  line: number;
}

const LINE = /^\s*\/specgate(?:\s+(\S+))?(?:[ \t]+(.*))?$/i;

/**
 * Reads every command line in a comment body. Lines inside fenced code blocks and quoted
 * lines (`> /specgate waive …`, replies quoting someone else) are not commands.
 */
export function parseCommands(body: string): Command[] {
  const commands: Command[] = [];
  let fenced = false;
  body.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced || /^\s*>/.test(text)) return;
    const match = LINE.exec(text);
    if (!match) return;
    commands.push({ verb: (match[1] ?? 'help').toLowerCase(), args: (match[2] ?? '').trim(), line: index + 1 });
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
