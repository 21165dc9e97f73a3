import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, findClarificationMarkers, parseConfig, toDocument, type Finding, type GateId, type Report } from '../../src/engine/index.js';

// The five seed plans, laid out as a repository would hold them (copied from shared/seeds).
const SPECS = join(import.meta.dirname, '..', 'fixtures', 'seeds', 'specs');
const files = readdirSync(SPECS).sort().map((folder) => ({
  path: `specs/${folder}/plan.md`,
  content: readFileSync(join(SPECS, folder, 'plan.md'), 'utf8'),
}));

const report: Report = evaluate({ files, config: defaultConfig() });

function findings(seed: string, gate: GateId): Finding[] {
  return report.gates.find((result) => result.id === gate)!.findings.filter((finding) => finding.path.startsWith(`specs/${seed}`));
}

function errors(seed: string, gate: GateId): Finding[] {
  return findings(seed, gate).filter((finding) => finding.severity === 'error');
}

describe('seed plans: clarifications and constitution gates', () => {
  it('classifies the seeds into their families', () => {
    expect(report.documents.map((document) => document.family)).toEqual([
      'speckit-gen1', 'speckit-gen1', 'speckit-epic', 'phased-plan', 'milestone-plan',
    ]);
  });

  it('folds the template values of seed 002 (the unfilled epic template) into one unfilled-template error', () => {
    expect(findings('002', 'clarifications')).toEqual([]);
    expect(findings('002', 'constitution').filter((finding) => finding.rule === 'constitution-check-filled')).toEqual([]);
    const template = errors('002', 'completeness').filter((finding) => finding.rule === 'unfilled-template');
    expect(template).toHaveLength(1);
  });

  it('still finds each template value of seed 002 when unfilled-template is off', () => {
    const parsed = parseConfig('rules:\n  unfilled-template: off\n');
    if (!parsed.ok) throw new Error('config');
    const all = evaluate({ files, config: parsed.config }).gates.flatMap((gate) => gate.findings).filter((finding) => finding.path.includes('/002-'));
    const technical = all.filter((finding) => finding.rule === 'technical-context-resolved');
    expect(technical.map((finding) => finding.line)).toEqual([51, 52, 53, 55, 56, 57, 58, 59, 60]);
    const filled = all.filter((finding) => finding.rule === 'constitution-check-filled');
    expect(filled.map((finding) => finding.line)).toEqual([74, 75, 76, 77]);
  });

  it('passes seed 000 on constitution but flags its template Complexity Tracking rows as warnings', () => {
    expect(errors('000', 'constitution')).toEqual([]);
    const residue = findings('000', 'constitution').filter((finding) => finding.rule === 'complexity-tracking-no-template-rows');
    expect(residue.map((finding) => [finding.line, finding.severity])).toEqual([[211, 'warning'], [212, 'warning']]);
  });

  it('passes seed 001 on constitution: planned PASS bullets, no violations, the deviations box may stay open', () => {
    expect(findings('001', 'constitution')).toEqual([]);
  });

  it('finds no clarification in seeds 000 and 001: fenced markers and mentions are not findings', () => {
    expect(findings('000', 'clarifications')).toEqual([]);
    expect(findings('001', 'clarifications')).toEqual([]);
  });

  it('asks no constitution check of the phased and milestone plans', () => {
    for (const seed of ['003', '004']) {
      expect(findings(seed, 'constitution')).toEqual([]);
      expect(findings(seed, 'clarifications')).toEqual([]);
    }
  });
});

describe('findClarificationMarkers', () => {
  it('returns each actionable marker with its position and question, and no mention', () => {
    const text = [
      '# Feature Specification: A',
      '- **FR-001**: Log in via [NEEDS CLARIFICATION: SSO or OAuth?] and `[NEEDS CLARIFICATION: code]`',
      '- [x] No [NEEDS CLARIFICATION] markers remain',
      '| Retention | **[needs clarification: 30 or 90 days?]** |',
    ].join('\n');
    expect(findClarificationMarkers(toDocument('specs/001-a/spec.md', text))).toEqual([
      { line: 2, column: 26, question: 'SSO or OAuth?' },
      { line: 4, column: 17, question: '30 or 90 days?' },
    ]);
  });
});
