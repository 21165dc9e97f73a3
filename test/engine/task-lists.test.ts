import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, rules } from '../../src/engine/index.js';

// The task-list rules on hostile shapes: each must finish well under a second. A regression
// shows as a test that takes seconds, not as a flaky number.
const RULES = rules.filter((rule) => ['task-ids-sequential', 'task-list-structure', 'task-references-exist'].includes(rule.meta.id));
const K = 100_000;
const CASES: Record<string, string> = {
  'a 100,000-character task line of cited ids': `- [ ] T001 ${'T002 '.repeat(K / 5)}`,
  'a task id followed by 100,000 spaces': `- [ ] T001${' '.repeat(K)}-`,
  'a 100,000-character chain of ranges': `- [ ] T001 ${'T1-T2-'.repeat(K / 6)}`,
  'a 100,000-character line of wide ranges': `T001 ${'T1-T400 '.repeat(K / 8)}`,
  'a cited id after 100,000 characters of feature words': `- [ ] T001 ${'feature '.repeat(K / 8)}T999`,
  'a task list nested 3,000 deep': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- [ ] T${String(i + 1).padStart(3, '0')} a`).join('\n'),
  '20,000 tasks with gaps and ranges': Array.from({ length: 20_000 }, (_, i) => `- [ ] T${i * 3 + 1} a T${i * 7}-T${i * 7 + 400}`).join('\n'),
  '20,000 phases of mixed lines': Array.from({ length: 20_000 }, (_, i) => `## P${i}\n- [ ] T${i * 2} a\n- [ ] b\n- T${i * 2 + 1}`).join('\n'),
  'a jump of a trillion ids': '- [ ] T1 a\n- [ ] T999999999999 b',
};

describe('task-list rules on pathological input', () => {
  it.each(Object.entries(CASES))('%s', (_, body) => {
    const files = [{ path: 'specs/001-a/tasks.md', content: `# Tasks: A\n\n## Phase 1: Setup\n\n${body}\n` }];
    const started = performance.now();
    evaluate({ files, config: { ...defaultConfig(), 'max-file-size': 20_000_000 }, rules: RULES });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
