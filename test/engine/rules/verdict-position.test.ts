import { describe, expect, it } from '@jest/globals';
import { file, linesOf } from './helpers.js';

const PLAN = 'specs/001-ui/plan.md';

describe('verdict words count only in a verdict position', () => {
  // Modelled on RonnyRoos__cerebrobot/specs/005-switch-to-websocket/plan.md (`**Overall Status**: ✅ CONDITIONAL PASS`)
  // and nicholaspsmith__memoryloop/specs/020-study-ui-improvements/plan.md (a `PENDING` status cell).
  it('flags CONDITIONAL and PENDING where a verdict goes', () => {
    const plan = file(PLAN,
      '# Implementation Plan: UI',
      '',
      '## Constitution Check',
      '',
      '| Principle | Status | Notes |',
      '|-----------|--------|-------|',
      '| I. Documentation-First | PASS | Spec complete |',
      '| VI. Atomic Commits | PENDING | Will follow the commit rules |',
      '',
      '- **Testing Standards**: [DEFERRED] No test framework yet',
      '- ⚠️ Conditional on the design review',
      '',
      '**Overall Status**: ✅ CONDITIONAL PASS',
    );
    expect(linesOf('constitution-gates-verified', [plan]).map((f) => f.line)).toEqual([8, 10, 11, 13]);
  });

  // Modelled on RonnyRoos__cerebrobot/specs/013-neon-flux-design-system (`### Conditional Rendering` in its
  // quickstart) and RonnyRoos__cerebrobot/specs/009-server-side-autonomy/plan.md (`- Conditional edge after
  // agent response ...`): a principle or a bullet that merely says "conditional" is no verdict.
  it('does not read principle names or prose as verdicts', () => {
    const plan = file(PLAN,
      '# Implementation Plan: UI',
      '',
      '## Constitution Check',
      '',
      '| # | Principle | Evidence |',
      '|---|-----------|----------|',
      '| V | Conditional Rendering | Panels render only when data is loaded |',
      '| VI | Partial Hydration | Islands hydrate on demand |',
      '',
      '### V. Conditional Rendering',
      '',
      '- Conditional edge after agent response routes to the evaluator',
      '- Approach: Conditional rendering of the settings panel',
      '- Pending invites are shown in a separate list',
      '- The migration keeps a Partial index on `status`',
      '- Tests are written first and must FAIL before the code exists',
      '- No VIOLATIONS of the layering rules',
      '- A FAIL result from the linter blocks the merge',
      '',
      '**Status**: ✅ PASS',
    );
    expect(linesOf('constitution-gates-verified', [plan])).toEqual([]);
    expect(linesOf('constitution-violations-justified', [plan])).toEqual([]);
  });

  // Modelled on the Gen-1 seed plans' Gate Status boxes with a failing check in prose.
  it('keeps FAIL and VIOLATION in a verdict position failing', () => {
    const plan = file(PLAN,
      '# Implementation Plan: UI',
      '',
      '## Constitution Check',
      '',
      '- **Principle II (Library-First)**: FAIL - logic lives in the UI layer',
      '- ❌ Principle III: no tests yet',
      '- Simplicity → VIOLATION (a fourth project)',
    );
    expect(linesOf('constitution-violations-justified', [plan]).map((f) => f.line)).toEqual([5, 6, 7]);
  });

  // Modelled on zerlake__thesisai-philippines/specs/main/plan.md (Gate Status boxes, Gen-1).
  it('does not call the plan deviating because a note says "conditional"', () => {
    const plan = file(PLAN,
      '# Implementation Plan: UI',
      '',
      '**Branch**: `001-ui` | **Date**: 2025-01-01 | **Spec**: [spec.md](./spec.md)',
      '',
      '## Constitution Check',
      '',
      '- Library-First: ✅ PASS',
      '- Uses conditional exports; Conditional Rendering principle followed',
      '',
      '## Progress Tracking',
      '',
      '**Gate Status**:',
      '- [x] Initial Constitution Check: PASS',
      '- [x] Post-Design Constitution Check: PASS',
      '- [ ] Complexity deviations documented',
    );
    expect(linesOf('gate-status-complete', [plan])).toEqual([]);
  });
});

describe('a passed Constitution Check claim needs PASS where the verdict goes', () => {
  const spec = file('specs/001-ui/spec.md', '# Feature Specification: UI', '', '## Requirements', '',
    '- **FR-001**: The system MUST show [NEEDS CLARIFICATION: which panels?]');
  // Modelled on the Gen-1 Gate Status boxes of zerlake__thesisai-philippines/specs/main/plan.md.
  it('reports `Initial Constitution Check: PASS` checked over an open spec', () => {
    const plan = file(PLAN, '# Implementation Plan: UI', '', '## Progress Tracking', '', '- [x] Initial Constitution Check: PASS');
    expect(linesOf('no-pass-with-open-clarifications', [spec, plan])).toEqual([{ path: PLAN, line: 5 }]);
  });

  it('does not read "pass" in a note as the verdict', () => {
    const plan = file(PLAN, '# Implementation Plan: UI', '', '## Progress Tracking', '',
      '- [x] Constitution Check re-run scheduled (must pass once FR-001 is clarified)');
    expect(linesOf('no-pass-with-open-clarifications', [spec, plan])).toEqual([]);
  });
});
