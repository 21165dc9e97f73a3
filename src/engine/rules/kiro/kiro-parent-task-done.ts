import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { kiroTasks, type KiroTask } from './parse.js';

/** The sub-tasks of a task: those nested below it, up to the next task at its level or above. */
export function subTasks(tasks: readonly KiroTask[], index: number): KiroTask[] {
  const parent = tasks[index]!;
  const children: KiroTask[] = [];
  for (const task of tasks.slice(index + 1)) {
    if (task.indent <= parent.indent) break;
    children.push(task);
  }
  return children;
}

/** A checked Kiro task has no required sub-task open. */
export default defineRule({
  meta: {
    id: 'kiro-parent-task-done',
    gate: 'consistency',
    description: 'A checked Kiro task has every required (non-`*`) sub-task checked.',
    kinds: ['tasks'],
    families: ['kiro'],
    severity: 'error',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const tasks = kiroTasks(document);
    tasks.forEach((task, index) => {
      if (!task.checked) return;
      const open = subTasks(tasks, index).filter((child) => !child.checked && !child.optional);
      if (open.length === 0) return;
      const names = open.map((child) => `${child.id} (line ${child.line})`).join(', ');
      report({ line: task.line, message: `Unexpected task ${task.id} checked while required sub-task${open.length === 1 ? '' : 's'} ${names} ${open.length === 1 ? 'is' : 'are'} open, expected the sub-tasks checked first, marked optional (\`- [ ]*\`), or the task unchecked` });
    });
  },
});
