// The curator loop end to end, through the real discord.js client and the fake Discord: an /ask (or a
// Find in article) that misses is a row in the SQLite database, "This didn't answer me" under an
// answer is a 'feedback' row, and /kb unanswered shows moderators the questions grouped by
// similarity, most asked first. No user id reaches the database.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { GUILD_ID, botMessage, button, chatInput, messageCommand, subcommand } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { HARBOUR, HARBOUR_TITLE, threePackLibraryDirs } from './helpers/library.ts';
import { customIds, firstEmbed, messageData } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const ASKER = '1300000000000000042';
const newDataDir = tempDataDirs();
const newLibrary = threePackLibraryDirs();

let h: BotHarness;
let curator: CuratorStore;

interface Row {
  kind: string;
  question: string;
  article: string;
  guild_id: string | null;
  candidate: string | null;
  score: number | null;
}

/** The rows as another process (npm run report) would read them. */
function rows(): Row[] {
  const db = new Database(curator.path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM unanswered ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  curator = openCuratorStore({ dataDir: newDataDir(), log: captureLog() });
  expect(curator.healthy).toBe(true);
  const root = newLibrary();
  h = await startBot({ handler: { knowledge: createKnowledgeStore({ loadLibrary: () => loadLibraryDir(root) }), curator, cooldown: false } });
});
afterAll(async () => {
  await h?.close();
  curator?.close();
});

describe('the unanswered log through the fake Discord', () => {
  it('records every /ask that misses, with the guild and no user id', async () => {
    for (const question of ["Who is Prigozhin's lawyer?", 'who is prigozhins lawyer', "Who is Prigozhin's lawyer??"]) {
      const cb = await h.fake.interact(chatInput('ask', { question }, { userId: ASKER }));
      expect(firstEmbed(cb.body).description).toMatch(/^\*\*Not in/);
    }
    const misses = rows();
    expect(misses).toHaveLength(3);
    for (const r of misses) expect(r).toMatchObject({ kind: 'not-found', guild_id: GUILD_ID });
    expect(misses.map((r) => r.question)).toEqual(["Who is Prigozhin's lawyer?", 'who is prigozhins lawyer', "Who is Prigozhin's lawyer??"]);
    expect(JSON.stringify(misses)).not.toContain(ASKER);
  });

  it('leaves a well-answered question out', async () => {
    await h.fake.interact(chatInput('ask', { question: 'What did Putin call treason?' }));
    expect(rows()).toHaveLength(3);
  });

  it('records a Find in article claim that no article addresses', async () => {
    await h.fake.interact(messageCommand('Find in article', { content: 'The volcano on Mars erupted twice last winter.' }));
    expect(rows().at(-1)).toMatchObject({ kind: 'not-found', question: 'The volcano on Mars erupted twice last winter.' });
  });

  it('"This didn\'t answer me" records feedback with the question, passage and confidence from the custom_id', async () => {
    const cb = await h.fake.interact(chatInput('ask', { question: 'How much will the bridge cost?' }, { userId: ASKER }));
    const data = messageData(cb.body);
    const id = customIds(data).find((x) => x.startsWith('ask:miss:'))!;
    expect(id).toMatch(new RegExp(`^ask:miss:${HARBOUR}:[\\w-]{8}:\\d{1,3}:How much will the bridge cost\\?$`));
    expect(id.length).toBeLessThanOrEqual(100);
    // Discord sends the message the button sits on with the component interaction.
    const answered: APIMessage = { ...botMessage(), embeds: data.embeds ?? [], components: data.components ?? [] };
    const press = await h.fake.interact(button(id, answered, { userId: ASKER }));
    const thanks = messageData(press.body);
    expect(thanks.flags).toBe(MessageFlags.Ephemeral);
    expect(thanks.content).toBe('Thanks, noted for the moderators.');
    const feedback = rows().at(-1)!;
    expect(feedback).toMatchObject({ kind: 'feedback', question: 'How much will the bridge cost?', article: HARBOUR, guild_id: GUILD_ID });
    expect(feedback.candidate).toMatch(/240 million dollars/);
    expect(feedback.score).toBeGreaterThan(0);
    expect(JSON.stringify(rows())).not.toContain(ASKER);

    // A second press by the same member on the same answer is not counted twice.
    const again = await h.fake.interact(button(id, answered, { userId: ASKER }));
    expect(messageData(again.body).content).toMatch(/Already noted/);
    expect(rows().filter((r) => r.kind === 'feedback')).toHaveLength(1);
  });

  it('carries the question as typed in the id, whatever markdown or mentions the title had to escape', async () => {
    const question = 'What did _Putin_ call *treason* @everyone?';
    const data = messageData((await h.fake.interact(chatInput('ask', { question }))).body);
    expect(data.embeds![0]!.title).not.toBe(`“${question}”`); // escaped for display
    const id = customIds(data).find((x) => x.startsWith('ask:miss:'))!;
    await h.fake.interact(button(id, botMessage())); // no embed to read it from: the id alone carries it
    expect(rows().at(-1)).toMatchObject({ kind: 'feedback', question });
  });

  it('/kb unanswered shows the questions grouped by similarity, most asked first, for moderators only', async () => {
    const cb = await h.fake.interact(subcommand('kb', 'unanswered', {}, { permissions: MANAGE }));
    const data = messageData(cb.body);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Unanswered questions');
    const lines = embed.description!.split('\n');
    expect(lines[0]).toMatch(/^1\. \*\*3×\*\* who is prigozhin'?s lawyer\?*$/i); // one of its wordings
    expect(lines[1]).toMatch(/not found 3 · 3 wordings · last <t:\d+:R>$/);
    const text = embed.description!;
    expect(text).toMatch(/\*\*1×\*\* How much will the bridge cost\?\n {3}City Council Approves New Harbour Bridge After Long Debate · didn't answer 1/);
    expect(text).toContain('The volcano on Mars erupted twice last winter.');

    const harbour = firstEmbed((await h.fake.interact(subcommand('kb', 'unanswered', { article: HARBOUR }, { permissions: MANAGE }))).body);
    expect(harbour.title).toBe(`Unanswered questions about “${HARBOUR_TITLE}”`);
    expect(harbour.description!.split('\n')).toHaveLength(2);

    const refused = messageData((await h.fake.interact(subcommand('kb', 'unanswered'))).body);
    expect(refused.content).toMatch(/Only members with the \*\*Manage Server\*\* permission/);
  });
});
