// Discord's request signing, for tests and probes that talk to the interactions endpoint: a real
// Ed25519 key pair, real signatures over timestamp + body, and a signed POST /interactions on
// node:http (for what fetch cannot do: a chosen keep-alive agent, a body sent in parts).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request, type Agent, type ClientRequest } from 'node:http';

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

/**
 * POST /interactions with `body` signed and its length set, not yet sent: the caller writes the body
 * (all at once with end(body), or in parts) and listens for the response.
 */
export function signedInteractionRequest(privateKey: KeyObject, body: string, target: { host: string; port: number | string; agent?: Agent | false }): ClientRequest {
  const ts = nowTimestamp();
  return request({
    ...(target.agent !== undefined ? { agent: target.agent } : {}),
    host: target.host,
    port: target.port,
    path: '/interactions',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-signature-ed25519': signBody(privateKey, ts, body),
      'x-signature-timestamp': ts,
    },
  });
}
