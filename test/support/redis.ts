/**
 * A real Redis server for the tests that need one (the replicas' lock and shared throttling):
 * Debian's `redis-server` on a free loopback port, nothing persisted (`--save ''
 * --appendonly no`), its working directory a temporary one removed on stop. When
 * `redis-server` is not installed (`.ci/run` installs it where it can), {@link REDIS_SKIP}
 * says why and {@link describeWithRedis} skips the tests with that one message.
 */
import { describe } from '@jest/globals';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The path of `redis-server`, or undefined when it is not installed. */
export const REDIS_SERVER: string | undefined = which('redis-server');

/** Why the Redis tests skip, or undefined when they run. */
export const REDIS_SKIP: string | undefined = REDIS_SERVER ? undefined : 'redis-server not installed: the tests that need a real Redis are skipped (.ci/run installs it with apt-get; or `apt-get install redis-server`)';

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  child: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and removes its directory. */
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port and waits until it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  if (!REDIS_SERVER) throw new Error(REDIS_SKIP);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'specgate-redis-'));
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await accepting(port, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, child, stop };
}

/**
 * `describe` when `redis-server` is installed; otherwise `describe.skip` with one warning
 * naming what is missing, so that a skipped run never reads as a pass.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_SKIP) {
    console.warn(`${name}: ${REDIS_SKIP}`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** Resolves once a TCP connection to `port` succeeds (the server is up), within 10 s. */
async function accepting(port: number, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${output.join('').trim()}`);
    if (await canConnect(port)) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not accept connections on port ${port} within 10 s: ${output.join('').trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A loopback port free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
