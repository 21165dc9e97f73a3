import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { useStandIn } from '../support/github-standin/use-stand-in.js';
import { pullRequestOpened } from './support/payloads.js';
import { runAction } from './support/run-action.js';

const SPEC = 'specs/001-export-csv/spec.md';
const CHECKLIST = 'specs/001-export-csv/checklists/requirements.md';
const passing = { [SPEC]: readFileSync(`examples/action-passing/${SPEC}`, 'utf8'), [CHECKLIST]: readFileSync(`examples/action-passing/${CHECKLIST}`, 'utf8') };
// A host that is not loopback, so @actions/http-client does not bypass the proxy for it; only the proxy knows where it is.
const API_HOST = 'api.github.test';

const standIn = useStandIn();

/**
 * A forward proxy that sends everything for {@link API_HOST} to the stand-in and records
 * what it was asked: CONNECT tunnels (what Node's `fetch` opens through a proxy) and
 * absolute-form requests.
 */
async function startProxy(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const target = new URL(standIn.url);
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/');
    seen.push(`${incoming.method} ${url.host}`);
    if (url.hostname !== API_HOST) {
      outgoing.writeHead(502).end();
      return;
    }
    const forwarded = request({ host: target.hostname, port: target.port, method: incoming.method, path: `${url.pathname}${url.search}`, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  server.on('connect', (incoming: { url?: string }, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${incoming.url}`);
    if (!incoming.url?.startsWith(`${API_HOST}:`)) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** Whether a node binary has built-in proxy support for `fetch` at run time (`http.setGlobalProxyFromEnv`: Node 24.14 and later). */
function routesThroughProxies(node: string): boolean {
  return execFileSync(node, ['-p', "typeof require('node:http').setGlobalProxyFromEnv"], { encoding: 'utf8' }).trim() === 'function';
}

// .ci/run fetches a Node 24 binary for this (the Action's runtime, action.yml `using: node24`).
const NODE24 = process.env.SPECGATE_TEST_NODE24;
if (!NODE24) console.warn('SPECGATE_TEST_NODE24 is not set: the bundled Action is not run behind a proxy on Node 24 (.ci/run sets it).');

describe('the bundled Action behind a proxy (http_proxy)', () => {
  const nodes = [process.execPath, ...(NODE24 ? [NODE24] : [])];

  it.each(nodes)('with %s: every API request goes through the proxy, or the run fails with one line saying why it cannot', async (node) => {
    const repo = standIn.state.addRepo('acme', `proxied-${nodes.indexOf(node)}`, { 'README.md': '# Project\n' });
    repo.commit('feature', passing);
    const pull = repo.openPull('feature');
    const proxy = await startProxy();
    const apiUrl = standIn.url.replace('127.0.0.1', API_HOST);
    try {
      const before = standIn.requests.length;
      const run = await runAction({ event: 'pull_request', payload: pullRequestOpened(repo, pull), repository: repo.fullName, apiUrl, node, env: { HTTP_PROXY: proxy.url } });
      const reached = standIn.requests.slice(before);
      if (routesThroughProxies(node)) {
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
        expect(reached.some((entry) => entry.write && entry.path === `/repos/${repo.fullName}/check-runs`)).toBe(true);
        // The API host resolves nowhere: whatever reached the stand-in went through the proxy.
        expect(proxy.seen.length).toBeGreaterThan(0);
        expect(proxy.seen.every((line) => line.includes(` ${API_HOST}:`))).toBe(true);
      } else {
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^::error::A proxy is configured \(https_proxy or http_proxy\), and Node v\d+\.\d+\.\d+ cannot route the Action's requests through it\. Run the Action on a runner whose Node 24 is 24\.14 or later/m);
        expect(reached).toEqual([]);
      }
    } finally {
      await new Promise((closed) => proxy.server.close(closed));
    }
  });
});
