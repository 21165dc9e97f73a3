import * as z from 'zod/mini';
import { defineRule } from '../../rule.js';
import { userStories } from './trace.js';

// Acceptance headings and Given/When/Then in the languages seen in real specs.
const SCENARIO = /acceptance|scenario|\bgiven\b|\bwhen\b.*\bthen\b|验收|场景|受け入れ|シナリオ|前提|인수|시나리오|aceita|cen[aá]rio|\bdado\b|приемк|сценари|\bдано\b/i;

/** Every user story of a spec carries acceptance scenarios (a heading, or Given/When/Then lines). */
export default defineRule({
  meta: {
    id: 'user-stories-have-acceptance-scenarios',
    gate: 'consistency',
    description: 'Every user story of a spec has acceptance scenarios.',
    kinds: ['spec'],
    severity: 'warning',
    options: z.strictObject({}),
  },
  check({ document, report }) {
    for (const story of userStories(document)) {
      // Narrative `Story 1:` sections of other formats are not spec-kit user stories.
      if (!/^User Story/i.test(document.sections.find((s) => s.line === story.line)?.title ?? '')) continue;
      const body = document.prose.slice(story.line, story.endLine);
      if (body.some((line) => SCENARIO.test(line))) continue;
      report({ line: story.line, message: `Missing acceptance scenarios in \`User Story ${story.number}\`, expected Given/When/Then scenarios` });
    }
  },
});
