import { untrustedCode } from '../../engine/report/untrusted.js';
import { readCommands, type Command } from './parse.js';
import { WAIVER_REASON_MAX } from './waivers.js';

/** At most this many distinct commands act per comment; the reply names the rest as ignored. */
export const MAX_COMMANDS_PER_COMMENT = 5;
/** The longest waive reason taken: the waiver record keeps it whole (see {@link WAIVER_REASON_MAX}). */
export const MAX_REASON_LENGTH = WAIVER_REASON_MAX;
/** Longest verb, gate name or rule id accepted; the real ones are all under 40 characters. */
export const MAX_NAME_LENGTH = 100;
/** GitHub's limit on a comment body, which bounds the one reply per comment. */
export const MAX_REPLY_LENGTH = 65_536;

/** What one comment asks for, after de-duplication and the cap. */
export interface CommandPlan {
  /** Distinct commands to act on, in comment order, at most {@link MAX_COMMANDS_PER_COMMENT}. */
  run: Command[];
  /** Distinct commands past the cap, named in the reply and not acted on. */
  ignored: Command[];
  /** Why the body was not read at all (too long, too costly to parse); for the log. */
  skipped?: string;
}

/** What a shell did for one command (or, from {@link runPlan}, for the whole comment). */
export interface CommandOutcome {
  /** Text for the reply comment. */
  reply?: string;
  /** The pull request must be gated again; `clarify` also opens clarification issues. */
  regate?: 'recheck' | 'clarify';
}

// Verbs whose arguments change nothing: `/specgate recheck please` is `/specgate recheck`.
const ARGUMENTLESS = new Set(['help', 'recheck', 'clarify']);

/** Reads the commands of a comment body, drops repeats and caps how many act. */
export function planCommands(body: string): CommandPlan {
  const { commands, skipped } = readCommands(body);
  const seen = new Set<string>();
  const distinct = commands.filter((command) => {
    const key = ARGUMENTLESS.has(command.verb) ? command.verb : `${command.verb} ${command.args.replace(/\s+/g, ' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    run: distinct.slice(0, MAX_COMMANDS_PER_COMMENT),
    ignored: distinct.slice(MAX_COMMANDS_PER_COMMENT),
    ...(skipped === undefined ? {} : { skipped }),
  };
}

/**
 * Runs a plan's commands one after the other through the shell's `run`, refusing
 * arguments over the limits without calling it, and folds the outcomes into one reply
 * (bounded to GitHub's body limit) and at most one re-gate.
 */
export async function runPlan({ plan, run }: { plan: CommandPlan; run: (command: Command) => Promise<CommandOutcome> }): Promise<CommandOutcome> {
  const answers: Array<{ command: Command; text: string }> = [];
  let regate: CommandOutcome['regate'];
  for (const command of plan.run) {
    const refusal = refuseArguments(command);
    const outcome = refusal === undefined ? await run(command) : { reply: refusal };
    if (outcome.reply) answers.push({ command, text: outcome.reply });
    if (outcome.regate) regate = regate === 'clarify' ? regate : outcome.regate;
  }
  const reply = composeReply(answers, plan.ignored);
  return { ...(reply === undefined ? {} : { reply }), ...(regate === undefined ? {} : { regate }) };
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A refusal for an argument no real command has, so no shell acts on (or echoes) it. */
function refuseArguments({ verb, args }: Command): string | undefined {
  if (verb.length > MAX_NAME_LENGTH) {
    return `Unexpected command of ${count(verb.length)} characters, expected at most ${MAX_NAME_LENGTH} (see \`/specgate help\`). Nothing was done.`;
  }
  const [first = '', ...words] = args.split(/\s+/);
  if (verb === 'explain' && first.length > MAX_NAME_LENGTH) {
    return `Unexpected rule id of ${count(first.length)} characters, expected at most ${MAX_NAME_LENGTH}.`;
  }
  if (verb !== 'waive' && verb !== 'unwaive') return undefined;
  const nothing = verb === 'waive' ? 'Nothing was waived.' : 'Nothing was changed.';
  if (first.length > MAX_NAME_LENGTH) {
    return `\`/specgate ${verb}\`: unexpected gate name of ${count(first.length)} characters, expected at most ${MAX_NAME_LENGTH}. ${nothing}`;
  }
  const reason = words.join(' ').trim();
  if (reason.length > MAX_REASON_LENGTH) {
    return `\`/specgate ${verb}\`: unexpected reason of ${count(reason.length)} characters, expected at most ${count(MAX_REASON_LENGTH)}. ${nothing} Shorten the reason; a link to a longer write-up works.`;
  }
  return undefined;
}

const SHOWN_IGNORED = 10;
const CUT_NOTE = `\n\n… (reply cut at ${count(MAX_REPLY_LENGTH)} characters)`;

function composeReply(answers: Array<{ command: Command; text: string }>, ignored: Command[]): string | undefined {
  const sections = answers.map(({ command, text }) =>
    answers.length > 1 ? `**${untrustedCode(`/specgate ${command.verb}`, { max: 60 })}** (line ${command.line})\n\n${text}` : text);
  if (ignored.length > 0) sections.push(describeIgnored(ignored));
  if (sections.length === 0) return undefined;
  const body = sections.join('\n\n---\n\n');
  if (body.length <= MAX_REPLY_LENGTH) return body;
  let cut = body.slice(0, MAX_REPLY_LENGTH - CUT_NOTE.length);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${CUT_NOTE}`;
}

function describeIgnored(ignored: Command[]): string {
  const named = ignored.slice(0, SHOWN_IGNORED).map((command) =>
    `${untrustedCode(`/specgate ${command.verb} ${command.args}`.trim(), { max: 80 })} (line ${command.line})`);
  const more = ignored.length > SHOWN_IGNORED ? ` and ${count(ignored.length - SHOWN_IGNORED)} more` : '';
  const noun = ignored.length === 1 ? 'command' : 'commands';
  return `Ignored ${count(ignored.length)} ${noun}: at most ${MAX_COMMANDS_PER_COMMENT} distinct commands act per comment (post the rest in another comment): ${named.join(', ')}${more}.`;
}
