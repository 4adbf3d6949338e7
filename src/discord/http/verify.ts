// Discord's Ed25519 request signature check, with node:crypto only.
// Discord signs `timestamp + rawBody` with the application's key; the raw 32-byte public key
// becomes a KeyObject by prefixing the fixed DER SPKI header for Ed25519.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_64 = /^[0-9a-fA-F]{64}$/;
const HEX_128 = /^[0-9a-fA-F]{128}$/;
const DIGITS = /^\d{1,12}$/;

/** Default tolerance either side of now: Discord's own guidance is 5 minutes for replays. */
export const DEFAULT_MAX_SKEW_SECONDS = 300;

export type VerifyFailure =
  | 'missing-signature'
  | 'missing-timestamp'
  | 'malformed-signature'
  | 'malformed-timestamp'
  | 'stale-timestamp'
  | 'future-timestamp'
  | 'bad-signature';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

/** Loads the application's public key (64 hex characters) once; throws on anything else. */
export function loadPublicKey(hex: string): KeyObject {
  if (!HEX_64.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Header checks that need no body: presence, shape and freshness. Run before reading the body
 * so a request that can never verify costs nothing.
 */
export function checkHeaders(
  signature: string | undefined,
  timestamp: string | undefined,
  nowSeconds = Date.now() / 1000,
  maxSkewSeconds = DEFAULT_MAX_SKEW_SECONDS,
): VerifyResult {
  if (!signature) return { ok: false, reason: 'missing-signature' };
  if (!timestamp) return { ok: false, reason: 'missing-timestamp' };
  if (!HEX_128.test(signature)) return { ok: false, reason: 'malformed-signature' };
  if (!DIGITS.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const age = nowSeconds - Number(timestamp);
  if (age > maxSkewSeconds) return { ok: false, reason: 'stale-timestamp' };
  if (age < -maxSkewSeconds) return { ok: false, reason: 'future-timestamp' };
  return { ok: true };
}

/** Full check: headers, then the signature over timestamp + raw body bytes. */
export function verifyRequest(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  nowSeconds = Date.now() / 1000,
  maxSkewSeconds = DEFAULT_MAX_SKEW_SECONDS,
): VerifyResult {
  const headers = checkHeaders(signature, timestamp, nowSeconds, maxSkewSeconds);
  if (!headers.ok) return headers;
  // Both are validated strings here; checkHeaders returned ok.
  const message = Buffer.concat([Buffer.from(timestamp as string, 'utf8'), rawBody]);
  let ok = false;
  try {
    ok = verify(null, message, key, Buffer.from(signature as string, 'hex'));
  } catch {
    ok = false;
  }
  return ok ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
