// A corrupt (or locked) curator database never stops the bot answering: the store reports it once and
// turns into a no-op, and through the real client and the fake Discord /ask, its buttons and Find in
// article answer as usual; /kb unanswered, /kb stats and /settings say the database is unavailable.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { DATABASE_FILE, openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { botMessage, button, chatInput, messageCommand, subcommand } from '../testing/fake-discord/index.ts';
import { startBot, type BotHarness } from './helpers/bot.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { customIds, firstEmbed, messageData, visibleText } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const newDataDir = tempDataDirs();
let h: BotHarness;
let curator: CuratorStore;
const storeLog = captureLog();

beforeAll(async () => {
  const dir = newDataDir();
  writeFileSync(join(dir, DATABASE_FILE), Buffer.from('this is not a database, it is a shopping list: eggs, milk\n'.repeat(100)));
  curator = openCuratorStore({ dataDir: dir, log: storeLog });
  h = await startBot({ handler: { curator, cooldown: false } });
});
afterAll(async () => {
  await h?.close();
  curator?.close();
});

describe('a corrupt database file', () => {
  it('is reported once, and the store is a no-op', () => {
    expect(curator.healthy).toBe(false);
    expect(storeLog.lines).toHaveLength(1);
    expect(storeLog.lines[0]).toMatch(/is not a SQLite database.*the bot keeps answering/);
  });

  it('does not stop /ask, a miss, the buttons or Find in article', async () => {
    const found = await h.fake.interact(chatInput('ask', { question: "Who did China's foreign minister meet?" }));
    const data = messageData(found.body);
    expect(firstEmbed(found.body).description).toMatch(/Rudenko/);
    const miss = await h.fake.interact(chatInput('ask', { question: "Who is Prigozhin's lawyer?" }));
    expect(firstEmbed(miss.body).description).toMatch(/Not in the article/);

    const answered: APIMessage = { ...botMessage(), embeds: data.embeds ?? [], components: data.components ?? [] };
    const press = await h.fake.interact(button(customIds(data).find((id) => id.startsWith('ask:miss:'))!, answered));
    expect(messageData(press.body).content).toBe('Thanks, noted for the moderators.');
    const context = await h.fake.interact(button(customIds(data).find((id) => id.startsWith('ask:ctx:'))!));
    expect(firstEmbed(context.body).title).toMatch(/^Context/);

    const claim = await h.fake.interact(messageCommand('Find in article', { content: 'Putin called the mutiny treason.' }));
    expect(visibleText(messageData(claim.body))).toMatch(/treason/i);
    expect(storeLog.lines).toHaveLength(1); // the no-op calls add no noise
  });

  it('/kb unanswered, /kb stats and /settings tell moderators the database is unavailable', async () => {
    const unanswered = messageData((await h.fake.interact(subcommand('kb', 'unanswered', {}, { permissions: MANAGE }))).body);
    expect(unanswered.flags).toBe(MessageFlags.Ephemeral);
    expect(unanswered.content).toMatch(/The curator database is not available.*is not a SQLite database/);
    const stats = firstEmbed((await h.fake.interact(subcommand('kb', 'stats', {}, { permissions: MANAGE }))).body);
    expect(stats.fields!.find((f) => f.name === 'Unanswered-question log')!.value).toMatch(/^not available: it is not a SQLite database/);
    const settings = messageData((await h.fake.interact(subcommand('settings', 'show', {}, { permissions: MANAGE }))).body);
    expect(settings.content).toMatch(/Settings cannot be read or saved because the bot's database is not available/);
  });
});

describe('a database locked by another process at start', () => {
  it('is a no-op too, and the bot answers', async () => {
    const dir = newDataDir();
    openCuratorStore({ dataDir: dir, log: captureLog() }).close();
    const other = new Database(join(dir, DATABASE_FILE));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const log = captureLog();
    const locked = openCuratorStore({ dataDir: dir, log, busyTimeoutMs: 20, retryLockedMs: 60_000 });
    const h2 = await startBot({ handler: { curator: locked, cooldown: false } });
    try {
      expect(locked.healthy).toBe(false);
      expect(log.lines[0]).toMatch(/is locked by another process/);
      const miss = await h2.fake.interact(chatInput('ask', { question: "Who is Prigozhin's lawyer?" }));
      expect(firstEmbed(miss.body).description).toMatch(/Not in the article/);
      const found = await h2.fake.interact(chatInput('ask', { question: 'Who did Ma Zhaoxu meet?' }));
      expect(firstEmbed(found.body).description).toMatch(/Rudenko/);
    } finally {
      await h2.close();
      locked.close();
      other.exec('ROLLBACK');
      other.close();
    }
  });
});
