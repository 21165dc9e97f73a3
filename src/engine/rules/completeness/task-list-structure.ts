import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { checkboxesByLine, listRuns, taskBlocks, taskLines } from './task-phases.js';

/**
 * In a list of tasks (`- [ ] T001 ...`), every item has both a box and an id: a box without an
 * id cannot be referenced or traced, an id without a box cannot be ticked off. Only lists that
 * hold checkbox task lines are checked, so notes, checkpoints, dependency prose and validation
 * checklists are left alone, as are whole files written without boxes (their convention).
 */
// spec-kit's sample id, a template leftover that no-template-residue reports.
const TEMPLATE_ID = /^TXXX\b/;

export default defineRule({
  meta: {
    id: 'task-list-structure',
    gate: 'completeness',
    description: 'Items of a task list carry both a checkbox and a task id.',
    kinds: ['tasks'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const boxes = checkboxesByLine(document);
    for (const block of taskBlocks(document)) {
      const tasks = taskLines(document, block);
      const boxed = tasks.filter((task) => task.checkbox).map((task) => task.line);
      if (boxed.length === 0) continue;
      // The lists of the block that hold a checkbox task line.
      const runs = listRuns(document, block);
      const taskRuns = new Set(boxed.map((line) => runs[line - block.start]!));
      const amongTasks = (line: number): boolean => taskRuns.has(runs[line - block.start]!);
      const taskAt = new Set(tasks.map((task) => task.line));
      for (let line = block.start; line <= block.end; line += 1) {
        const box = boxes.get(line);
        if (!box || box.depth !== 0 || taskAt.has(line) || TEMPLATE_ID.test(box.text.trimStart())) continue;
        if (amongTasks(box.line)) report({ line: box.line, message: 'Unexpected checkbox without a task id in a task list, expected `- [ ] T001 Description`' });
      }
      for (const task of tasks) {
        if (task.checkbox || !amongTasks(task.line)) continue;
        report({ line: task.line, message: `Unexpected task \`${task.id}\` without a checkbox, expected \`- [ ] ${task.id} Description\`` });
      }
    }
  },
});
