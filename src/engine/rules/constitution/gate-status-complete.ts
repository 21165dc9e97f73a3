import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { CONSTITUTION_CHECK, bodyLines, sectionsTitled } from './plan-sections.js';
import { readGateLines } from './verdicts.js';

const CHECK_BOX = /constitution check|宪法检查|verifica[çc][ãa]o d[ae] constitui/i;
const DEVIATIONS_BOX = /complexity deviations documented|复杂度偏差已记录/i;

/**
 * Gen-1 plans end with Progress Tracking "Gate Status" boxes. An unchecked
 * `Initial/Post-Design Constitution Check: PASS` box means the gate was not confirmed; an
 * unchecked "Complexity deviations documented" matters only when a gate actually deviates.
 * A plan under review may still have them open, hence a warning.
 */
export default defineRule({
  meta: {
    id: 'gate-status-complete',
    gate: 'constitution',
    description: 'Gen-1 Progress Tracking has its constitution Gate Status boxes checked.',
    kinds: ['plan'],
    families: ['speckit-gen1'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    const sections = sectionsTitled(document, CONSTITUTION_CHECK);
    const inCheck = new Set(bodyLines(document, sections));
    const deviates = readGateLines(document, [...inCheck]).some((gate) => gate.verdict !== 'pass');
    for (const box of document.checkboxes) {
      if (box.checked || inCheck.has(box.line)) continue;
      if (CHECK_BOX.test(box.text)) {
        // The template's own box: in a plan that is still the template, it folds into `unfilled-template`.
        report({ line: box.line, residue: true, message: `Unexpected unchecked gate \`${box.text}\`, expected it checked once the constitution check passed` });
      } else if (DEVIATIONS_BOX.test(box.text) && deviates) {
        report({ line: box.line, message: `Unexpected unchecked gate \`${box.text}\` while a constitution gate deviates, expected the deviation documented in Complexity Tracking` });
      }
    }
  },
});
