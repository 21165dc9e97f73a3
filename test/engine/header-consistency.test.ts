import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, parseConfig, type Finding } from '../../src/engine/index.js';

const templatePlan = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'unfilled-template', 'fail-plan.md'), 'utf8');
const HEADER_RULES = new Set(['branch-matches-folder', 'no-machine-paths', 'feature-numbers-unique', 'plan-has-spec', 'plan-spec-link-resolves']);

function findings(files: Array<{ path: string; content: string }>, config = defaultConfig(), tree?: Set<string>): Finding[] {
  return evaluate({ files, config, ...(tree ? { tree } : {}) }).gates.flatMap((gate) => gate.findings);
}

describe('header consistency and missing documents', () => {
  it('folds a missing spec into unfilled-template when the plan is the untouched template', () => {
    // Modelled on zerlake__thesisai-philippines/specs/main/plan.md: the plan template copied on `main`.
    const files = [{ path: 'specs/main/plan.md', content: templatePlan }];
    const found = findings(files).map((finding) => finding.rule);
    expect(found).toContain('unfilled-template');
    expect(found).not.toContain('plan-has-spec');
    const off = parseConfig('rules:\n  unfilled-template: off\n');
    if (!off.ok) throw new Error('config');
    expect(findings(files, off.config).map((finding) => finding.rule)).toContain('plan-has-spec');
  });

  it('finds a spec the tree holds though the run does not check it', () => {
    const plan = '# Implementation Plan: A\n\n## Constitution Check\n\n- [x] Simple\n';
    const files = [{ path: 'specs/001-a/plan.md', content: plan }];
    expect(findings(files).map((finding) => finding.rule)).toContain('plan-has-spec');
    expect(findings(files, defaultConfig(), new Set(['specs/001-a/plan.md', 'specs/001-a/spec.md'])).map((finding) => finding.rule)).not.toContain('plan-has-spec');
  });

  it('counts a folder the tree holds when numbers collide', () => {
    const files = [{ path: 'specs/003-b/spec.md', content: '# Feature Specification: B\n' }];
    const tree = new Set(['specs/003-a/spec.md', 'specs/003-b/spec.md']);
    expect(findings(files, defaultConfig(), tree).filter((finding) => finding.rule === 'feature-numbers-unique')).toEqual([
      expect.objectContaining({ path: 'specs/003-b/spec.md', line: 1, message: expect.stringContaining('`specs/003-a`') }),
    ]);
  });

  const LONG = 100_000;
  const CASES: Record<string, string> = {
    'a branch label followed by spaces': `**Feature Branch**: ${' '.repeat(LONG)}x`,
    'a branch label followed by backticks': `**Branch**: ${'`'.repeat(LONG)}`,
    'a spec label followed by link openers': `**Spec**: ${'](' .repeat(LONG / 2)}`,
    'a spec label followed by field separators': `**Spec**: ${' | '.repeat(LONG / 3)}`,
    'a home folder of a hundred thousand segments': `See /home/${'a/'.repeat(LONG / 2)}`,
    'repeated home folder prefixes': '/Users/'.repeat(LONG / 7),
    'repeated drive letters': 'C:\\'.repeat(LONG / 3),
  };

  it.each(Object.entries(CASES))('%s: a clean check or a finding, never a hang', (_name, line) => {
    const files = ['spec.md', 'plan.md', 'tasks.md'].map((name) => ({ path: `specs/001-a/${name}`, content: `# Feature Specification: A\n\n${line}\n` }));
    const started = performance.now();
    const config = { ...defaultConfig(), 'max-file-size': 2_000_000 };
    const found = evaluate({ files, config }).gates.flatMap((gate) => gate.findings).filter((finding) => HEADER_RULES.has(finding.rule));
    expect(found.filter((finding) => finding.message.startsWith('Unexpected error in rule'))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
