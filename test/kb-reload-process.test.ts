// Reloads off the main thread (issue 12, defect 3), in a real `npm run serve` (the production build): the
// library is read and indexed on a worker thread, so while a /kb reload runs the process goes on
// answering PINGs and /ask, one after another; the moderator gets a private deferral at once and the
// result as an edit of it. A reload that fails keeps the old library serving and says why. With the
// build on the main thread (KNOWLEDGE_RELOAD_THREAD=main, as before) the deferral itself waits for the
// whole build, and nothing is answered in between: this test fails that way.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { askQuestion, kbReload, makeReloadLibrary, ping, signedPost, startEditRecorder, startServe } from '../src/cli/bench-reload.ts';

const keys = generateKeyPairSync('ed25519');
const der = keys.publicKey.export({ format: 'der', type: 'spki' });
let dir: string;
let rest: Awaited<ReturnType<typeof startEditRecorder>>;
let serve: Awaited<ReturnType<typeof startServe>>;
let seq = 1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kb-reload-process-'));
  makeReloadLibrary(dir, 200_000); // big enough that building it takes a while, small enough for CI
  rest = await startEditRecorder();
  serve = await startServe({
    DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString('hex'),
    DISCORD_API_URL: rest.url,
    KNOWLEDGE_DIR: dir,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kb-reload-process-data-')),
  });
}, 150_000);

afterAll(async () => {
  await serve?.stop();
  await rest?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends PING and /ask one after another until `done` settles; how many were answered correctly meanwhile. */
async function answeredUntil(done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.then(() => (finished = true));
  let answered = 0;
  while (!finished) {
    const n = seq++;
    const res = await signedPost(serve.url, keys.privateKey, n % 2 ? ping(n) : askQuestion(n, 'What does the article say?'));
    const body = (await res.json()) as { type?: number };
    if (finished) break; // answered only after the reload was done: does not count
    if (res.status === 200 && (body.type === InteractionResponseType.Pong || body.type === InteractionResponseType.ChannelMessageWithSource)) answered++;
  }
  return answered;
}

async function reload(): Promise<{ ack: { type?: number; data?: { flags?: number } }; edit: Promise<{ content: string }> }> {
  const interaction = kbReload(seq++);
  const res = await signedPost(serve.url, keys.privateKey, interaction);
  return { ack: (await res.json()) as { type?: number; data?: { flags?: number } }, edit: rest.edit(interaction.token) };
}

describe('/kb reload in npm run serve', () => {
  it('defers at once, answers other interactions while the worker builds, then edits in the result', async () => {
    const { ack, edit } = await reload();
    expect(ack).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const answered = await answeredUntil(edit);
    expect((await edit).content).toMatch(/Reloaded the knowledge in \d+ ms \(generation 1 → 2\)/);
    // Each of these was sent after the previous one was answered, all while the reload ran.
    expect(answered).toBeGreaterThanOrEqual(3);
  }, 150_000);

  it('keeps serving the old library when a served pack breaks, and says why', async () => {
    const file = join(dir, 'article-000', 'quotes.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '[{"id": ');
    try {
      const { ack, edit } = await reload();
      expect(ack.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const content = (await edit).content;
      expect(content).toMatch(/Reload failed: nothing changed/);
      expect(content).toMatch(/article-000\/quotes\.json/);
      const res = await signedPost(serve.url, keys.privateKey, askQuestion(seq++, 'What does the article say?'));
      expect(((await res.json()) as { type?: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(serve.output()).toMatch(/Knowledge reload failed \(\/kb reload\); still serving generation 2/);
    } finally {
      writeFileSync(file, good);
    }
  }, 150_000);
});
