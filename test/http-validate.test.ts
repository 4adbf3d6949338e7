// The shape check of a signed body (src/discord/http/validate.ts): what the handlers read must have the
// type they assume, or the request gets a 400 naming the field. Unit cases on the function, then the
// same through a real server with real Ed25519 signatures, then properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateInteraction } from '../src/discord/http/validate.ts';
import { makeKeys, postInteraction, useRecordingServer } from './http-helpers.ts';

const ask = () => ({
  type: 2,
  id: '1100000000000000100',
  application_id: '1100000000000000001',
  token: 'aW50ZXJhY3Rpb24',
  version: 1,
  guild_id: '1100000000000000002',
  channel_id: '1100000000000000003',
  locale: 'en-US',
  member: { user: { id: '1100000000000000004', username: 'reader' }, roles: [] },
  data: { id: '5', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: 'who won?' }] },
});
const button = () => ({
  type: 3,
  id: '11',
  application_id: '2',
  token: 'tok',
  user: { id: '7' },
  message: { id: '8', flags: 64 },
  data: { custom_id: 'ask:more:1', component_type: 2 },
});
const autocomplete = () => ({
  type: 4,
  id: '12',
  application_id: '2',
  token: 'tok',
  data: { name: 'ask', options: [{ name: 'article', type: 3, value: 'gra', focused: true }] },
});
const findInArticle = () => ({
  type: 2,
  id: '13',
  application_id: '2',
  token: 'tok',
  data: { id: '9', name: 'Find in article', type: 3, target_id: '20', resolved: { messages: { '20': { id: '20', content: 'hi' } } } },
});

function failure(body: unknown): { field: string; problem: string } {
  const r = validateInteraction(body);
  if (r.ok) throw new Error(`expected a failure for ${JSON.stringify(body)}`);
  return { field: r.field, problem: r.problem };
}

