import { describe, expect, it } from '@jest/globals';
import { defaultConfig, evaluate, rules, toDocument, type Finding } from '../../../src/engine/index.js';
import { buildCoverage, renderCoverageMarkdown, renderCoverageText } from '../../../src/engine/report/coverage.js';
import { contentWords, requirementDefinitions, taskItems, wordingMatches } from '../../../src/engine/rules/consistency/trace.js';

const RULE = 'requirements-covered-by-tasks';

function gaps(folder: string, spec: string, tasks: string): string[] {
  const report = evaluate({
    files: [{ path: `${folder}/spec.md`, content: spec }, { path: `${folder}/tasks.md`, content: tasks }],
    config: defaultConfig(),
    rules: rules.filter((rule) => rule.meta.id === RULE),
  });
  return report.gates
    .flatMap((gate) => gate.findings)
    .filter((finding: Finding) => finding.rule === RULE)
    .map((finding) => `${finding.path}:${finding.line}`)
    .sort();
}

function rows(folder: string, spec: string, tasks: string): Record<string, string> {
  const [coverage] = buildCoverage([toDocument(`${folder}/spec.md`, spec), toDocument(`${folder}/tasks.md`, tasks)]);
  return Object.fromEntries((coverage?.rows ?? []).map((row) => [row.id, `${row.via} ${row.tasks.join(' ')}`.trim()]));
}

describe('content words', () => {
  it('lower-cases, stems plurals, -ing and -ed, keeps acronyms and drops generic spec words', () => {
    expect([...contentWords('The System MUST support Users when formatting issues block deployments')].sort())
      .toEqual(['block', 'deployment', 'format', 'issue']);
    expect([...contentWords('Create POI DynamoDB service (T044, US5)')].sort()).toEqual(['dynamodb', 'poi', 'service']);
    expect([...contentWords('Nutzer müssen Räume buchen können')].sort()).toEqual(['buchen', 'können', 'müssen', 'nutzer', 'räume']);
  });
});

describe('a success criterion a task implements in its wording', () => {
  // Shape from busla__summerhouse/specs/011-cleanup-shadcn-auth/spec.md (SC-003, SC-004) and its
  // tasks.md (T049 `Run npx depcheck ... remove any findings`, citing no id).
  const folder = 'specs/011-cleanup';
  const spec = `# Feature Specification: Cleanup

## Requirements

- **FR-001**: System MUST show authentication errors in a shadcn Alert component
- **FR-002**: System MUST show booking status in a shadcn Badge component
- **FR-003**: System MUST delete the unused PhotoGallery component

## Success Criteria

- **SC-001**: 100% of error displays in authentication flows use the shadcn Alert component
- **SC-002**: Zero unused npm dependencies remain after cleanup (run \`npx depcheck\` and remove any findings)
- **SC-003**: Zero unused exports remain in authentication configuration files
- **SC-004**: Build bundle size does not increase
`;
  const tasks = `# Tasks

## Phase 3: Cleanup

- [x] T001 Replace error divs with shadcn Alert in \`LoginForm.tsx\` (FR-001, SC-001)
- [x] T002 Replace \`getStatusColor()\` with shadcn Badge (FR-002)
- [x] T003 Delete \`frontend/src/components/PhotoGallery.tsx\` (FR-003)
- [x] T004 Run \`npx depcheck\` in frontend to check for unused dependencies; remove any findings
- [x] T005 Compare bundle size to the baseline (SC-004)
`;

  it('passes: the task sharing its distinctive words covers it by wording', () => {
    expect(rows(folder, spec, tasks)['SC-002']).toBe('wording T004');
  });

  it('fails: sharing one distinctive word is not coverage', () => {
    // T004 shares `unused` with SC-003; `exports` and `configuration` appear in no task.
    expect(gaps(folder, spec, tasks)).toEqual([`${folder}/spec.md:13`]);
    expect(rows(folder, spec, tasks)['SC-003']).toBe('none');
  });

  it('shows the covering task and the shared words in both renderers', () => {
    const features = buildCoverage([toDocument(`${folder}/spec.md`, spec), toDocument(`${folder}/tasks.md`, tasks)]);
    const row = features[0]?.rows.find((r) => r.id === 'SC-002');
    expect(row?.words).toEqual(expect.arrayContaining(['depcheck', 'dependencies']));
    expect(renderCoverageText(features)).toMatch(/SC-002 {3}ok {3}T004 \(via wording: [^)]*depcheck/);
    expect(renderCoverageMarkdown(features)).toMatch(/\| SC-002 \| T004 \(via wording: [^)]*depcheck[^|]*\| ✓ \|/);
    expect(renderCoverageText(features)).toContain('6/7 covered, 1 gap');
  });
});

