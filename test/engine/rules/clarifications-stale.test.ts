import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, findClarificationMarkers, rules, toDocument, type Finding } from '../../../src/engine/index.js';
import { collectMarkers } from '../../../src/github/issues/markers.js';

type Files = Record<string, string>;

function sources(files: Files): { path: string; content: string }[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

/** Findings of the clarifications gate's rules over the files, as `line rule severity`. */
function findings(files: Files): Finding[] {
  const selected = rules.filter((rule) => rule.meta.gate === 'clarifications');
  const report = evaluate({ files: sources(files), config: defaultConfig(), rules: selected });
  return report.gates.flatMap((gate) => gate.findings);
}

function brief(files: Files): string[] {
  return findings(files).map((finding) => `${finding.path}:${finding.line} ${finding.rule} ${finding.severity}`).sort();
}

describe('class 1: a marker answered under ## Clarifications is stale, not open', () => {
  // Modelled on RonnyRoos__cerebrobot/specs/009-server-side-autonomy/spec.md: `## Clarifications`,
  // `### Session 2025-10-15`, then `- Q: … → A: …` bullets written by /clarify.
  const spec = (requirement: string, heading = '## Clarifications'): string => [
    '# Feature Specification: Server-side autonomy', // 1
    '', // 2
    heading, // 3
    '', // 4
    '### Session 2025-10-15', // 5
    '', // 6
    '- Q: How should the system handle timers whose `fire_at` is already in the past? → A: Fire immediately (promote to event right away)', // 7
    '- Q: When a conversation thread is explicitly closed/ended, what should happen to all pending timers for that SESSION_KEY? → A: Let timers continue firing (no explicit close mechanism in MVP)', // 8
    '', // 9
    '## Requirements *(mandatory)*', // 10
    '', // 11
    requirement, // 12
    '',
  ].join('\n');

  it('fails: a marker whose question no Q: asks stays an open-marker error', () => {
    const files = { 'specs/009-autonomy/spec.md': spec('- **FR-012**: Timers MUST be capped at [NEEDS CLARIFICATION: maximum timer duration in days?]') };
    expect(brief(files)).toEqual(['specs/009-autonomy/spec.md:12 no-unresolved-clarifications error']);
    expect(findClarificationMarkers(toDocument('specs/009-autonomy/spec.md', files['specs/009-autonomy/spec.md']))).toHaveLength(1);
  });

  it('passes the error: a marker answered by a Q: (most content words shared) is a stale warning pointing to the answer', () => {
    const files = { 'specs/009-autonomy/spec.md': spec('- **FR-013**: On close, pending timers MUST [NEEDS CLARIFICATION: what should happen to pending timers when a thread is closed?]') };
    const found = findings(files);
    expect(found.map((f) => `${f.line} ${f.rule} ${f.severity}`)).toEqual(['12 no-stale-clarifications warning']);
    expect(found[0]!.message).toBe(
      'Unexpected stale clarification `what should happen to pending timers when a thread is closed?`, expected no marker: '
      + 'answered at line 8: `Let timers continue firing (no explicit close mechanism in MVP)`; remove the marker',
    );
  });

  it('matches the same question across case, punctuation and spacing, and by containment', () => {
    const same = spec('- **FR-013**: [NEEDS CLARIFICATION: how should  the SYSTEM handle timers whose fire_at is already in the past]');
    expect(brief({ 'specs/009-autonomy/spec.md': same })).toEqual(['specs/009-autonomy/spec.md:12 no-stale-clarifications warning']);
    const contained = spec('- **FR-013**: [NEEDS CLARIFICATION: timers whose fire_at is already in the past]');
    expect(brief({ 'specs/009-autonomy/spec.md': contained })).toEqual(['specs/009-autonomy/spec.md:12 no-stale-clarifications warning']);
  });

  it('does not match a question that only shares a topic word, nor answers under "Clarifications Needed"', () => {
    // "Clarifications Needed" lists open topics (wildcard__caro/specs/004-implement-ollama-and/spec.md), not answers.
    const topic = spec('- **FR-014**: [NEEDS CLARIFICATION: which timers library should be used?]');
    expect(brief({ 'specs/009-autonomy/spec.md': topic })).toEqual(['specs/009-autonomy/spec.md:12 no-unresolved-clarifications error']);
    const needed = spec('- **FR-013**: [NEEDS CLARIFICATION: what should happen to pending timers when a thread is closed?]', '## Clarifications Needed');
    expect(brief({ 'specs/009-autonomy/spec.md': needed })).toEqual(['specs/009-autonomy/spec.md:12 no-unresolved-clarifications error']);
  });

  it('reads a translated Clarifications heading and a numbered one', () => {
    // Modelled on henriquelopeslima__l1face/specs/016-profile-photo-display/spec.md (`## Clarificações`, `### Sessão …`)
    // and zerlake__thesisai-philippines (`## 2. Clarifications`).
    const text = (heading: string): string => [
      '# Especificação',
      heading,
      '### Sessão 2026-06-21',
      '- Q: Como o sistema deve tratar a expiração da URL assinada da foto de perfil? → A: Aceitar degradação natural',
      '## Requisitos',
      '- **FR-001**: [NEEDS CLARIFICATION: como o sistema deve tratar a expiração da URL assinada da foto de perfil?]',
    ].join('\n');
    for (const heading of ['## Clarificações', '## 2. Clarifications']) {
      expect(brief({ 'specs/016-foto/spec.md': text(heading) })).toEqual(['specs/016-foto/spec.md:6 no-stale-clarifications warning']);
    }
  });

  it('opens no clarification issue for a stale marker, one for an open marker', () => {
    const stale = spec('- **FR-013**: [NEEDS CLARIFICATION: what should happen to pending timers when a thread is closed?]');
    const open = spec('- **FR-012**: [NEEDS CLARIFICATION: maximum timer duration in days?]');
    for (const [content, count] of [[stale, 0], [open, 1]] as const) {
      const files = sources({ 'specs/009-autonomy/spec.md': content });
      const report = evaluate({ files, config: defaultConfig() });
      expect(collectMarkers(files, report)).toHaveLength(count);
      expect(findClarificationMarkers(toDocument('specs/009-autonomy/spec.md', content))).toHaveLength(count);
    }
  });
});

describe('class 2: Technical Context answered in research.md, in every translation', () => {
  // Modelled on xtdw12345__happy-java/specs/002-spring-bean-navigation/plan.md (`## 技术上下文`,
  // `- NEEDS CLARIFICATION: Java解析库选择`) and its research.md.
  const plan = (heading: string): string => [
    '# 实施计划：Spring Bean 导航', // 1
    '', // 2
    heading, // 3
    '', // 4
    '**语言/版本**: TypeScript 5.9+', // 5
    '**主要依赖**:', // 6
    '- java-parser (Java AST解析) 或类似库', // 7
    '- NEEDS CLARIFICATION: Java解析库选择', // 8
    '**测试**: NEEDS CLARIFICATION', // 9
    '',
  ].join('\n');
  const research = '# 技术研究报告\n\n## 研究主题 1: Java 解析库选择\n\n### 决策：选择 `java-parser`\n';
  const headings = [
    '## 技术上下文', '## 技术背景', '## 技術コンテキスト', '## 技術的コンテキスト', '## 기술 컨텍스트',
    '## Contexto Técnico', '## Contexto técnico', '## Технический контекст', '## Technical Context',
  ];

  it.each(headings)('fails without research.md under %s', (heading) => {
    expect(brief({ 'specs/002-bean/plan.md': plan(heading) })).toEqual([
      'specs/002-bean/plan.md:8 no-unresolved-clarifications error',
      'specs/002-bean/plan.md:9 technical-context-resolved error',
    ]);
  });

  it.each(headings)('passes once research.md exists under %s', (heading) => {
    expect(brief({ 'specs/002-bean/plan.md': plan(heading), 'specs/002-bean/research.md': research })).toEqual([]);
  });
});

describe('class 3: the gen-1 spec template\'s example of marking unclear requirements', () => {
  // The gen-1 spec-kit spec template's Functional Requirements (no corpus document keeps the
  // example block; the shape is the template's own).
  const spec = (after: string): string => [
    '# Feature Specification: Photo albums', // 1
    '## Requirements *(mandatory)*', // 2
    '### Functional Requirements', // 3
    '- **FR-001**: System MUST let users create albums', // 4
    '', // 5
    '*Example of marking unclear requirements:*', // 6
    '- **FR-006**: System MUST authenticate users via [NEEDS CLARIFICATION: auth method not specified - email/password, SSO, OAuth?]', // 7
    '- **FR-007**: System MUST retain user data for [NEEDS CLARIFICATION: retention period not specified]', // 8
    '', // 9
    after, // 10
    '',
  ].join('\n');

  it('passes: the introduced example block is not an open question', () => {
    expect(brief({ 'specs/001-albums/spec.md': spec('### Key Entities') })).toEqual([]);
  });

  it('fails: a real requirement after the example block is still an open question', () => {
    expect(brief({ 'specs/001-albums/spec.md': spec('- **FR-008**: Albums MUST be shared via [NEEDS CLARIFICATION: link or invite?]') })).toEqual([
      'specs/001-albums/spec.md:10 no-unresolved-clarifications error',
    ]);
  });

  it('fails: the same markers without the example introduction are open questions', () => {
    const text = spec('### Key Entities').replace('*Example of marking unclear requirements:*', '');
    expect(brief({ 'specs/001-albums/spec.md': text })).toEqual([
      'specs/001-albums/spec.md:7 no-unresolved-clarifications error',
      'specs/001-albums/spec.md:8 no-unresolved-clarifications error',
    ]);
  });

  it('passes translated introductions', () => {
    for (const intro of ['*标记不明确需求的示例：*', '*不明確な要件のマーキング例:*', '*Exemplo de marcação de requisitos não claros:*', '*Пример пометки неясных требований:*', '**Example of marking unclear requirements**:']) {
      expect(brief({ 'specs/001-albums/spec.md': spec('### Key Entities').replace('*Example of marking unclear requirements:*', intro) })).toEqual([]);
    }
  });
});

describe('clarifications rules on pathological lines', () => {
  const MB = 1_000_000;
  it.each([
    ['a heading of spaces', `# a${' '.repeat(MB / 2)}b #`],
    ['a Q: bullet of spaces under Clarifications', `## Clarifications\n- Q: ${' '.repeat(MB / 2)}→ ${' '.repeat(MB / 2)}`],
    ['an emphasised example line of asterisks', `*example unclear${'*'.repeat(MB / 2)}\n- [NEEDS CLARIFICATION: a?]`],
  ])('%s is checked in linear time', (_name, body) => {
    const started = performance.now();
    findings({ 'specs/001-a/spec.md': `# Feature Specification: A\n\n${body}\n` });
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
