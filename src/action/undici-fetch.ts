import * as http from 'node:http';
import { ActionError } from './errors.js';

/**
 * What the bundled Action keeps of undici, which @actions/github and @actions/http-client
 * import for `fetch` and `ProxyAgent`: Node's global `fetch`, routed through the proxy that
 * @actions/http-client chose (`https_proxy` and friends, with `no_proxy` honoured) by Node's
 * built-in proxy support. The Action runs on Node 24 (action.yml), whose `fetch` is undici,
 * so the bundle carries no copy of it. scripts/build-action.ts points `undici` here.
 */
type Init = RequestInit & { dispatcher?: unknown };

/**
 * The proxy @actions/http-client chose for a destination (its options carry the proxy's
 * URL). It is made when the Action builds its client, before any request, so a proxy
 * Node cannot use fails the run there, in one line.
 */
export class ProxyAgent {
  readonly options: { uri?: unknown };

  constructor(options: { uri?: unknown }) {
    this.options = options;
    if (typeof options.uri === 'string') routeThrough(options.uri);
  }
}

type SetGlobalProxy = (proxyEnv: Record<string, string>) => () => void;

/** The proxy URL Node's `fetch` was last routed through. */
let routed: string | undefined;

export async function fetch(input: string | URL | Request, init: Init = {}): Promise<Response> {
  // The agent's proxy is Node's own now (see ProxyAgent).
  const { dispatcher: _routed, ...rest } = init;
  return globalThis.fetch(input, rest);
}

/**
 * Routes Node's `fetch` through the proxy (`http.setGlobalProxyFromEnv`, Node 24.14 and
 * later). Every request of the Action goes to one API host, for which @actions/http-client
 * has already applied `no_proxy`.
 */
function routeThrough(uri: string): void {
  if (uri === routed) return;
  const set = (http as { setGlobalProxyFromEnv?: SetGlobalProxy }).setGlobalProxyFromEnv;
  if (typeof set !== 'function') {
    throw new ActionError(
      `A proxy is configured (https_proxy or http_proxy), and Node ${process.version} cannot route the Action's requests through it`,
      'Run the Action on a runner whose Node 24 is 24.14 or later (update the runner), or set `no_proxy` to include the GitHub API host',
    );
  }
  set({ HTTP_PROXY: uri, HTTPS_PROXY: uri });
  routed = uri;
}
