import { describe, expect, test } from '@jest/globals';
import {
  MAX_COMMANDS_PER_COMMENT, MAX_COMMENT_LENGTH, MAX_REASON_LENGTH, MAX_REPLY_LENGTH, canWaive, decodeMeta, encodeMeta, markerKey,
  parseCommands, planCommands, readCommands, roleOf, runPlan, type Command, type CommandOutcome,
} from '../../src/github/index.js';

test('parses command lines, skipping code fences and quotes', () => {
  const body = ['Looks good.', '/specgate waive clarifications  agreed with PM ', '> /specgate waive constitution quoted', '```', '/specgate recheck', '```', '/SpecGate Help', '/specgate'].join('\n');
  expect(parseCommands(body)).toEqual([
    { verb: 'waive', args: 'clarifications  agreed with PM', line: 2 },
    { verb: 'help', args: '', line: 7 },
    { verb: 'help', args: '', line: 8 },
  ]);
});

const WAIVE = '/specgate waive clarifications agreed offline';
const verbs = (body: string): string[] => parseCommands(body).map((command) => `${command.line} ${command.verb} ${command.args}`.trim());

describe('a command counts only where a person would see it in the rendered comment', () => {
  test.each([
    ['an indented code block', `Look:\n\n    ${WAIVE}\n`],
    ['an indented code block in a list item', `- item\n\n      ${WAIVE}\n`],
    ['a four-backtick fence that contains a three-backtick one', ['````', '```', WAIVE, '```', '````'].join('\n')],
    ['a four-backtick fence after a closed three-backtick one inside it', ['````', '```', '```', WAIVE, '````'].join('\n')],
    ['a tilde fence', ['~~~', WAIVE, '~~~'].join('\n')],
    ['a tilde fence that contains a backtick one', ['~~~', '```', WAIVE, '```', '~~~'].join('\n')],
    ['an unclosed fence', ['```', WAIVE].join('\n')],
    ['a one-line HTML comment', `<!-- ${WAIVE} -->`],
    ['a multi-line HTML comment', ['<!--', WAIVE, '-->'].join('\n')],
    ['an HTML comment inside a paragraph', ['Thanks <!--', WAIVE, '--> for the review'].join('\n')],
    ['a blockquote', `> ${WAIVE}`],
    ['a lazy continuation line of a blockquote', ['> I said', WAIVE].join('\n')],
    ['a blockquote nested in a list item', `- quoting:\n  > ${WAIVE}`],
    ['a list item nested in a blockquote', `> - item\n>   ${WAIVE}`],
    ['inline code', `\`${WAIVE}\``],
    ['a multi-line inline code span', ['`x', WAIVE, '`'].join('\n')],
    ['the alt text of an image', ['![a', WAIVE, '](https://example.com/a.png)'].join('\n')],
    ['the title of a link', ['[a](https://example.com "t', WAIVE, '")'].join('\n')],
    ['a collapsed <details> block', ['<details><summary>log</summary>', '', WAIVE, '', '</details>'].join('\n')],
    ['an inline HTML element', ['See <span hidden>', WAIVE, '</span>'].join('\n')],
    ['a heading', `# ${WAIVE}`],
    ['front matter', ['---', WAIVE, '---'].join('\n')],
    ['a line indented four spaces after a paragraph (a continuation, not a line of its own)', `Thanks\n    ${WAIVE}`],
  ])('not in %s', (_name, body) => {
    expect(parseCommands(body)).toEqual([]);
    expect(parseCommands(body.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  test('a command after a closed fence counts, and so does one up to three spaces in', () => {
    const body = ['````', '```', '/specgate recheck', '```', '````', '', '   /specgate waive clarifications agreed', '```', '/specgate clarify', '```', '/specgate help'].join('\n');
    expect(verbs(body)).toEqual(['7 waive clarifications agreed', '11 help']);
  });

  test('CRLF bodies give the same commands and lines as LF ones', () => {
    const lf = ['Thanks!', '', '```', '/specgate recheck', '```', '/specgate waive clarifications agreed offline', '/specgate help'].join('\n');
    expect(parseCommands(lf.replace(/\n/g, '\r\n'))).toEqual(parseCommands(lf));
    expect(verbs(lf.replace(/\n/g, '\r\n'))).toEqual(['6 waive clarifications agreed offline', '7 help']);
  });

  test('a command in a list item paragraph and after inline code on the line before counts', () => {
    expect(verbs('- done\n  /specgate recheck')).toEqual(['2 recheck']);
    expect(verbs('See `x`\n/specgate help')).toEqual(['2 help']);
    expect(verbs('<details><summary>log</summary>\n\nold\n\n</details>\n\n/specgate help <br>')).toEqual(['7 help <br>']);
  });

  test('a body over GitHub\'s limit, or too costly to parse, gives no commands and says why', () => {
    const long = `/specgate help\n${'a'.repeat(MAX_COMMENT_LENGTH)}`;
    expect(readCommands(long)).toEqual({ commands: [], skipped: expect.stringMatching(/65,536/) });
    const costly = `/specgate help\n\n${']'.repeat(30_000)}`;
    const started = Date.now();
    expect(readCommands(costly)).toEqual({ commands: [], skipped: expect.stringMatching(/too costly/) });
    // A generous hang guard, not a timing assertion: the parser would take seconds.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('bounded work per comment', () => {
  const answer = async (command: Command): Promise<CommandOutcome> => ({ reply: `answer to ${command.verb} ${command.args}`.trim() });

  test('identical commands act once; at most a few distinct ones act, the rest are named as ignored', async () => {
    expect(planCommands(Array(50).fill('/specgate help').join('\n')).run).toHaveLength(1);
    expect(planCommands('/specgate recheck\n/specgate RECHECK now\n/specgate   recheck').run).toHaveLength(1);
    const body = Array.from({ length: 8 }, (_, i) => `/specgate explain rule-${i}`).join('\n');
    const plan = planCommands(body);
    expect(plan.run.map((command) => command.args)).toEqual(['rule-0', 'rule-1', 'rule-2', 'rule-3', 'rule-4']);
    expect(plan.run).toHaveLength(MAX_COMMANDS_PER_COMMENT);
    expect(plan.ignored.map((command) => command.args)).toEqual(['rule-5', 'rule-6', 'rule-7']);
    const result = await runPlan({ plan, run: answer });
    expect(result.regate).toBeUndefined();
    expect(result.reply).toContain('answer to explain rule-4');
    expect(result.reply).not.toContain('answer to explain rule-5');
    expect(result.reply).toMatch(/Ignored 3 commands[^\n]*at most 5/);
    expect(result.reply).toContain('`/specgate explain rule-7` (line 8)');
  });

  test('one reply for many answers, one re-gate for many re-gating commands, clarify winning', async () => {
    const plan = planCommands(['/specgate recheck', '/specgate help', '/specgate clarify', '/specgate explain x'].join('\n'));
    const run = async (command: Command): Promise<CommandOutcome> =>
      command.verb === 'recheck' ? { regate: 'recheck' } : command.verb === 'clarify' ? { regate: 'clarify' } : answer(command);
    const result = await runPlan({ plan, run });
    expect(result.regate).toBe('clarify');
    expect(result.reply).toMatch(/answer to help[\s\S]*answer to explain x/);
    expect(await runPlan({ plan: planCommands('/specgate recheck'), run })).toEqual({ regate: 'recheck' });
  });

  test('the reply is bounded to GitHub\'s body limit', async () => {
    const plan = planCommands(Array.from({ length: 5 }, (_, i) => `/specgate explain r${i}`).join('\n'));
    const result = await runPlan({ plan, run: async () => ({ reply: 'x'.repeat(30_000) }) });
    expect(result.reply!.length).toBeLessThanOrEqual(MAX_REPLY_LENGTH);
    expect(result.reply).toMatch(/cut/);
  });

  test('a reason over the limit, or an absurdly long gate, rule or verb, is refused with a reply saying the limit', async () => {
    const runs: Command[] = [];
    const run = async (command: Command): Promise<CommandOutcome> => {
      runs.push(command);
      return { regate: 'recheck' };
    };
    const long = await runPlan({ plan: planCommands(`/specgate waive clarifications ${'r'.repeat(MAX_REASON_LENGTH + 1)}`), run });
    expect(runs).toEqual([]);
    expect(long.regate).toBeUndefined();
    expect(long.reply).toMatch(/reason of 1,001 characters, expected at most 1,000/);
    await runPlan({ plan: planCommands(`/specgate waive clarifications ${'r'.repeat(MAX_REASON_LENGTH)}`), run });
    expect(runs).toHaveLength(1);
    for (const body of [`/specgate waive ${'g'.repeat(5_000)} reason`, `/specgate unwaive ${'g'.repeat(5_000)}`, `/specgate explain ${'e'.repeat(5_000)}`, `/specgate ${'v'.repeat(5_000)}`]) {
      const refused = await runPlan({ plan: planCommands(body), run });
      expect(refused.reply).toMatch(/of 5,000 characters, expected at most 100/);
      expect(refused.reply!.length).toBeLessThan(1_000);
    }
    expect(runs).toHaveLength(1);
  });
});

test('roles come from role_name or user.permissions, not the folded permission', () => {
  expect(roleOf({ permission: 'write', role_name: 'maintain' })).toBe('maintain');
  expect(roleOf({ permission: 'write', user: { permissions: { maintain: true, push: true } } })).toBe('maintain');
  expect(roleOf({ permission: 'read', role_name: 'triage' })).toBe('triage');
  expect(roleOf({ permission: 'none' })).toBe('none');
  expect(canWaive('maintain') && canWaive('admin')).toBe(true);
  expect(canWaive('write')).toBe(false);
});

test('the hidden issue marker survives a question that tries to close the comment', () => {
  const meta = { key: 'k', pr: 3, path: 'specs/001-x/spec.md', line: 4, question: 'is --> allowed?' };
  const encoded = encodeMeta(meta);
  expect(encoded.indexOf('-->')).toBe(encoded.length - 3);
  expect(decodeMeta(`text\n${encoded}`)).toEqual(meta);
});

test('marker identity ignores case, spacing and the line, but not the file or folder', () => {
  const key = markerKey('specs/001-x/spec.md', 'Which  providers?');
  expect(markerKey('specs/001-x/spec.md', 'which providers')).toBe(key);
  expect(markerKey('specs/002-y/spec.md', 'which providers')).not.toBe(key);
  expect(markerKey('specs/001-x/plan.md', 'which providers')).not.toBe(key);
});
