// Shared by the test/http-*.test.ts files: a real Ed25519 key pair, real signatures, and a real
// interactions server on 127.0.0.1 with a free port.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createInteractionsServer, type InteractionsServer, type InteractionsServerOptions } from '../src/discord/http/server.ts';

export interface TestKeys {
  privateKey: KeyObject;
  /** 64 hex characters, as the developer portal shows it. */
  publicKeyHex: string;
}

export function makeKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // The raw key is the last 32 bytes of the DER SPKI encoding.
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

export function signBody(privateKey: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), privateKey).toString('hex');
}

export function nowTimestamp(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

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
