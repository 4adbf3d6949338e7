// Shared by the test/http-*.test.ts files: a real Ed25519 key pair and real signatures
// (testing/signing.ts), and a real interactions server on 127.0.0.1 with a free port.
import type { KeyObject } from 'node:crypto';
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
