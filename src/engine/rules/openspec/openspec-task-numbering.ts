import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { openspecPlace } from './parse.js';

/**
 * In a change's `tasks.md` written in numbered groups (`## 1. Setup`), each task id `N.M`
 * belongs to its group `N`, appears once, and follows the previous one. A run of tasks whose
 * group has no heading of its own (tasks `19.1`–`19.5` under `## 18.`) is one finding; a
 * task both misplaced and repeated (a copied line) is one finding, as a repeat.
 */
const GROUP_HEADING = /^ {0,3}##[ \t]+(\d+)\.(?:[ \t]|$)/;
const LEVEL_TWO = /^ {0,3}##(?!#)(?:[ \t]+|[ \t]*$)/;
// Inside the box, the runs of white space either side of the mark are separated by the mark
// itself (`\s*(?:[^\]\s]\s*)?`), never adjacent: `- [` and a long run of spaces is linear.
const TASK_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])\s*\[(?:\s*(?:[^\]\s]\s*)?\](?![([])|\s+\])\s*(.*)/;
const TASK_ID = /^(\d+(?:\.\d+)+(?:[A-Za-z]+)?)(?=\s|$)/;

interface Task { id: string; line: number; group: string }

export default defineRule({
  meta: {
    id: 'openspec-task-numbering',
    gate: 'completeness',
    description: "An OpenSpec change's task ids `N.M` sit in their `## N.` group, once each and in order.",
    kinds: ['tasks'],
    families: ['openspec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const place = openspecPlace(document.path);
    if (place?.type !== 'change-file' || place.archived) return;
    const tasks = numberedTasks(document.lines);
    if (tasks.length === 0) return;
    const first = new Map<string, number>();
    let run: { group: string; tasks: Task[] } | undefined;
    const flush = (): void => {
      if (!run) return;
      const [head, last] = [run.tasks[0]!, run.tasks.at(-1)!];
      const ids = run.tasks.length > 1 ? `tasks \`${head.id}\`–\`${last.id}\`` : `task \`${head.id}\``;
      const wanted = head.id.split('.')[0]!;
      report({ line: head.line, message: `Unexpected ${ids} under group ${run.group}, expected them under a \`## ${wanted}.\` heading of their own (or renumbered)` });
      run = undefined;
    };
    let previous: Task | undefined;
    for (const task of tasks) {
      const seen = first.get(task.id);
      if (seen !== undefined) {
        flush();
        report({ line: task.line, message: `Unexpected task \`${task.id}\` again (first on line ${seen}), expected each task id once` });
        previous = task;
        continue;
      }
      first.set(task.id, task.line);
      const taskGroup = strip(task.id.split('.')[0]!);
      if (taskGroup !== strip(task.group)) {
        if (run && (run.group !== task.group || run.tasks[0]!.id.split('.')[0] !== task.id.split('.')[0])) flush();
        run ??= { group: task.group, tasks: [] };
        run.tasks.push(task);
        previous = task;
        continue;
      }
      flush();
      if (previous && previous.group === task.group && before(task.id, previous.id)) {
        report({ line: task.line, message: `Unexpected task \`${task.id}\` after \`${previous.id}\`, expected task ids in order within group ${task.group}` });
      }
      previous = task;
    }
    flush();
  },
});

/** The numbered tasks inside `## N.` groups, as OpenSpec reads them; none when the file has no such group. */
function numberedTasks(lines: readonly string[]): Task[] {
  if (!lines.some((line) => GROUP_HEADING.test(line))) return [];
  const tasks: Task[] = [];
  let group: string | undefined;
  lines.forEach((line, index) => {
    if (LEVEL_TWO.test(line)) group = GROUP_HEADING.exec(line)?.[1];
    if (group === undefined) return;
    const id = TASK_ID.exec(TASK_LINE.exec(line)?.[1]?.trim() ?? '')?.[1];
    if (id) tasks.push({ id, line: index + 1, group });
  });
  return tasks;
}

function strip(number: string): string {
  return number.replace(/^0+(?=\d)/, '');
}

/** Whether id `a` comes before id `b` (numerically, part by part). */
function before(a: string, b: string): boolean {
  const pa = a.split('.').map((part) => Number.parseInt(part, 10));
  const pb = b.split('.').map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < Math.max(pa.length, pb.length); index += 1) {
    const [x, y] = [pa[index] ?? -1, pb[index] ?? -1];
    if (x !== y) return x < y;
  }
  return false;
}