describe('code shared between a requirement and a task', () => {
  // Shapes from busla__summerhouse/specs/013-stripe-payment (FR-008 `PaymentIntent ID`, T003
  // `stripe_payment_intent_id`; FR-006 `SecureString`, T006 `SSMService ... SecureString`) and
  // FAIR-DM__django-literature/specs/004-import-references-bibtex (FR-001 `a BibTeX format`, T006 `BibTeXFormat`).
  const folder = 'specs/013-stripe';
  const spec = `# Feature Specification: Stripe

## Requirements

- **FR-001**: System MUST create a Checkout session for a reservation
- **FR-002**: System MUST verify the webhook signature of every Stripe event
- **FR-003**: System MUST create a Payment record with the Stripe transaction ID (PaymentIntent ID)
- **FR-004**: System MUST ship a BibTeX format that plugs into the import contract
- **FR-005**: System MUST refund a cancelled reservation
`;
  const tasks = `# Tasks

- [ ] T001 Implement \`StripeService.create_checkout_session()\` (FR-001)
- [ ] T002 Validate webhook signatures in \`webhooks.py\` (FR-002)
- [ ] T003 Extend the \`Payment\` model with \`stripe_payment_intent_id\`
- [ ] T004 Create \`literature/importers/bibtex.py\` with \`BibTeXFormat\`
- [ ] T005 Refund cancelled reservations (FR-005)
`;

  it('passes: an identifier, split or joined, covers the requirement naming it', () => {
    expect(rows(folder, spec, tasks)).toEqual({
      'FR-001': 'id T001', 'FR-002': 'id T002', 'FR-003': 'wording T003', 'FR-004': 'wording T004', 'FR-005': 'id T005',
    });
    expect(gaps(folder, spec, tasks)).toEqual([]);
  });

  it('fails: without the identifier the requirement is a gap', () => {
    const bare = tasks.replace('with `stripe_payment_intent_id`', 'with refund fields');
    expect(gaps(folder, spec, bare)).toEqual([`${folder}/spec.md:7`]);
  });
});

describe('sub-items of a task belong to its wording', () => {
  // Shape from RonnyRoos__cerebrobot/specs/001-build-cerebrobot-s: FR-008 "preserve existing
  // checkpoint-based short-term memory" and T024, whose sub-item reads "Preserve existing checkpoint and summarization flows".
  const folder = 'specs/001-memory';
  const spec = `# Feature Specification: Memory

## Requirements

- **FR-001**: System MUST store user memories in Postgres
- **FR-002**: System MUST retrieve memories by semantic similarity
- **FR-003**: System MUST preserve existing checkpoint-based short-term memory (thread-scoped state)
`;
  const tasks = `# Tasks

- [ ] T001 Store memories in \`store.ts\` (FR-001)
- [ ] T002 Retrieve memories in \`search.ts\` (FR-002)
- [ ] T003 Integrate memory nodes into the agent graph
  - Add \`retrieveMemories\` node before \`callModel\`
  - Preserve existing checkpoint and summarization flows
- [ ] T004 Document the memory settings
`;

  it('passes: a sub-item sharing the distinctive words covers the requirement', () => {
    expect(rows(folder, spec, tasks)['FR-003']).toBe('wording T003');
  });

  it('fails: the next task is not part of the previous one', () => {
    const moved = tasks.replace('  - Preserve existing checkpoint and summarization flows\n', '').replace('settings', 'settings\n\nPreserve existing checkpoint flows.');
    expect(gaps(folder, spec, moved)).toEqual([`${folder}/spec.md:7`]);
  });
});

