import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate } from '../../src/engine/index.js';

// Modelled on seanbarlow__doit/specs/019-doit-tutorials (checklists/requirements.md beside a tasks.md).
const REQUIREMENTS = '# Specification Quality Checklist: Tutorials\n\n- [x] No implementation details\n- [ ] All mandatory sections completed\n';
const UX = '# UX Checklist: Tutorials\n\n- [ ] CHK001 - Is the navigation order specified?\n- [ ] CHK002 - Are code samples copyable?\n';

function checklistFindings(tasks: string): string[] {
  const report = evaluate({
    files: [
      { path: 'specs/019-tutorials/tasks.md', content: tasks },
      { path: 'specs/019-tutorials/checklists/requirements.md', content: REQUIREMENTS },
      { path: 'specs/019-tutorials/checklists/ux.md', content: UX },
    ],
    config: defaultConfig(),
  });
  return report.gates
    .flatMap((gate) => gate.findings)
    .filter((f) => /checklists-complete|closed-checklists/.test(f.rule))
    .map((f) => `${f.path.split('/').at(-1)}:${f.line} ${f.rule} ${f.severity}`)
    .sort();
}

describe('checklists and where the feature is', () => {
  it('before implementation: a gate item is an error, a domain item a warning, one finding each', () => {
    expect(checklistFindings('# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create docs/tutorials/\n')).toEqual([
      'requirements.md:4 gate-checklists-complete error',
      'ux.md:3 domain-checklists-complete warning',
      'ux.md:4 domain-checklists-complete warning',
    ]);
  });

  it('once a task is done: a gate item stays the gate rule\'s error, a domain item is one error of done-tasks-have-closed-checklists', () => {
    expect(checklistFindings('# Tasks\n\n## Phase 1: Setup\n\n- [x] T001 Create docs/tutorials/\n')).toEqual([
      'requirements.md:4 gate-checklists-complete error',
      'ux.md:3 done-tasks-have-closed-checklists error',
      'ux.md:4 done-tasks-have-closed-checklists error',
    ]);
  });
});
