// Token-shaped strings are cut out of text before it is stored, as they are out of log lines: a
// moderator reading /kb unanswered, or a database backup, must never show a pasted bot token.
import { redact } from '../log.ts';

const TOKEN_SHAPES: readonly RegExp[] = [
  // A Discord bot token: base64 user id, a timestamp, an HMAC, separated by dots.
  /[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,}/g,
  // A webhook or interaction token in a URL.
  /(\/(?:webhooks|interactions)\/\d+\/)[\w.-]{20,}/g,
  // Long hex keys (public keys, API keys, hashes of secrets): 32 hex digits or more.
  /\b[a-fA-F\d]{32,}\b/g,
];

export function redactStored(text: string): string {
  let out = redact(text);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, (_m, prefix?: unknown) => (typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]'));
  return out;
}
