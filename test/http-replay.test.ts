// Replays (issue 12, defect 5): the same signed bytes sent again inside Discord's 5-minute signature
// window are answered once. The replay gets 409 and changes nothing: no second unanswered row, and an
// older /settings replayed after a newer one does not win. This is one process with the SQLite store;
// test/replicas-postgres.test.ts shows the same across replicas on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { openCuratorStore, type SqliteCuratorStore } from '../src/store/store.ts';
import { chatInput, subcommand } from '../testing/fake-discord/interactions.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { makeKeys, nowTimestamp, postInteraction, signBody, startServer, type RunningServer } from './http-helpers.ts';

const keys = makeKeys();
const newDir = tempDataDirs();
const GUILD = '1600000000000000001';
const MODERATOR = { guildId: GUILD, permissions: String(PermissionFlagsBits.ManageGuild) };
let srv: RunningServer;
let store: SqliteCuratorStore;

beforeAll(async () => {
  store = openCuratorStore({ dataDir: newDir(), log: captureLog() });
  srv = await startServer(keys, { handle: createInteractionHandler({ engine: createEngine(loadDefaultPack()), curator: store, cooldown: false }) });
});
afterAll(async () => {
  await srv.close();
  store.close();
});

/** Posts exactly these bytes with exactly this signature, as a replaying attacker would. */
function replayable(interaction: object) {
  const raw = JSON.stringify(interaction);
  const ts = nowTimestamp();
  const signature = signBody(keys.privateKey, ts, raw);
  return () => postInteraction(srv.url, keys, raw, { timestamp: ts, signature });
}

describe('a replayed interaction', () => {
  it('is answered once; every replay gets 409 and records nothing', async () => {
    const send = replayable(chatInput('ask', { question: 'What is the capital of Ruritania?' }, { guildId: GUILD }));
    expect((await send()).status).toBe(200);
    const replays = await Promise.all(Array.from({ length: 25 }, send));
    expect(replays.map((r) => r.status)).toEqual(Array(25).fill(409));
    expect(store.unansweredReport().find((g) => /Ruritania/.test(g.representative))?.count).toBe(1);
  });

  it('an older /settings replayed after a newer one does not win', async () => {
    const older = replayable(subcommand('settings', 'private', { enabled: true }, MODERATOR));
    const newer = replayable(subcommand('settings', 'private', { enabled: false }, MODERATOR));
    expect((await older()).status).toBe(200);
    expect((await newer()).status).toBe(200);
    expect((await older()).status).toBe(409);
    expect(store.guildSettings(GUILD)?.privateByDefault).toBe(false);
  });

  it('autocomplete is not deduplicated (it changes nothing, and Discord sends one per keystroke)', async () => {
    const ac = { ...chatInput('ask', { question: 'Who' }), type: 4 };
    const send = replayable(ac);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
  });
});
