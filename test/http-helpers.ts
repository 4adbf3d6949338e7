// Shared by the test/http-*.test.ts files: a real Ed25519 key pair and real signatures
// (testing/signing.ts), and a real interactions server on 127.0.0.1 with a free port.
import type { KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, vi, type Mock } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { nowTimestamp, signBody, type TestKeys } from '../testing/signing.ts';
import { createInteractionsServer, type InteractionsServer, type InteractionsServerOptions } from '../src/discord/http/server.ts';

export { makeKeys, nowTimestamp, signBody, type TestKeys } from '../testing/signing.ts';

export interface PostOptions {
  signWith?: KeyObject;
  timestamp?: string;
  /** Send this body while the signature covers `body`. */
  sendBody?: string | Buffer;
  headers?: Record<string, string>;
  omit?: Array<'signature' | 'timestamp'>;
  signature?: string;
}

export async function postInteraction(
  baseUrl: string,
  keys: TestKeys,
  body: string | Buffer | object,
  options: PostOptions = {},
): Promise<Response> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? nowTimestamp();
  const signature = options.signature ?? signBody(options.signWith ?? keys.privateKey, timestamp, raw);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (!options.omit?.includes('signature')) headers['x-signature-ed25519'] = signature;
  if (!options.omit?.includes('timestamp')) headers['x-signature-timestamp'] = timestamp;
  const sent = options.sendBody ?? raw;
  return fetch(`${baseUrl}/interactions`, {
    method: 'POST',
    headers,
    body: typeof sent === 'string' ? sent : new Uint8Array(sent),
  });
}

export interface RunningServer {
  url: string;
  port: number;
  server: InteractionsServer;
  logs: string[];
  close(): Promise<boolean>;
}

export async function startServer(
  keys: TestKeys,
  options: Partial<InteractionsServerOptions> = {},
): Promise<RunningServer> {
  const logs: string[] = [];
  const server = createInteractionsServer({
    publicKey: keys.publicKeyHex,
    logger: {
      info: (m) => logs.push(`info ${m}`),
      warn: (m) => logs.push(`warn ${m}`),
      error: (m) => logs.push(`error ${m}`),
    },
    ...options,
  });
  const address = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    logs,
    close: () => server.close(),
  };
}

export interface RecordingServer {
  /** The handler: answers every interaction with one message, and records its calls (cleared before each test). */
  readonly handle: Mock<HandleInteraction>;
  /** The server's base URL, once the suite's beforeAll has run. */
  readonly url: string;
}

/**
 * A real server for the whole describe block (or file) whose handler answers `content` and records
 * what reached it, for the tests that check what the endpoint refuses before any handler runs.
 */
export function useRecordingServer(keys: TestKeys, content = 'ok'): RecordingServer {
  const handle = vi.fn<HandleInteraction>(async () => ({
    response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content } },
  }));
  let running: RunningServer | undefined;
  beforeAll(async () => {
    running = await startServer(keys, { handle });
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => {
    handle.mockClear();
  });
  return {
    handle,
    get url() {
      if (!running) throw new Error('useRecordingServer: the server starts in beforeAll');
      return running.url;
    },
  };
}
