import { describe, expect, it } from '@jest/globals';
import { issueBody } from '../../src/github/issues/render.js';
import type { IssueMeta } from '../../src/github/issues/tracked.js';

const meta: IssueMeta = { key: 'k', path: 'specs/001-login/spec.md', line: 12, question: 'Which identity providers?', pr: 7 };
const context = { owner: 'acme', repo: 'product', pull: { number: 7, headSha: 'a'.repeat(40) } };

describe('issue links', () => {
  it.each([
    ['github.com', 'https://github.com'],
    ['GitHub Enterprise Server over https', 'https://ghe.example.test'],
    ['GitHub Enterprise Server over http', 'http://ghe.internal:8080'],
  ])('link the line on the server the event came from: %s', (_name, serverUrl) => {
    expect(issueBody(meta, { ...context, serverUrl })).toContain(`[View the line](${serverUrl}/acme/product/blob/${'a'.repeat(40)}/specs/001-login/spec.md#L12)`);
  });

  it('link nothing when the server is not known, rather than guess github.com', () => {
    const body = issueBody(meta, context);
    expect(body).not.toContain('View the line');
    expect(body).not.toContain('github.com');
    expect(body).toContain('specs/001-login/spec.md');
  });
});
