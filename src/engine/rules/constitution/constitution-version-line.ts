import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { isConstitution } from './is-constitution.js';
import type { RawFinding } from '../../types.js';

const EXPECTED = '`**Version**: X.Y.Z | **Ratified**: YYYY-MM-DD | **Last Amended**: YYYY-MM-DD`';

// `**Version**: 1.2.0`, `**Version:** 1.2.0`, and the translations seen in real constitutions.
const VERSION_LABEL = /^\s*(?:[-*+]\s+)?\*\*\s*(?:version|versão|versión|versione|версия|版本|バージョン)\s*(?:[:：]\s*)?\*\*\s*[:：]?/i;
const RATIFIED = /ratifi|生效|批准|制定|施行|ратифиц/i;
const AMENDED = /amend|emenda|enmienda|修订|修正|改訂|изменен/i;
const SEMVER = /^v?(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
// Left to `constitution-no-placeholders` and `constitution-no-deferred-values`.
const UNFILLED = /\[[A-Z][A-Z0-9_]*\]|TODO\(/;

/**
 * The constitution's version line is what amendments bump and plans cite. It should read
 * `**Version**: 1.2.0 | **Ratified**: 2025-06-13 | **Last Amended**: 2025-07-16`, with a semantic
 * version and real calendar dates, the amendment no earlier than the ratification.
 */
export default defineRule({
  meta: {
    id: 'constitution-version-line',
    gate: 'constitution',
    description: 'The constitution has a version line with a semantic version and valid dates.',
    kinds: ['constitution'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    if (!isConstitution(document)) return;
    const index = document.prose.findIndex((text) => VERSION_LABEL.test(text));
    if (index < 0) {
      report({ line: lastContentLine(document.prose), message: `Missing version line, expected ${EXPECTED}` });
      return;
    }
    for (const finding of checkVersionLine(document.prose[index]!, index + 1)) report(finding);
  },
});

function checkVersionLine(text: string, line: number): RawFinding[] {
  const findings: RawFinding[] = [];
  const dates: Record<'ratified' | 'amended', string | undefined> = { ratified: undefined, amended: undefined };
  text.split('|').forEach((segment, position) => {
    const [label, ...rest] = segment.replace(/\*\*|__|`/g, '').split(/[:：]/);
    // Trailing remarks ("1.2.0 (draft)", "2025-07-16 (added VI)") are the author's own.
    const value = rest.join(':').trim().split(/\s+/)[0] ?? '';
    if (UNFILLED.test(value)) return;
    if (position === 0) {
      if (!SEMVER.test(value)) findings.push({ line, message: `Unexpected version \`${value}\`, expected a semantic version \`MAJOR.MINOR.PATCH\`` });
      return;
    }
    const field = RATIFIED.test(label ?? '') ? 'ratified' : AMENDED.test(label ?? '') ? 'amended' : undefined;
    if (!field) return;
    if (!isDate(value)) findings.push({ line, message: `Unexpected date \`${value}\` for \`${label!.trim()}\`, expected \`YYYY-MM-DD\`` });
    else dates[field] = value;
  });
  if (dates.ratified && dates.amended && dates.amended < dates.ratified) {
    findings.push({ line, message: `Unexpected last amendment \`${dates.amended}\` before ratification \`${dates.ratified}\`` });
  }
  return findings;
}

function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function lastContentLine(prose: readonly string[]): number {
  for (let i = prose.length - 1; i >= 0; i--) if (prose[i]!.trim() !== '') return i + 1;
  return 1;
}
