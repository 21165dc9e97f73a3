import type { IncomingMessage, ServerResponse } from 'node:http';

/** GitHub caps webhook payloads at 25 MB and never sends more. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/**
 * Reads a request body of at most `maxBytes` and leaves it on `request.body`, where
 * `@octokit/webhooks` takes it instead of reading the stream. A larger body (by its
 * `Content-Length`, or counted while it streams) is answered 413 at once and nothing more
 * of it is kept: returns false then. Probot's own reader buffers any size.
 */
export function readLimitedBody(request: IncomingMessage, response: ServerResponse, maxBytes = MAX_WEBHOOK_BYTES): Promise<boolean> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(refuse(request, response, maxBytes));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      chunks.length = 0;
      resolve(refuse(request, response, maxBytes));
    };
    request.on('data', onData);
    request.once('end', () => {
      if (size > maxBytes) return;
      (request as IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString('utf8');
      resolve(true);
    });
    request.once('error', () => resolve(false));
  });
}

/** How long the rest of a refused body is read and dropped before the connection is cut. */
const LINGER_MS = 5_000;

function refuse(request: IncomingMessage, response: ServerResponse, maxBytes: number): false {
  response.writeHead(413, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: `Unexpected payload of more than ${maxBytes} bytes, expected at most ${maxBytes} (GitHub's webhook limit)` }));
  // Closing at once, with the client still sending, resets the connection before it reads the
  // 413; so the rest is read and dropped (nothing kept), for a few seconds at most.
  request.resume();
  const timer = setTimeout(() => request.destroy(), LINGER_MS).unref();
  request.once('close', () => clearTimeout(timer));
  return false;
}
