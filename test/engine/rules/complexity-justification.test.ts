import { describe, expect, it } from '@jest/globals';
import { file, linesOf } from './helpers.js';

const PLAN = 'specs/001-bypass/plan.md';
const check = [
  '# Implementation Plan: Effect Bypass',
  '',
  '## Constitution Check',
  '',
  '- [x] **Code Standards**: TypeScript strict mode already enabled',
  '- [x] **Testing Standards**: [DEFERRED] No testing framework currently exists',
  '',
];

describe('a Complexity Tracking row that names the violation and gives a reason justifies it', () => {
  // Modelled on michael-graute__modular-web-syntheziser/specs/001-effect-bypass/plan.md
  // (`| No testing framework | Currently manual testing only | Adding test framework would delay delivery |`).
  it('counts a row whose violation starts with "No" as a justification', () => {
    const plan = file(PLAN, ...check,
      '## Complexity Tracking', '',
      '| Violation | Why Needed | Simpler Alternative Rejected Because |',
      '|-----------|------------|--------------------------------------|',
      '| No testing framework | Currently manual testing only | Adding a framework would delay delivery |');
    expect(linesOf('constitution-gates-verified', [plan])).toEqual([]);
  });

  // Modelled on BQsummer__boboa-boot/specs/003-dynamic-concurrency-control/plan.md (`| 违规项 | 必要性说明 | ... |`),
  // the table kept without its heading.
  it('reads a translated Complexity Tracking table without its heading', () => {
    const plan = file(PLAN, ...check,
      '## 复杂度说明', '',
      '| 违规项 | 必要性说明 | 为何拒绝更简单的替代方案 |',
      '|--------|------------|--------------------------|',
      '| 无测试框架 | 目前仅手动测试 | 引入测试框架会推迟交付 |');
    expect(linesOf('constitution-gates-verified', [plan])).toEqual([]);
  });

  it('does not count a row that only says there is nothing, or names no reason', () => {
    const plan = file(PLAN, ...check,
      '## Complexity Tracking', '',
      '| Violation | Why Needed | Simpler Alternative Rejected Because |',
      '|-----------|------------|--------------------------------------|',
      '| None | N/A | N/A |',
      '| No testing framework | | |');
    expect(linesOf('constitution-gates-verified', [plan])).toEqual([{ path: PLAN, line: 6 }]);
  });
});

describe('non-negotiable principles in a translated Complexity Tracking', () => {
  // Modelled on BQsummer__boboa-boot (Chinese plans, `## 复杂度追踪`) with a constitution marking a principle NON-NEGOTIABLE.
  const constitution = file('.specify/memory/constitution.md',
    '# Project Constitution', '', '## Core Principles', '',
    '### I. Test-First (NON-NEGOTIABLE)', '', 'Tests are written first.', '',
    '### II. Simplicity', '', 'Keep it small.', '',
    '**Version**: 1.0.0 | **Ratified**: 2025-01-01 | **Last Amended**: 2025-01-01');

  it('reports a justification of a NON-NEGOTIABLE principle under a translated heading', () => {
    const plan = file('specs/003-concurrency/plan.md', '# 实施计划', '', '## 复杂度追踪', '',
      '| 违规项 | 必要性说明 | 为何拒绝更简单的替代方案 |', '|---|---|---|',
      '| Test-First 推迟 | 先交付原型 | 时间不足 |');
    expect(linesOf('non-negotiable-not-justified', [constitution, plan])).toEqual([{ path: plan.path, line: 7 }]);
  });

  it('does not report a row naming another principle', () => {
    const plan = file('specs/003-concurrency/plan.md', '# 实施计划', '', '## 复杂度追踪', '',
      '| 违规项 | 必要性说明 | 为何拒绝更简单的替代方案 |', '|---|---|---|',
      '| Simplicity：新增缓存层 | 高并发 | 直接查询太慢 |');
    expect(linesOf('non-negotiable-not-justified', [constitution, plan])).toEqual([]);
  });
});
