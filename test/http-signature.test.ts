// Every request to POST /interactions is checked against Discord's Ed25519 signature before any
// work: real key pairs, real signatures, a real server on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { loadPublicKey, verifyRequest, checkHeaders } from '../src/discord/http/verify.ts';
import { makeKeys, nowTimestamp, postInteraction, signBody, useRecordingServer } from './http-helpers.ts';

const keys = makeKeys();
const otherKeys = makeKeys();
const ping = { type: 1, id: '1', application_id: '2', token: 'tok', version: 1 };
const command = {
  type: 2,
  id: '10',
  application_id: '2',
  token: 'tok',
  version: 1,
  data: { id: '3', name: 'help', type: 1 },
};

const srv = useRecordingServer(keys, 'hi');
const handle = srv.handle;

async function expect401(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  await res.text();
  expect(handle).not.toHaveBeenCalled();
}

describe('POST /interactions signature', () => {
  it('answers a validly signed PING with {"type":1}', async () => {
    const res = await postInteraction(srv.url, keys, ping);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('{"type":1}');
  });

  it('passes a validly signed command to the handler', async () => {
    const res = await postInteraction(srv.url, keys, command);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: 4, data: { content: 'hi', allowed_mentions: { parse: [] } } });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('rejects a wrong signature', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { signature: 'ab'.repeat(64) }));
  });

  it('rejects a request forged with another key', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { signWith: otherKeys.privateKey }));
    await expect401(await postInteraction(srv.url, keys, ping, { signWith: otherKeys.privateKey }));
  });

  it('rejects missing headers', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { omit: ['signature'] }));
    await expect401(await postInteraction(srv.url, keys, command, { omit: ['timestamp'] }));
    await expect401(await postInteraction(srv.url, keys, ping, { omit: ['signature', 'timestamp'] }));
  });

  it('rejects malformed signatures and timestamps', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { signature: 'zz'.repeat(64) }));
    await expect401(await postInteraction(srv.url, keys, command, { signature: 'ab'.repeat(32) }));
    await expect401(await postInteraction(srv.url, keys, command, { signature: '' }));
    const ts = 'not-a-time';
    const sig = signBody(keys.privateKey, ts, JSON.stringify(command));
    await expect401(await postInteraction(srv.url, keys, command, { timestamp: ts, signature: sig }));
  });

  it('rejects a stale timestamp even when correctly signed', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { timestamp: nowTimestamp(-301) }));
    await expect401(await postInteraction(srv.url, keys, ping, { timestamp: nowTimestamp(-3600) }));
  });

  it('rejects a timestamp too far in the future', async () => {
    await expect401(await postInteraction(srv.url, keys, command, { timestamp: nowTimestamp(3600) }));
  });

  it('accepts a slightly old timestamp inside the window', async () => {
    const res = await postInteraction(srv.url, keys, ping, { timestamp: nowTimestamp(-120) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('rejects a tampered body', async () => {
    const tampered = JSON.stringify({ ...command, data: { ...command.data, name: 'ask' } });
    await expect401(await postInteraction(srv.url, keys, command, { sendBody: tampered }));
    // One byte of whitespace is enough to break it.
    await expect401(await postInteraction(srv.url, keys, ping, { sendBody: `${JSON.stringify(ping)} ` }));
  });

  it('rejects a timestamp swapped after signing', async () => {
    const ts = nowTimestamp();
    const sig = signBody(keys.privateKey, ts, JSON.stringify(ping));
    await expect401(await postInteraction(srv.url, keys, ping, { timestamp: String(Number(ts) - 1), signature: sig }));
  });
});

describe('verify.ts', () => {
  it('refuses a public key that is not 64 hex characters', () => {
    expect(() => loadPublicKey('abc')).toThrow(/64 hexadecimal/);
    expect(() => loadPublicKey('g'.repeat(64))).toThrow(/64 hexadecimal/);
    expect(() => loadPublicKey(keys.publicKeyHex)).not.toThrow();
  });

  it('names the reason for each failure', () => {
    const key = loadPublicKey(keys.publicKeyHex);
    const body = Buffer.from('{}');
    const ts = '1700000000';
    const sig = signBody(keys.privateKey, ts, body);
    expect(verifyRequest(key, sig, ts, body, 1700000000)).toEqual({ ok: true });
    expect(verifyRequest(key, sig, ts, body, 1700000000 + 301)).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(verifyRequest(key, sig, ts, body, 1700000000 - 301)).toEqual({ ok: false, reason: 'future-timestamp' });
    expect(verifyRequest(key, sig, ts, Buffer.from('{} '), 1700000000)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(checkHeaders(undefined, ts)).toEqual({ ok: false, reason: 'missing-signature' });
    expect(checkHeaders(sig, undefined)).toEqual({ ok: false, reason: 'missing-timestamp' });
    expect(checkHeaders(sig.toUpperCase().slice(2), ts)).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(checkHeaders(sig, '-5')).toEqual({ ok: false, reason: 'malformed-timestamp' });
  });
});