describe('what does not cover by wording', () => {
  it('fails: a task sharing only generic spec words', () => {
    // Near miss in the shape of nicholaspsmith__memoryloop/specs/001-claude-flashcard (FR-025 offline
    // access, tasks sharing "users", "data", "display", "system").
    const folder = 'specs/001-flashcards';
    const spec = `# Feature Specification: Flashcards

## Requirements

- **FR-001**: System MUST generate flashcards from a conversation
- **FR-002**: System MUST schedule reviews with FSRS
- **FR-003**: System MUST allow users to view cached data when the network is unavailable
`;
    const tasks = `# Tasks

- [ ] T001 Generate flashcards from the conversation (FR-001)
- [ ] T002 Schedule reviews with FSRS (FR-002)
- [ ] T003 Display the data users view when the system starts
`;
    expect(gaps(folder, spec, tasks)).toEqual([`${folder}/spec.md:7`]);
  });

  it('fails: a requirement added late whose words a task shares only in part', () => {
    // Shape from FAIR-DM__django-literature/specs/004-import-references-bibtex: FR-033 (a retrieved date
    // is the access date) has no task; T017 "Implement date mapping" shares one distinctive word.
    const folder = 'specs/004-bibtex';
    const spec = `# Feature Specification: BibTeX

## Requirements

- **FR-001**: Contributor names MUST keep their source order and role
- **FR-002**: Entry types MUST be mapped to their CSL item type
- **FR-003**: A date a source records as the date its subject was retrieved MUST be mapped to the item's access date
- **FR-004**: A DOI written as a resolver URL MUST normalize to the bare identifier
- **FR-005**: Every field MUST be mapped to a CSL variable or kept under its own name
`;
    const tasks = `# Tasks

- [ ] T001 Write TestNames: contributor lists keep source order and role (FR-001)
- [ ] T002 Write TestEntryTypes: every entry type maps to its item type (FR-002)
- [ ] T003 Implement date mapping, building CSL date parts at the precision stated
- [ ] T004 Normalize DOIs written as resolver URLs (FR-004)
- [ ] T005 Assert every field is mapped or kept (FR-005)
`;
    expect(gaps(folder, spec, tasks)).toEqual([`${folder}/spec.md:7`]);
  });

  it('fails: a long criterion of which a task shares the tool names only', () => {
    // Shape from busla__summerhouse/specs/003-agentcore-identity-oauth2: SC-001 (OTP in under 90 seconds,
    // measured from `initiate_cognito_login` to `verify_cognito_otp`); T036a implements the tool.
    const folder = 'specs/003-otp';
    const spec = `# Feature Specification: OTP

## Requirements

- **FR-001**: System MUST send a one-time code by email
- **FR-002**: System MUST expire a code after five minutes

## Success Criteria

- **SC-001**: Guests complete passwordless OTP authentication in under 90 seconds. Measurement: server-side timing from the \`initiate_cognito_login\` tool invocation timestamp to the \`verify_cognito_otp\` success response, excluding network latency and user input time
- **SC-002**: Codes expire after five minutes
`;
    const tasks = `# Tasks

- [ ] T001 Send codes by email (FR-001)
- [ ] T002 Expire codes after five minutes (FR-002, SC-002)
- [ ] T003 Implement \`initiate_cognito_login(email)\` tool with a decorator
`;
    expect(gaps(folder, spec, tasks)).toEqual([`${folder}/spec.md:10`]);
  });

  it('fails: the words of an exclusion are not what the requirement asks for', () => {
    // Shape from busla__summerhouse/specs/011-cleanup-shadcn-auth: SC-005 (new dialogs use shadcn Dialog,
    // excluding the gallery lightbox); T048 only checks the lightbox is still used.
    const folder = 'specs/011-dialogs';
    const spec = `# Feature Specification: Dialogs

## Requirements

- **FR-001**: System MUST show errors in an Alert
- **FR-002**: New modal usage MUST implement the Dialog component (excludes \`/gallery/page.tsx\` which uses yet-another-react-lightbox)
`;
    const tasks = `# Tasks

- [ ] T001 Show errors in an Alert (FR-001)
- [ ] T002 Verify yet-another-react-lightbox is still used: \`grep -r "yet-another-react-lightbox"\` returns \`/gallery/page.tsx\`
`;
    expect(gaps(folder, spec, tasks)).toEqual([`${folder}/spec.md:6`]);
  });
});

