// Discord misbehaving, through the real discord.js client against the fake Discord: REST 429, 500 and
// slow answers, a burst of 1,000 interactions, and the gateway closed mid-session (1006, 4000, 4007).
// Each test shows nothing is lost: every interaction gets exactly one answer, or (when Discord refuses
// every retry) its failure is logged with the interaction id. The last test checks that over the file.
//
// Order matters for time: discord.js allows one IDENTIFY per 5 s, so the re-identify (4007) test runs
// last, when the REST tests have used up most of that window.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayOpcodes, InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { autocomplete, chatInput, hold, type CallbackRecord } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { firstEmbed, messageData } from './helpers/responses.ts';

let h: BotHarness;
/** Interactions whose every callback attempt the fake refused on purpose (must be logged, not answered). */
const refusedOnPurpose = new Set<string>();
/** Successful callbacks per interaction id, over the whole file. */
const answered = new Map<string, number>();
const figures = { faults: 0, interactions: 0 };

let nextUser = 1600000000000000000n;
/** A new user per interaction, so the per-user cooldown never answers instead of the bot. */
const ask = (question = 'Who did Ma Zhaoxu meet?') => chatInput('ask', { question }, { userId: String(nextUser++) });

const callbackPath = (i: APIInteraction) => `/api/v10/interactions/${i.id}/${i.token}/callback`;
const attempts = (i: APIInteraction) => h.fake.requests.filter((r) => r.path === callbackPath(i));
const opCount = (op: GatewayOpcodes) => h.fake.gateway.received.filter((r) => r.op === op).length;

function send(i: APIInteraction) {
  figures.interactions++;
  return h.fake.sendInteraction(i);
}
async function interact(i: APIInteraction, timeoutMs = 5000): Promise<CallbackRecord> {
  send(i);
  return h.fake.waitForCallback(i.id, timeoutMs);
}

beforeAll(async () => {
  h = await startBot();
  h.fake.rest.on('callback', (cb: CallbackRecord) => answered.set(cb.interactionId, (answered.get(cb.interactionId) ?? 0) + 1));
});
afterAll(async () => {
  console.log(`faults: ${figures.faults} injected, ${figures.interactions} interactions sent, ${answered.size} answered, ${refusedOnPurpose.size} refused on purpose and logged`);
  await h?.close();
});

describe('REST faults on the interaction callback', () => {
  it('429 with retry-after and x-ratelimit-* headers: discord.js waits, retries, and the reply arrives', async () => {
    const i = ask();
    h.fake.rest.override(
      { method: 'POST', path: callbackPath(i) },
      {
        status: 429,
        headers: {
          'retry-after': '0.4',
          'x-ratelimit-limit': '1',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + 400) / 1000).toFixed(3),
          'x-ratelimit-reset-after': '0.4',
          'x-ratelimit-bucket': 'f4k3bucket',
          'x-ratelimit-scope': 'user',
        },
        body: { message: 'You are being rate limited.', retry_after: 0.4, global: false },
      },
    );
    figures.faults++;
    const cb = await interact(i);
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    const [limited, retried] = attempts(i);
    expect([limited?.status, retried?.status]).toEqual([429, 204]);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(380); // it honoured retry-after
  });

  it('500 once: the same reply is retried and arrives', async () => {
    const i = ask();
    h.fake.rest.override({ method: 'POST', path: callbackPath(i) }, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    figures.faults++;
    const cb = await interact(i);
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    expect(attempts(i).map((r) => r.status)).toEqual([500, 204]);
    expect(attempts(i)[0]!.body).toEqual(attempts(i)[1]!.body);
  });

  it('500 on every retry: the failure is logged with the interaction id, and the bot keeps answering', async () => {
    const i = ask();
    h.fake.rest.override({ method: 'POST', path: callbackPath(i) }, { status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 10);
    refusedOnPurpose.add(i.id);
    send(i);
    await expect.poll(() => h.logs.join(''), { timeout: 10_000 }).toMatch(new RegExp(`Could not answer interaction ${i.id}`));
    figures.faults += attempts(i).length;
    expect(attempts(i).length).toBe(4); // discord.js's default: the request and 3 retries
    expect(attempts(i).every((r) => r.status === 500)).toBe(true);
    h.fake.rest.clearOverrides();
    const next = await interact(ask());
    expect(firstEmbed(next.body).description).toMatch(/Rudenko/);
  });

  it('slow REST (one callback held on the wire) does not hold up the others', async () => {
    const slow = ask();
    // Held until the others are answered, not for a set time: under load a timer would race them.
    const wire = hold();
    h.fake.rest.override({ method: 'POST', path: callbackPath(slow) }, { until: wire.until });
    figures.faults++;
    send(slow);
    await expect.poll(() => attempts(slow).length, { timeout: 10_000 }).toBe(1);
    let slowDone = false;
    const slowCallback = h.fake.waitForCallback(slow.id, 30_000).then((cb) => ((slowDone = true), cb));

    const others = Array.from({ length: 20 }, (_, k) => (k % 4 === 3 ? autocomplete('ask', 'question', 'who', {}, { userId: String(nextUser++) }) : ask('What did Putin call the mutiny?')));
    for (const o of others) send(o);
    const t0 = performance.now();
    await Promise.all(others.map((o) => h.fake.waitForCallback(o.id, 30_000)));
    const othersMs = performance.now() - t0;
    // Every other answer arrived while the slow callback was still on the wire.
    expect(slowDone).toBe(false);
    expect(h.bot.inFlight).toBeGreaterThanOrEqual(1);

    wire.release();
    const cb = await slowCallback;
    expect(firstEmbed(cb.body).description).toMatch(/Rudenko/);
    expect(attempts(slow)).toHaveLength(1); // answered on the wire it waited on, not retried
    console.log(`slow REST: 20 others answered in ${othersMs.toFixed(0)} ms while one callback was held`);
  });
});

