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

describe('many gaps in one feature', () => {
  // Shape from seanbarlow/doit specs/021-copilot-agent-fix: the tasks trace some requirements by
  // id and do the rest in their own words (`Line 2: mode: agent → agent: true` for each file).
  const ids = Array.from({ length: 10 }, (_, i) => `FR-${String(i + 1).padStart(3, '0')}`);
  const spec = `# Feature Specification: Agent Fix\n\n## Requirements\n\n${ids.map((id, i) => `- **${id}**: Prompt file number ${i + 1} MUST declare its agent property on line two`).join('\n')}\n`;
  const tasks = (cited: number): string => `# Tasks\n\n${ids.map((id, i) => `- [ ] T00${i} Update prompt ${i + 1}${i < cited ? ` (${id})` : ''}`).join('\n')}\n`;

  it('reports a few gaps of a feature that traces by id', () => {
    expect(check('specs/021-agent', spec, tasks(8)).lines).toEqual([13, 14]);
  });

  it('shows many gaps in the coverage table and reports none of them', () => {
    const { lines, text } = check('specs/021-agent', spec, tasks(6));
    expect(lines).toEqual([]);
    expect(text).toMatch(/6\/10 covered, 4 gaps/);
    expect(text).toMatch(/FR-007\s+GAP/);
  });
});
