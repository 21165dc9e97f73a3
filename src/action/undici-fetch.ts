/**
 * What the bundled Action keeps of undici, which @actions/github and @actions/http-client
 * import for `fetch` and `ProxyAgent`: the global `fetch` of Node, and undici itself loaded
 * only when a proxy is configured (`https_proxy` and friends, read by @actions/http-client).
 * scripts/build-action.ts points `undici` here; the import below reaches the real package.
 */
type Init = RequestInit & { dispatcher?: unknown };

/** The proxy @actions/http-client chose; turned into undici's ProxyAgent on first use. */
export class ProxyAgent {
  readonly options: unknown;

  constructor(options: unknown) {
    this.options = options;
  }
}

const agents = new WeakMap<ProxyAgent, unknown>();

export async function fetch(input: string | URL | Request, init: Init = {}): Promise<Response> {
  const { dispatcher, ...rest } = init;
  if (!(dispatcher instanceof ProxyAgent)) return globalThis.fetch(input, rest);
  // A bundled CommonJS package: its exports may sit on `default` only.
  const loaded = (await import('undici')) as typeof import('undici') & { default?: typeof import('undici') };
  const undici = typeof loaded.ProxyAgent === 'function' ? loaded : (loaded.default ?? loaded);
  let agent = agents.get(dispatcher);
  if (!agent) {
    agent = new undici.ProxyAgent(dispatcher.options as ConstructorParameters<typeof undici.ProxyAgent>[0]);
    agents.set(dispatcher, agent);
  }
  return undici.fetch(input as Parameters<typeof undici.fetch>[0], { ...(rest as Parameters<typeof undici.fetch>[1]), dispatcher: agent as InstanceType<typeof undici.ProxyAgent> }) as unknown as Response;
}
