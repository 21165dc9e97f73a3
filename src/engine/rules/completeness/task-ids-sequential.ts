import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { definedTasks, intervalsHold, intervalsMeet, mentionedNumbers, numberIntervals, type Mentions } from './task-phases.js';

// A jump wider than this is a numbering scheme (ids reserved per phase or per team), not lost tasks.
const MAX_GAP = 1000;
// At most this many missing ids are looked at in one document, so a pathological file stays cheap.
const BUDGET = 100_000;

/**
 * Task ids run without gaps: `T012` then `T014` leaves a reader asking where `T013` went.
 * A missing id that the document names anywhere (`~~T013~~`, `T013 (removed)`, a dependency
 * line), or a range of only missing ids that it names (`T128-T137 deferred`), is accounted for.
 * A jump to a round id (`T105` then `T200`) is numbering by phase, not a gap. Ids that restart
 * per phase repeat; a sub-task id (`T013a`, `T013.1`) names its number. One finding per gap,
 * at the first task after it.
 */
export default defineRule({
  meta: {
    id: 'task-ids-sequential',
    gate: 'completeness',
    description: 'Task ids run without gaps, or the missing ids are marked as removed.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const tasks = definedTasks(document).filter((task) => !task.sub);
    const intervals = numberIntervals(tasks);
    const mentioned = mentionedNumbers(document);
    const ranges = merge(mentioned.ranges.filter(([from, to]) => !intervalsMeet(intervals, from, to)));
    const first = new Map<number, (typeof tasks)[number]>();
    for (const task of tasks) if (!first.has(task.number)) first.set(task.number, task);
    let budget = BUDGET;
    for (let index = 1; index < intervals.length; index += 1) {
      const [before, after] = [intervals[index - 1]![1], intervals[index]![0]];
      if (after - before - 1 > MAX_GAP || roundStart(after)) continue;
      budget -= after - before - 1;
      if (budget < 0) return;
      const missing: number[] = [];
      for (let n = before + 1; n < after; n += 1) if (!accounted(n, mentioned, ranges)) missing.push(n);
      if (missing.length === 0) continue;
      // The next interval starts at a task's own number (a range item's start, or a single id).
      const next = first.get(after)!;
      const name = (n: number): string => `\`T${String(n).padStart(next.digits, '0')}\``;
      const span = missing.length === 1 ? name(missing[0]!) : `${name(missing[0]!)}–${name(missing[missing.length - 1]!)}`;
      const removed = `~~${name(missing[0]!).slice(1, -1)}~~ removed`;
      report({ line: next.line, message: `Unexpected gap in task ids: ${span} missing between ${name(before)} and ${name(after)}, expected sequential ids or the removed tasks marked (\`${removed}\`)` });
    }
  },
});

/**
 * A missing id is accounted for when the text names it, or names a range of ids none of which is
 * defined (`Tasks T128-T137 deferred`). A range over defined tasks is a summary (`T002-T042 active`)
 * and says nothing about the ids missing from it. `ranges` holds only the ranges over no defined task.
 */
function accounted(n: number, mentioned: Mentions, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return mentioned.single.has(n) || intervalsHold(ranges, n);
}

/** Ranges as sorted, merged intervals. */
function merge(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const top = merged[merged.length - 1];
    if (top && from <= top[1] + 1) top[1] = Math.max(top[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** `T100`, `T101`, `T200`, `T201`: the first id of a block numbered by phase. */
function roundStart(n: number): boolean {
  return n >= 100 && n % 100 <= 1;
}
