import * as z from 'zod/mini';
import { toDocument } from '../../documents.js';
import { defineRule } from '../../rule.js';
import type { Document, RawFinding } from '../../types.js';
import { compareVersions, normalise, principles, versionOf } from './read-constitution.js';

type Level = 'major' | 'minor' | 'patch';
const RANK: Record<Level, number> = { patch: 1, minor: 2, major: 3 };

/** The bump a change needs: a principle removed or renamed → major, added → minor, otherwise patch. */
function requiredLevel(before: Document, after: Document): Level {
  const old = new Set(principles(before).map((p) => normalise(p.name)));
  const now = new Set(principles(after).map((p) => normalise(p.name)));
  if ([...old].some((name) => !now.has(name))) return 'major';
  if ([...now].some((name) => !old.has(name))) return 'minor';
  return 'patch';
}

function bumpLevel(from: string, to: string): Level | undefined {
  const [a, b] = [from.split('.').map(Number), to.split('.').map(Number)];
  if ((b[0] ?? 0) > (a[0] ?? 0)) return 'major';
  if ((b[1] ?? 0) > (a[1] ?? 0)) return 'minor';
  if ((b[2] ?? 0) > (a[2] ?? 0)) return 'patch';
  return undefined;
}

function lastAmended(document: Document): string | undefined {
  return document.prose.map((text) => /Last Amended\**\s*[:：]\s*(?:\*+\s*)?(\d{4}-\d{2}-\d{2})/i.exec(text)?.[1]).find(Boolean);
}

/** Checks the Sync Impact Report comment names the version change that really happened. */
function checkSyncReport(after: Document, from: string, to: string, report: (finding: RawFinding) => void): void {
  const index = after.lines.findIndex((line) => /Sync Impact Report/i.test(line));
  if (index < 0) {
    report({ line: 1, message: `Missing Sync Impact Report, expected an HTML comment with \`Version change: ${from} → ${to}\`` });
    return;
  }
  const text = after.lines.slice(index, index + 40).join('\n');
  const change = /Version change\**\s*[:：]\s*(?:\*+\s*)?v?(\d+\.\d+(?:\.\d+)?)[^\n\d]*?(?:→|->|=>|to)\s*v?(\d+\.\d+(?:\.\d+)?)/i.exec(text);
  if (change && change[1] === from && change[2] === to) return;
  const found = change ? `\`${change[1]} → ${change[2]}\`` : 'no `Version change` line';
  report({ line: index + 1, message: `Unexpected Sync Impact Report with ${found}, expected \`Version change: ${from} → ${to}\`` });
}

/**
 * An amended constitution records its amendment: a version bump as large as the change
 * (semver as spec-kit defines it), a new Last Amended date and a Sync Impact Report.
 * Needs the base version of the file; a first ratification (no base or a template base)
 * is not an amendment.
 */
export default defineRule({
  meta: {
    id: 'constitution-amendment-recorded',
    gate: 'constitution',
    description: 'A changed constitution bumps its version to match the change, moves Last Amended and carries a Sync Impact Report.',
    kinds: ['constitution'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, base, report }) {
    const oldText = base?.get(document.path);
    if (oldText === undefined || normalise(oldText) === normalise(document.text)) return;
    const before = toDocument(document.path, oldText.replace(/\r\n?/g, '\n'));
    const [from, to] = [versionOf(before), versionOf(document)];
    if (!from || !to) return;
    const needed = requiredLevel(before, document);
    const made = bumpLevel(from.version, to.version);
    if (compareVersions(to.version, from.version) < 0) {
      report({ line: to.line, message: `Unexpected version decrease from \`${from.version}\` to \`${to.version}\`` });
      return;
    }
    if (!made || RANK[made] < RANK[needed]) {
      report({ line: to.line, message: `Unexpected version \`${to.version}\` after \`${from.version}\`, expected a ${needed} bump for this change` });
    }
    const [oldDate, newDate] = [lastAmended(before), lastAmended(document)];
    if (oldDate && newDate && oldDate === newDate) {
      report({ line: to.line, message: `Unexpected Last Amended date \`${newDate}\` left unchanged, expected the date of this amendment` });
    }
    if (made) checkSyncReport(document, from.version, to.version, report);
  },
});
