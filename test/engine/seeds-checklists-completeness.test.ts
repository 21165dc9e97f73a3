import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checklistSummary, defaultConfig, evaluate, parseConfig, toDocument, type GateId, type Report } from '../../src/engine/index.js';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const FOLDERS = {
  gen1Filled: 'specs/000-testing-environment',
  gen1Partial: 'specs/001-simulation-runner',
  epicTemplate: 'specs/002-epic-template',
  phasedPrompt: 'specs/003-phased-plan',
  milestoneTemplate: 'specs/004-milestone-plan',
} as const;

function check(folder: string, yaml?: string): Report {
  const path = `${folder}/plan.md`;
  const parsed = yaml === undefined ? undefined : parseConfig(yaml);
  if (parsed && !parsed.ok) throw new Error('config');
  return evaluate({ files: [{ path, content: readFileSync(join(SEEDS, path), 'utf8') }], config: parsed?.ok ? parsed.config : defaultConfig() });
}

function gate(report: Report, id: GateId) {
  const found = report.gates.find((g) => g.id === id);
  if (!found) throw new Error(`no gate ${id}`);
  return found;
}

describe('seeds through the checklists and completeness gates', () => {
  it('fails completeness for the unfilled epic template (seed 002) with one error naming the template', () => {
    const report = check(FOLDERS.epicTemplate);
    const completeness = gate(report, 'completeness');
    expect(completeness.conclusion).toBe('failure');
    expect(completeness.findings.map((f) => [f.rule, f.line])).toEqual([['unfilled-template', 1]]);
    expect(completeness.findings[0]!.message).toMatch(/still the spec-kit epic plan template \(26 leftover lines, first at 1, 3, 34, 41, 51, …\)/);
  });

  it('finds each placeholder of seed 002 when unfilled-template is off', () => {
    const residue = gate(check(FOLDERS.epicTemplate, 'rules:\n  unfilled-template: off\n'), 'completeness').findings.filter((f) => f.rule === 'no-template-residue').map((f) => f.line);
    // Line 51 is a Technical Context value: technical-context-resolved reports it, naming the field.
    expect(residue).toEqual(expect.arrayContaining([1, 3, 134]));
    expect(residue).not.toContain(51);
  });

  it('fails checklists for seed 002: both required checklists are missing beside the plan', () => {
    const findings = gate(check(FOLDERS.epicTemplate), 'checklists').findings.filter((f) => f.rule === 'required-checklists-present');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/checklists\/requirements\.md[\s\S]*checklists\/PlanQualityGate\.md/);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('keeps seed 002 passing required-checklists-present once both checklists exist in the tree', () => {
    const path = `${FOLDERS.epicTemplate}/plan.md`;
    const tree = new Set([path, `${FOLDERS.epicTemplate}/checklists/requirements.md`, `${FOLDERS.epicTemplate}/checklists/PlanQualityGate.md`]);
    const report = evaluate({ files: [{ path, content: readFileSync(join(SEEDS, path), 'utf8') }], config: defaultConfig(), tree });
    expect(gate(report, 'checklists').findings.filter((f) => f.rule === 'required-checklists-present')).toEqual([]);
  });

  it('fails completeness for the unfilled milestone template (seed 004)', () => {
    const completeness = gate(check(FOLDERS.milestoneTemplate), 'completeness');
    expect(completeness.conclusion).toBe('failure');
    expect(completeness.findings.filter((f) => f.rule === 'unfilled-template').map((f) => f.message)).toEqual([expect.stringMatching(/still the milestone plan template/)]);
    const overview = gate(check(FOLDERS.milestoneTemplate, 'rules:\n  unfilled-template: off\n'), 'completeness').findings.filter((f) => f.rule === 'no-placeholder-values' && f.line >= 9 && f.line <= 13);
    expect(overview).toHaveLength(5);
  });

  it.each([FOLDERS.gen1Filled, FOLDERS.gen1Partial])('does not fail completeness for the filled gen-1 plan %s', (folder) => {
    const completeness = gate(check(folder), 'completeness');
    expect(completeness.conclusion).toBe('success');
    expect(completeness.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('does not fail the checklists gate for the gen-1 plans, whose Progress Tracking boxes are open by design', () => {
    expect(gate(check(FOLDERS.gen1Partial), 'checklists').findings).toEqual([]);
    expect(gate(check(FOLDERS.gen1Filled), 'checklists').findings).toEqual([]);
  });

  it('reads the phased planning prompt (seed 003) without crashing and without failing either gate', () => {
    const report = check(FOLDERS.phasedPrompt);
    expect(report.documents[0]?.family).toBe('phased-plan');
    for (const id of ['checklists', 'completeness'] as const) {
      expect(gate(report, id).conclusion).toBe('success');
      expect(gate(report, id).findings.filter((f) => f.message.startsWith('Unexpected error'))).toEqual([]);
    }
  });
});

describe('checklistSummary', () => {
  it('counts checked and open items per checklist, skipping settled marks, legends and code', () => {
    const requirements = '# Checklist\n\n- [x] a\n- [X] b\n* [ ] c\n1. [~] d\n- [N/A] e\n- [-] f\n\n**Legend**:\n- [ ] Not started\n\n```\n- [ ] in code\n```\n';
    const report = evaluate({
      files: [
        { path: 'specs/001-x/checklists/requirements.md', content: requirements },
        { path: 'specs/001-x/checklists/ux.md', content: '# UX\n\n- [x] CHK001 - Is it clear?\n' },
        { path: 'specs/001-x/spec.md', content: '# Feature Specification: X\n\n- [ ] not a checklist\n' },
      ],
      config: defaultConfig(),
    });
    expect(report.gates.find((g) => g.id === 'checklists')?.findings.map((f) => `${f.rule}:${f.line}`)).toEqual(['gate-checklists-complete:5', 'gate-checklists-complete:6']);
  });
});

describe('checklistSummary rows', () => {
  it('returns one sorted row per checklist document', () => {
    const docs = [
      toDocument('specs/001-x/checklists/ux.md', '# UX\n\n- [x] CHK001 - a\n- [ ] CHK002 - b\n'),
      toDocument('specs/001-x/spec.md', '# Feature Specification: X\n\n- [ ] not a checklist\n'),
      toDocument('specs/001-x/checklists/requirements.md', '# R\n\n- [x] a\n- [N/A] b\n- [ ] Not started\n'),
    ];
    expect(checklistSummary(docs)).toEqual([
      { path: 'specs/001-x/checklists/requirements.md', total: 1, checked: 1, unchecked: 0 },
      { path: 'specs/001-x/checklists/ux.md', total: 2, checked: 1, unchecked: 1 },
    ]);
  });
});
