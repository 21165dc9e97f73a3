import { expect, test } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { WEBHOOK_PATH } from '../../src/app/server.js';
import { SECRET } from './harness.js';
import { useHarness } from './use-harness.js';

const harness = useHarness();
const MB = 1024 * 1024;
/** A JSON string body of about `bytes` bytes. */
const jsonOf = (bytes: number): string => JSON.stringify({ action: 'opened', padding: 'x'.repeat(bytes) });
const logBytes = (): number => harness.logs.reduce((sum, line) => sum + Buffer.byteLength(line), 0);

/**
 * POSTs `total` bytes in 1 MB chunks, waiting for each to drain, and stops as soon as the
 * response arrives: `written` says how much the server made us send before answering.
 */
function stream(options: { total: number; headers: Record<string, string> }): Promise<{ status: number; written: number }> {
  const url = new URL(WEBHOOK_PATH, harness.appUrl);
  const chunk = Buffer.alloc(MB, 'x');
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'd-1', ...options.headers } });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, written }));
      req.destroy();
    });
    req.on('error', (error) => {
      // The server drops the connection after answering: only an error before any answer counts.
      if (!answered) reject(error);
    });
    const next = (): void => {
      if (answered) return;
      if (written >= options.total) {
        req.end();
        return;
      }
      written += chunk.length;
      if (req.write(chunk)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

test('a body announced as 60 MB is refused with 413 before it is sent', async () => {
  const result = await stream({ total: 60 * MB, headers: { 'content-length': String(60 * MB) } });
  expect(result.status).toBe(413);
  expect(result.written).toBeLessThan(60 * MB);
  expect(logBytes()).toBeLessThan(10_000);
});

test('a 60 MB badly signed body streamed without a length is refused with 413 once it passes 25 MB', async () => {
  const result = await stream({ total: 60 * MB, headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } });
  expect(result.status).toBe(413);
  expect(result.written).toBeLessThan(60 * MB);
  expect(logBytes()).toBeLessThan(10_000);
});

test('a 20 MB badly signed body is refused with 400 and a few short log lines', async () => {
  const body = jsonOf(20 * MB);
  const response = await fetch(new URL(WEBHOOK_PATH, harness.appUrl), {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'd-2', 'x-hub-signature-256': `sha256=${createHmac('sha256', 'wrong').update(body).digest('hex')}` },
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/signature does not match/);
  expect(harness.logs.join('')).toMatch(/signature does not match/);
  expect(logBytes()).toBeLessThan(10_000);
});

test('a 20 MB unsigned body is refused with 400 and a few short log lines', async () => {
  const response = await fetch(new URL(WEBHOOK_PATH, harness.appUrl), {
    method: 'POST', body: jsonOf(20 * MB),
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'd-3' },
  });
  expect(response.status).toBe(400);
  expect(logBytes()).toBeLessThan(10_000);
});

test('a signed body under the cap still reaches the app', async () => {
  const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
  const response = await fetch(new URL(`${WEBHOOK_PATH}?source=test`, harness.appUrl), {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': 'd-4', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
  });
  expect(response.status).toBe(200);
});
