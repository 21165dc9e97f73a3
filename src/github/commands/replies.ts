import { DOCS_BASE, rules } from '../../engine/index.js';
import { untrustedCode, untrustedUser } from '../../engine/report/index.js';
import { HELP_TEXT } from './parse.js';
import type { Role } from './permission.js';

/**
 * The replies to commands, shared by the App and the Action. Whatever the commenter wrote
 * (a rule name, a verb, their login) goes through the untrusted-text functions: a reply is
 * the bot's own comment, and a marker or mention echoed there would speak with its voice.
 */

/** Longest echoed name: real verbs and rule ids are all well under it. */
const NAME_MAX = 100;

/** The answer to `/specgate explain <rule>`: what the rule checks, its gate and its docs page. */
export function explainReply(args: string): string {
  const id = args.trim().split(/\s+/)[0] ?? '';
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    const ids = rules.map((candidate) => `\`${candidate.meta.id}\``).join(', ');
    return `Unknown rule ${id === '' ? '(none)' : untrustedCode(id, { max: NAME_MAX })}. Rules: ${ids}.\n\n${HELP_TEXT}`;
  }
  const { meta } = rule;
  return [
    `**${meta.id}** (gate \`${meta.gate}\`, default severity \`${meta.severity}\`)`,
    '',
    meta.description,
    '',
    `Kinds: ${meta.kinds.map((kind) => `\`${kind}\``).join(', ')}. Details, examples and how to turn it off: ${DOCS_BASE}${meta.id}.md`,
  ].join('\n');
}

/** The answer to a verb specgate does not know. */
export function unknownCommandReply(verb: string): string {
  return `Unknown command ${untrustedCode(`/specgate ${verb}`, { max: NAME_MAX })}.\n\n${HELP_TEXT}`;
}

/** The refusal of `waive` or `unwaive` to someone without the maintain or admin role. */
export function refusalReply({ author, verb, role }: { author: string; verb: string; role: Role }): string {
  return `${untrustedUser(author)}, ${untrustedCode(`/specgate ${verb}`, { max: NAME_MAX })} needs the maintain or admin role on this repository (yours: ${untrustedCode(role)}). Nothing was changed.\n\n${HELP_TEXT}`;
}
