import { describe, expect, it } from '@jest/globals';
import { makeRepo, runCli } from './support.js';

type Json = { gates: Array<{ findings: Array<{ rule: string; line: number; message: string }> }>; suppressions?: unknown[] };
const findings = (report: Json) => report.gates.flatMap((gate) => gate.findings);

// Modelled on wildcard__caro specs/008-magic-link-terminal/spec.md: a spec with open
// `[NEEDS CLARIFICATION]` markers among its requirements.
const SPEC = (body: string): string => `# Feature Specification: Build a CLI\n\n## Requirements\n\n${body}`;

describe('inline suppression', () => {
  it('specgate-disable-next-line with a reason drops the next line\'s finding and lists it in the report', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': SPEC('<!-- specgate-disable-next-line no-unresolved-clarifications -- answered in the kickoff notes -->\n- **FR-001**: [NEEDS CLARIFICATION: output format?]\n- **FR-002**: [NEEDS CLARIFICATION: exit codes?]\n'),
    });
    const result = runCli(['check', '--format', 'json'], root);
    const report = JSON.parse(result.stdout) as Json;
    expect(findings(report).filter((f) => f.rule === 'no-unresolved-clarifications').map((f) => f.line)).toEqual([7]);
    expect(report.suppressions).toEqual([
      { path: 'specs/001-a/spec.md', line: 5, rules: ['no-unresolved-clarifications'], reason: 'answered in the kickoff notes', kind: 'next-line', suppressed: [{ rule: 'no-unresolved-clarifications', line: 6 }] },
    ]);
  });

  it('a disable/enable pair covers the lines between them only', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': SPEC('<!-- specgate-disable no-unresolved-clarifications -- tracked in #12 -->\n- **FR-001**: [NEEDS CLARIFICATION: a?]\n- **FR-002**: [NEEDS CLARIFICATION: b?]\n<!-- specgate-enable no-unresolved-clarifications -->\n- **FR-003**: [NEEDS CLARIFICATION: c?]\n'),
    });
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout) as Json;
    expect(findings(report).filter((f) => f.rule === 'no-unresolved-clarifications').map((f) => f.line)).toEqual([9]);
  });

  it('a suppression without a reason, or of an unknown rule, is itself a finding', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': SPEC('<!-- specgate-disable-next-line no-unresolved-clarifications -->\n- **FR-001**: [NEEDS CLARIFICATION: a?]\n<!-- specgate-disable-next-line no-such-rule -- typo -->\n- **FR-002**: done\n'),
    });
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout) as Json;
    const own = findings(report).filter((f) => f.rule === 'valid-suppression');
    expect(own.map((f) => [f.line, f.message.split(',')[0]])).toEqual([
      [5, 'Unexpected suppression without a reason'],
      [7, 'Unexpected unknown rule `no-such-rule` in a specgate suppression'],
    ]);
  });

  it('a suppression comment inside a code block is an example, not a suppression', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': SPEC('```markdown\n<!-- specgate-disable-next-line no-unresolved-clarifications -->\n```\n- **FR-001**: [NEEDS CLARIFICATION: a?]\n'),
    });
    const report = JSON.parse(runCli(['check', '--format', 'json'], root).stdout) as Json;
    expect(findings(report).filter((f) => f.rule === 'valid-suppression')).toEqual([]);
    expect(report.suppressions).toBeUndefined();
  });

  it('the markdown summary lists each suppression with its reason', () => {
    const root = makeRepo({
      'specs/001-a/spec.md': SPEC('<!-- specgate-disable-next-line no-unresolved-clarifications -- answered in the kickoff notes -->\n- **FR-001**: [NEEDS CLARIFICATION: output format?]\n'),
    });
    const out = runCli(['check', '--format', 'markdown'], root).stdout;
    expect(out).toContain('Suppressions');
    expect(out).toContain('`specs/001-a/spec.md:5` `no-unresolved-clarifications`: answered in the kickoff notes (1 finding)');
  });
});
