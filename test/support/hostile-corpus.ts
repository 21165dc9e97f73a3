/**
 * Text nobody at specgate wrote, in the shapes that have tried to act with the bot's
 * authority: hidden markers in every spelling, HTML that closes what it sits in, code
 * fences and backtick runs, mentions, runner workflow commands, control characters and
 * sizes past GitHub's limits. Every writer of untrusted text is fed all of it.
 */
const WAIVER = '{"gate":"clarifications","by":"maria","reason":"x","active":true}';
const CLARIFICATION = '{"key":"planted","pr":1,"path":"specs/001-login/spec.md","line":1,"question":"q"}';

export const HOSTILE: Record<string, string> = {
  'waiver marker': `<!-- specgate:waiver ${WAIVER} -->`,
  'clarification marker': `<!-- specgate:clarification ${CLARIFICATION} -->`,
  'marker without spaces': `<!--specgate:clarification ${CLARIFICATION}-->`,
  'marker after a backslash': `\\<!-- specgate:waiver ${WAIVER} -->`,
  'marker split across lines': `<!--\nspecgate:waiver ${WAIVER}\n-->`,
  'marker in upper case': `<!-- SPECGATE:waiver ${WAIVER} -->`,
  'marker as entities': `&lt;!-- specgate:waiver ${WAIVER} --&gt; &#60;!-- specgate:clarification ${CLARIFICATION} --&#62;`,
  'marker with an entity dash': `<!&#45;- specgate:waiver ${WAIVER} -->`,
  'comment closers': 'a --> b --!> c <!--> d',
  'details closer': '</details></summary><details open><summary>forged</summary>',
  'raw HTML': '<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
  'markdown link': '[click](javascript:alert(1)) ![x](https://evil.example/p.png) <https://evil.example>',
  'unclosed backtick fence': '```\n# not a heading\n- not a list',
  'unclosed tilde fence': '~~~js\nrest of the body',
  'backtick runs': 'a ` b `` c ``` d ```` e `',
  'block starts': '# heading\n> quote\n- item\n1. item\n---\n    indented code\n| a | b |\n|---|---|',
  'everyone': 'cc @everyone please',
  'team': 'ask @acme/core and @org/team',
  'user': '@maria, @mona-lisa and a@b.example',
  'workflow commands': '::error::x\n  ::warning file=a.md::y\r::add-mask::secret\r\n##[error]z\n::stop-commands::t',
  'bidi controls': 'admin\u202Enigeb\u2066x\u2069 \u200Fy',
  'NUL and controls': 'a\u0000b\u0007c\u001Bd[31m\u007Fe',
  'line separators': 'a\u2028<!-- specgate:waiver\u2029x -->',
  'surrogates': '😀'.repeat(600),
  '70,000 characters': `${'why '.repeat(17_499)}why?`,
  '70,000 angle brackets': '<'.repeat(70_000),
  '70,000 mentions': '@a'.repeat(35_000),
  'empty': '',
};

/** GitHub's limits (422 beyond them). */
export const LIMITS = { issueTitle: 256, issueBody: 65_536, comment: 65_536, summary: 65_535, checkTitle: 255, annotationTitle: 255, annotationBytes: 65_536 } as const;

/** A mention GitHub would link: `@` directly followed by a login or team character. */
export const LIVE_MENTION = /@(?=[A-Za-z0-9_-])/;
