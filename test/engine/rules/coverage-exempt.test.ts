import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, rules, toDocument } from '../../../src/engine/index.js';
import { buildCoverage, renderCoverageText } from '../../../src/engine/report/coverage.js';

const RULE = 'requirements-covered-by-tasks';

function check(folder: string, spec: string, tasks: string): { lines: number[]; text: string } {
  const files = [{ path: `${folder}/spec.md`, content: spec }, { path: `${folder}/tasks.md`, content: tasks }];
  const report = evaluate({ files, config: defaultConfig(), rules: rules.filter((rule) => rule.meta.id === RULE) });
  const lines = report.gates.flatMap((gate) => gate.findings).filter((finding) => finding.rule === RULE).map((finding) => finding.line).sort((a, b) => a - b);
  return { lines, text: renderCoverageText(buildCoverage(files.map((file) => toDocument(file.path, file.content)))) };
}

describe('requirements that need no task', () => {
  // Shape from busla__summerhouse/specs/013-stripe-payment/spec.md: FR-019..FR-021 say how Stripe Checkout already meets them.
  const spec = `# Feature Specification: Stripe Payment

## Requirements

- **FR-001**: System MUST create a Stripe Checkout session for a reservation
- **FR-002**: System MUST store the payment intent id on the Payment record
- **FR-003**: Frontend MUST redirect users to Stripe Checkout for payment *(satisfied by Stripe Checkout redirect)*
- **FR-004**: System MUST send a receipt email after payment
`;
  const tasks = `# Tasks

- [ ] T001 Create checkout session endpoint (FR-001)
- [ ] T002 Add payment_intent_id to Payment (FR-002)
`;

  it('takes a requirement that says what already satisfies it as needing no task, and shows why', () => {
    const { lines, text } = check('specs/013-stripe', spec, tasks);
    expect(lines).toEqual([8]);
    expect(text).toMatch(/FR-003\s+-\s+— \(needs no task: satisfied by Stripe Checkout redirect\)/);
  });

  it('still reports the same requirement without the note', () => {
    const { lines } = check('specs/013-stripe', spec.replace(' *(satisfied by Stripe Checkout redirect)*', ''), tasks);
    expect(lines).toEqual([7, 8]);
  });
});

describe('post-launch outcomes and business KPIs', () => {
  // Shape from angusmccloud__inventory-management-context/specs/016-pending-invite-join/spec.md (SC-003: support tickets).
  const spec = `# Feature Specification: Pending Invites

## Requirements

- **FR-001**: System MUST list pending invites for the signed-in member

## Success Criteria

- **SC-001**: Members see their pending invites within 2 seconds of signing in
- **SC-002**: Support tickets about joining the wrong family decrease by at least 60% within one month of launch
- **SC-003**: Invite acceptance completes in under 500 ms at p95
- **SC-004**: Declined invites are recorded in the audit log
`;
  const tasks = `# Tasks

- [ ] T001 List pending invites on sign-in (FR-001, SC-001)
- [ ] T002 Write declined invites to the audit log (SC-004)
`;

  it("leaves a post-launch KPI out of task coverage, as spec-kit's analyze does, and keeps buildable criteria", () => {
    const { lines, text } = check('specs/016-invites', spec, tasks);
    expect(lines).toEqual([11]);
    expect(text).toMatch(/SC-002\s+-\s+— \(needs no task: a post-launch outcome\)/);
  });
});