describe('wording matches stay linear in document size', () => {
  it('indexes task words once for thousands of requirements and tasks', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `word${i.toString(36)}x`);
    const spec = toDocument('specs/009-big/spec.md', `# Feature Specification: Big\n\n## Requirements\n\n${words
      .map((word, i) => `- **FR-${i + 1}**: System MUST handle ${word} and ${words[(i + 1) % words.length]} with common shared text`)
      .join('\n')}\n`);
    const tasks = toDocument('specs/009-big/tasks.md', `# Tasks\n\n${words
      .map((word, i) => `- [ ] T${String(i + 1).padStart(4, '0')} Handle ${word} and ${words[(i + 1) % words.length]} with common shared text`)
      .join('\n')}\n`);
    const started = Date.now();
    const matches = wordingMatches(requirementDefinitions(spec), tasks, taskItems(tasks));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(matches.get('FR-001')?.task).toBe('T0001');
  });

  it('keeps a megabyte requirement line and the task repeating it linear', () => {
    const line = Array.from({ length: 100_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const folder = 'specs/010-huge';
    const spec = `# Feature Specification: Huge\n\n## Requirements\n\n- **FR-001**: ${line}\n- **FR-002**: Other\n`;
    const tasks = `# Tasks\n\n- [ ] T001 ${line}\n- [ ] T002 Other (FR-002)\n`;
    const started = Date.now();
    const [coverage] = buildCoverage([toDocument(`${folder}/spec.md`, spec), toDocument(`${folder}/tasks.md`, tasks)]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(coverage?.rows[0]?.via).toBe('wording');
    expect(coverage?.rows[0]?.words?.length).toBeLessThanOrEqual(12);
  });
});

describe('a requirement a task implements under another id, sharing a quoted literal', () => {
  // Shape from busla__summerhouse/specs/013-stripe-payment: FR-007 `update reservation status to "confirmed"`,
  // done by T019, which cites FR-012 and writes `update reservation to "confirmed"`.
  const folder = 'specs/013-stripe';
  const spec = `# Feature Specification: Stripe payment

## Requirements

- **FR-001**: System MUST create a checkout session for a reservation
- **FR-002**: System MUST update reservation status to "confirmed" upon successful payment
- **FR-003**: System MUST process \`checkout.session.completed\` events to confirm payments
- **FR-004**: System MUST not confirm reservations if payment fails
`;
  const tasks = `# Tasks

## Phase 3: User Story 1

- [x] T001 Create the checkout session endpoint (FR-001)
- [x] T002 Implement \`checkout.session.completed\` processing (FR-003) - update reservation to "confirmed"
- [x] T003 Leave the reservation pending when the payment fails (FR-004)
`;

  it('covers it by the literal, and still reports a requirement sharing only a common word', () => {
    expect(gaps(folder, spec, tasks)).toEqual([]);
    expect(rows(folder, spec, tasks)['FR-002']).toMatch(/^wording T002/);
    expect(gaps(folder, spec, tasks.replace(' - update reservation to "confirmed"', ''))).toEqual([`${folder}/spec.md:6`]);
  });
});