describe('a burst of 1,000 interactions', () => {
  it('answers every one exactly once', async () => {
    const N = 1000;
    const questions = ['Who did Ma Zhaoxu meet?', 'What did Putin call the mutiny?', 'Who leads Wagner?', 'What is the capital of France?', 'Where did Qin Gang meet Rudenko?'];
    const burst: APIInteraction[] = [];
    for (let k = 0; k < N; k++) {
      burst.push(k % 10 === 9 ? autocomplete('ask', 'question', 'wh', {}, { userId: String(nextUser++) }) : ask(questions[k % questions.length]));
    }
    const t0 = performance.now();
    for (const i of burst) send(i);
    const ids = new Set(burst.map((i) => i.id));
    const done = () => [...ids].filter((id) => answered.has(id)).length;
    await expect.poll(done, { timeout: 30_000, interval: 50 }).toBe(N);
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200)); // a duplicate would show up by now

    const byId = new Map<string, CallbackRecord[]>();
    for (const cb of h.fake.rest.callbacks) if (ids.has(cb.interactionId)) byId.set(cb.interactionId, [...(byId.get(cb.interactionId) ?? []), cb]);
    expect(byId.size).toBe(N);
    expect([...byId.values()].filter((list) => list.length !== 1)).toEqual([]);
    // The first response is the answer, or (the bot's backlog rule) a deferral whose answer is the
    // edit of @original after it: every deferral's edit must land, exactly once, with the answer.
    let deferred = 0;
    for (const i of burst) {
      const cb = byId.get(i.id)![0]!;
      expect(cb.request.status).toBe(204);
      if (i.type === InteractionType.ApplicationCommandAutocomplete) {
        expect(cb.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
        continue;
      }
      let data = cb.body.type === InteractionResponseType.DeferredChannelMessageWithSource ? undefined : messageData(cb.body);
      if (!data) {
        deferred++;
        const edit = await h.fake.waitForEdit(i.id, 30_000);
        expect(edit.request.status).toBe(200);
        data = edit.body as typeof data & object;
      }
      expect(data.content ?? '').not.toMatch(/Slow down|Something went wrong/);
      expect(data.embeds?.length).toBe(1);
    }
    const tokens = new Set(burst.map((i) => i.token));
    const edits = h.fake.rest.edits.filter((e) => tokens.has(e.token));
    expect(edits).toHaveLength(deferred);
    expect(new Set(edits.map((e) => e.token)).size).toBe(deferred);
    console.log(`burst: ${N} interactions answered once each in ${ms.toFixed(0)} ms (${((N / ms) * 1000).toFixed(0)}/s), ${deferred} of them deferred and edited in`);
  });
});

describe('gateway closed mid-session', () => {
  it.each([
    [1006, 'dropped without a close frame'],
    [4000, 'unknown error'],
  ])('%i (%s): resumes with op 6 and answers what was sent while down and after', async (code) => {
    const identifies = opCount(GatewayOpcodes.Identify);
    const resumes = opCount(GatewayOpcodes.Resume);
    const resumed = once(h.fake.gateway, 'resume');
    h.fake.gateway.disconnect(code);
    figures.faults++;
    const whileDown = ask();
    send(whileDown); // queued by the fake and replayed on RESUME, as Discord does
    await resumed;
    expect(opCount(GatewayOpcodes.Resume)).toBe(resumes + 1);
    expect(opCount(GatewayOpcodes.Identify)).toBe(identifies);

    const after = await interact(ask());
    expect(firstEmbed(after.body).description).toMatch(/Rudenko/);
    const replayed = await h.fake.waitForCallback(whileDown.id, 5000);
    expect(firstEmbed(replayed.body).description).toMatch(/Rudenko/);
  });

  it('4007 (invalid seq): identifies again with op 2 and answers interactions sent after it', async () => {
    const identifies = opCount(GatewayOpcodes.Identify);
    const resumes = opCount(GatewayOpcodes.Resume);
    const identified = once(h.fake.gateway, 'ready');
    const t0 = performance.now();
    h.fake.gateway.disconnect(4007);
    figures.faults++;
    await identified;
    expect(opCount(GatewayOpcodes.Identify)).toBe(identifies + 1);
    expect(opCount(GatewayOpcodes.Resume)).toBe(resumes);

    const after = await interact(ask(), 10_000);
    expect(firstEmbed(after.body).description).toMatch(/Rudenko/);
    console.log(`4007: re-identified and answered ${(performance.now() - t0).toFixed(0)} ms after the close`);
  }, 60_000);
});

describe('over all the faults above', () => {
  it('lost nothing: every interaction sent was answered exactly once, except the one refused on purpose (logged)', () => {
    const unanswered = [...h.fake.sent.keys()].filter((id) => !answered.has(id) && !refusedOnPurpose.has(id));
    expect(unanswered).toEqual([]);
    expect([...answered].filter(([, n]) => n !== 1)).toEqual([]);
    expect(h.fake.sent.size).toBe(figures.interactions);
    for (const id of refusedOnPurpose) expect(h.logs.join('')).toContain(`Could not answer interaction ${id}`);
  });
});