describe('validateInteraction', () => {
  it('passes the bodies Discord sends, as the same object', () => {
    for (const body of [{ type: 1 }, { type: 1, id: '1', application_id: '2', token: 't', version: 1 }, ask(), button(), autocomplete(), findInArticle()]) {
      const r = validateInteraction(body);
      expect(r.ok, JSON.stringify(body)).toBe(true);
      if (r.ok) expect(r.interaction).toBe(body);
    }
  });

  it('passes fields it does not know, and types it does not route, untouched', () => {
    expect(validateInteraction({ ...ask(), entitlements: [], app_permissions: '8', new_field: { x: 1 } }).ok).toBe(true);
    expect(validateInteraction({ type: 9, id: '1', application_id: '2', token: 't' }).ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    for (const body of [null, [], [1], 'ping', 1, true]) expect(failure(body).field).toBe('(body)');
  });

  it('needs a positive whole number type', () => {
    expect(failure({})).toEqual({ field: 'type', problem: 'is missing' });
    for (const type of ['1', 0, -2, 1.5, null, Number.NaN]) expect(failure({ type }).field).toBe('type');
  });

  it('needs id, application_id and token on everything but PING', () => {
    const { id: _id, ...noId } = ask();
    expect(failure(noId)).toEqual({ field: 'id', problem: 'is missing' });
    expect(failure({ ...ask(), application_id: 2 }).field).toBe('application_id');
    expect(failure({ ...ask(), token: '' })).toEqual({ field: 'token', problem: 'must not be empty' });
    expect(failure({ ...ask(), token: 5 })).toEqual({ field: 'token', problem: 'must be a string' });
  });

  it('reads snowflakes as strings of digits only', () => {
    for (const id of ['', 'abc', '12a', '1'.repeat(21), 12, '-1', ' 1']) expect(failure({ ...ask(), id }).field).toBe('id');
    expect(validateInteraction({ ...ask(), id: '1'.repeat(20) }).ok).toBe(true);
  });

  it('checks the optional ids only when present (null counts as absent)', () => {
    expect(failure({ ...ask(), guild_id: 'x' }).field).toBe('guild_id');
    expect(failure({ ...ask(), channel_id: 3 }).field).toBe('channel_id');
    expect(validateInteraction({ ...ask(), guild_id: undefined, channel_id: null }).ok).toBe(true);
  });

  it('needs the invoker id where there is an invoker', () => {
    expect(failure({ ...ask(), member: {} })).toEqual({ field: 'member.user', problem: 'is missing' });
    expect(failure({ ...ask(), member: { user: { id: 7 } } }).field).toBe('member.user.id');
    expect(failure({ ...ask(), member: 'me' }).field).toBe('member');
    expect(failure({ ...button(), user: { username: 'x' } })).toEqual({ field: 'user.id', problem: 'is missing' });
  });

  it('checks locale, channel and message where present', () => {
    expect(failure({ ...ask(), locale: 1 }).field).toBe('locale');
    expect(failure({ ...ask(), channel: { id: 'x' } }).field).toBe('channel.id');
    expect(failure({ ...button(), message: { id: '8', flags: '64' } }).field).toBe('message.flags');
    expect(failure({ ...button(), message: [] }).field).toBe('message');
  });

  it('needs data on commands, components, autocomplete and modals', () => {
    for (const make of [ask, button, autocomplete]) {
      const { data: _data, ...rest } = make();
      expect(failure(rest)).toEqual({ field: 'data', problem: 'is missing' });
    }
    expect(failure({ type: 5, id: '1', application_id: '2', token: 't', data: {} }).field).toBe('data.custom_id');
  });

  it('needs a command name and type; autocomplete needs only the name', () => {
    expect(failure({ ...ask(), data: { id: '5', type: 1 } }).field).toBe('data.name');
    expect(failure({ ...ask(), data: { id: '5', name: 'ask' } }).field).toBe('data.type');
    expect(failure({ ...ask(), data: { name: 'ask', type: 'chat' } }).field).toBe('data.type');
    expect(failure({ ...autocomplete(), data: { name: 7 } }).field).toBe('data.name');
  });

  it('names the option at fault, inside sub-commands too', () => {
    expect(failure({ ...ask(), data: { name: 'ask', type: 1, options: {} } })).toEqual({ field: 'data.options', problem: 'must be an array' });
    expect(failure({ ...ask(), data: { name: 'ask', type: 1, options: [{ type: 3, value: 'x' }] } }).field).toBe('data.options[0].name');
    expect(failure({ ...ask(), data: { name: 'ask', type: 1, options: [{ name: 'q', type: 3 }, 'x'] } }).field).toBe('data.options[1]');
    const nested = { name: 'kb', type: 1, options: [{ name: 'stats', type: 1, options: [{ name: 'days', type: '4', value: 3 }] }] };
    expect(failure({ ...ask(), data: nested }).field).toBe('data.options[0].options[0].type');
  });

  it('refuses options nested deeper than a group holds', () => {
    let options: unknown[] = [{ name: 'leaf', type: 3, value: 'x' }];
    for (let k = 0; k < 4; k++) options = [{ name: `g${k}`, type: 2, options }];
    expect(failure({ ...ask(), data: { name: 'ask', type: 1, options } }).problem).toBe('is nested too deeply');
  });

  it('needs the target of a context menu, and the message a message command reads', () => {
    expect(failure({ ...findInArticle(), data: { ...findInArticle().data, target_id: undefined } }).field).toBe('data.target_id');
    expect(failure({ ...findInArticle(), data: { ...findInArticle().data, resolved: {} } }).field).toBe('data.resolved.messages');
    expect(failure({ ...findInArticle(), data: { ...findInArticle().data, target_id: '21' } }).field).toBe('data.resolved.messages');
    expect(failure({ ...ask(), data: { ...ask().data, resolved: { channels: [] } } }).field).toBe('data.resolved.channels');
  });

  it('needs a component custom_id and component type', () => {
    expect(failure({ ...button(), data: { component_type: 2 } }).field).toBe('data.custom_id');
    expect(failure({ ...button(), data: { custom_id: 'ask:more:1' } }).field).toBe('data.component_type');
  });
});

describe('the server with the shape check', () => {
  const keys = makeKeys();
  const srv = useRecordingServer(keys);
  const handle = srv.handle;

  it('answers a misshapen signed body 400 naming the field, and runs no handler', async () => {
    const res = await postInteraction(srv.url, keys, { ...ask(), member: { user: { id: 42 } } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid interaction', field: 'member.user.id', problem: 'must be a snowflake (a string of digits)' });
    expect(handle).not.toHaveBeenCalled();
  });

  it('never echoes the value it refused (it may be a user question)', async () => {
    const res = await postInteraction(srv.url, keys, { ...ask(), data: { name: 'ask', type: 1, options: [{ name: 'question', type: 'secret words here' }] } });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).field).toBe('data.options[0].type');
    expect(text).not.toContain('secret');
  });

  it('hands a well-shaped body to the handler as parsed', async () => {
    const body = ask();
    const res = await postInteraction(srv.url, keys, body);
    expect(res.status).toBe(200);
    await res.text();
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]![0]).toEqual(body);
  });

  it('still answers a bare PING', async () => {
    const res = await postInteraction(srv.url, keys, { type: 1 });
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('checks the signature before the shape: a forged misshapen body is 401', async () => {
    const res = await postInteraction(srv.url, keys, { type: 'x' }, { signWith: makeKeys().privateKey });
    expect(res.status).toBe(401);
    await res.text();
  });
});

const snowflake = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String);
const option = fc.record({ name: fc.string({ minLength: 1, maxLength: 32 }), type: fc.integer({ min: 3, max: 10 }), value: fc.oneof(fc.string(), fc.integer(), fc.boolean()) });
const validBody = fc.oneof(
  fc.record({
    type: fc.constant(2),
    id: snowflake,
    application_id: snowflake,
    token: fc.string({ minLength: 1 }),
    guild_id: fc.option(snowflake, { nil: undefined }),
    member: fc.option(fc.record({ user: fc.record({ id: snowflake }) }), { nil: undefined }),
    data: fc.record({ name: fc.string({ minLength: 1 }), type: fc.constant(1), options: fc.array(option, { maxLength: 5 }) }),
  }),
  fc.record({
    type: fc.constant(3),
    id: snowflake,
    application_id: snowflake,
    token: fc.string({ minLength: 1 }),
    user: fc.record({ id: snowflake }),
    data: fc.record({ custom_id: fc.string({ minLength: 1 }), component_type: fc.integer({ min: 1, max: 8 }) }),
  }),
);

describe('properties', () => {
  it('never throws on any JSON, and passes only bodies with a positive whole type', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = validateInteraction(value);
        if (r.ok) {
          const t = (value as { type: unknown }).type;
          expect(typeof t === 'number' && Number.isInteger(t) && t >= 1).toBe(true);
        } else {
          expect(r.field.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('passes every well-shaped body, and a wrong-typed checked field fails naming that field', () => {
    const fields = ['id', 'application_id', 'token', 'data'] as const;
    fc.assert(
      fc.property(validBody, fc.constantFrom(...fields), fc.constantFrom<unknown>(42, [], true, null, { x: 1 }), (body, field, wrong) => {
        const clean = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
        expect(validateInteraction(clean).ok).toBe(true);
        // An object is a valid `data`; every other value here is wrong for every field.
        if (field === 'data' && typeof wrong === 'object' && wrong !== null && !Array.isArray(wrong)) return;
        const r = validateInteraction({ ...clean, [field]: wrong });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.field === field || r.field.startsWith(`${field}.`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
