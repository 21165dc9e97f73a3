import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, parseConfig, rules, type Finding } from '../../src/engine/index.js';
import { LEFTOVER_RULES } from '../../src/engine/rules/completeness/unfilled-template.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules', 'unfilled-template');
const templatePlan = readFileSync(join(FIXTURES, 'fail-plan.md'), 'utf8');
const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));

function findings(files: Array<{ path: string; content: string }>, config = defaultConfig()): Finding[] {
  return evaluate({ files, config }).gates.flatMap((gate) => gate.findings);
}

describe('unfilled template: one finding for the template state', () => {
  it('folds every leftover of a template plan into one error and keeps what is not about the template', () => {
    // A template plan an agent copied, with one real open question written into it.
    const plan = templatePlan.replace('[Extract from feature spec: primary requirement + technical approach from research]', 'Export invoices. [NEEDS CLARIFICATION: which payment provider?]');
    const found = findings([{ path: 'specs/001-fixture/plan.md', content: plan }]);
    const template = found.filter((finding) => finding.rule === 'unfilled-template');
    expect(template).toHaveLength(1);
    expect(template[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(template[0]!.message).toMatch(/spec-kit plan template \(\d+ leftover lines, first at 3, 5, /);
    expect(found.filter((finding) => byId.get(finding.rule)?.meta.residue === true)).toEqual([]);
    expect(found.filter((finding) => /Unexpected template value/.test(finding.message))).toEqual([]);
    expect(found.map((finding) => finding.rule)).toContain('no-unresolved-clarifications');
  });

  it('folds the gen-1 template\'s unchecked Gate Status boxes too', () => {
    const gen1 = readFileSync(join(FIXTURES, 'fail-plan-gen1.md'), 'utf8');
    const found = findings([{ path: 'specs/001-fixture/plan.md', content: gen1 }]);
    expect(found.map((finding) => finding.rule)).toEqual(['unfilled-template']);
    const off = parseConfig('rules:\n  unfilled-template: off\n');
    if (!off.ok) throw new Error('config');
    expect(findings([{ path: 'specs/001-fixture/plan.md', content: gen1 }], off.config).map((finding) => finding.rule)).toContain('gate-status-complete');
  });

  it('leaves the leftovers of another document alone', () => {
    const filled = 'spec-kit plan\n\n## Summary\n\nExports invoices as CSV.\n\n**Date**: [DATE]\n';
    const found = findings([
      { path: 'specs/001-fixture/plan.md', content: templatePlan },
      { path: 'specs/002-other/plan.md', content: filled },
    ]);
    expect(found.filter((finding) => finding.path === 'specs/002-other/plan.md' && finding.rule === 'no-template-residue')).toHaveLength(1);
  });

  it('counts leftovers by the rules that declare them', () => {
    const declared = rules.filter((rule) => rule.meta.residue === true).map((rule) => rule.meta.id);
    const counted = new Set(LEFTOVER_RULES.map((rule) => rule.meta.id));
    for (const id of declared) expect(counted).toContain(id);
    expect(rules.filter((rule) => rule.meta.foldsResidue === true).map((rule) => rule.meta.id)).toEqual(['unfilled-template']);
  });
});

describe('precedence: one line, one cause', () => {
  const plan = [
    '# Implementation Plan: CSV Export',
    '',
    '## Technical Context',
    '',
    '**Language/Version**: Python 3.12',
    '**Testing**: [e.g., pytest, XCTest, cargo test or NEEDS CLARIFICATION]',
    '',
  ].join('\n');

  it('reports a Technical Context template value once, by the rule that names the field', () => {
    const atLine = findings([{ path: 'specs/001-fixture/plan.md', content: plan }]).filter((finding) => finding.line === 6);
    expect(atLine.map((finding) => finding.rule)).toEqual(['technical-context-resolved']);
    expect(atLine[0]!.message).toContain('field `Testing`');
  });

  it('keeps the less specific finding when the more specific rule is off', () => {
    const parsed = parseConfig('rules:\n  technical-context-resolved: off\n');
    if (!parsed.ok) throw new Error('config');
    const atLine = findings([{ path: 'specs/001-fixture/plan.md', content: plan }], parsed.config).filter((finding) => finding.line === 6);
    expect(atLine.map((finding) => finding.rule)).toEqual(['no-template-residue']);
  });

  it('is declared between registered rules, without cycles', () => {
    for (const rule of rules) {
      for (const id of rule.meta.supersedes ?? []) {
        expect(byId.has(id)).toBe(true);
        expect(id).not.toBe(rule.meta.id);
        expect(byId.get(id)!.meta.supersedes ?? []).not.toContain(rule.meta.id);
      }
    }
  });
});
