// /settings, for moderators: the server's default article (used when a command has no article
// option), its own cooldown, and private-by-default, stored in the curator database and applied by
// the handler on the next interaction. Hidden from members without Manage Server and checked again
// at run time. The shared handler with the real library; the transport does not matter here.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
} from 'discord-api-types/v10';
import * as settings from '../commands/settings.ts';
import { openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { GUILD_ID, autocomplete, chatInput, messageCommand, subcommand } from '../testing/fake-discord/index.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { HARBOUR, HARBOUR_TITLE, RIVERSIDE, RIVERSIDE_TITLE, SEED_TITLE_START, threePackLibraryDirs } from './helpers/library.ts';
import { messageData, visibleText } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const OTHER_GUILD = '1100000000000000099';
const newDataDir = tempDataDirs();
const newLibrary = threePackLibraryDirs();
let curator: CuratorStore;
let handle: HandleInteraction;

beforeAll(() => {
  curator = openCuratorStore({ dataDir: newDataDir(), log: captureLog() });
  const root = newLibrary();
  // The bot's own cooldown is generous; a guild's replaces it for that guild only.
  handle = createInteractionHandler({ knowledge: createKnowledgeStore({ loadLibrary: () => loadLibraryDir(root) }), curator, cooldown: { burst: 100, refillMs: 1000 } });
  return () => curator.close();
});

/** /settings SUB with options as Discord sends them (integers as type 4), from a moderator. */
function set(sub: string, options: Record<string, string | number | boolean> = {}, opts: { permissions?: string; guildId?: string; userId?: string } = {}): APIChatInputApplicationCommandInteraction {
  const i = subcommand('settings', sub, {}, { permissions: MANAGE, ...opts });
  const group = i.data.options![0] as APIApplicationCommandInteractionDataSubcommandOption;
  group.options = Object.entries(options).map(([name, value]) =>
    typeof value === 'number'
      ? { name, type: ApplicationCommandOptionType.Integer, value }
      : typeof value === 'boolean'
        ? { name, type: ApplicationCommandOptionType.Boolean, value }
        : { name, type: ApplicationCommandOptionType.String, value },
  );
  return i;
}

const send = async (i: APIInteraction) => messageData((await handle(i)).response);
const text = async (i: APIInteraction) => visibleText(await send(i));

describe('/settings definition and permissions', () => {
  it('is a guild command hidden from members without Manage Server', () => {
    expect(settings.data.default_member_permissions).toBe(MANAGE);
    expect(settings.data.contexts).toEqual([InteractionContextType.Guild]);
    expect(settings.data.options.map((o) => o.name)).toEqual(['show', 'article', 'cooldown', 'private', 'forum']);
  });

  it('refuses a member without Manage Server at run time, and changes nothing', async () => {
    const refused = await send(set('private', { enabled: true }, { permissions: '2248473465835073' }));
    expect(refused.flags).toBe(MessageFlags.Ephemeral);
    expect(refused.content).toMatch(/Only members with the \*\*Manage Server\*\* permission can use `\/settings`/);
    expect(curator.guildSettings(GUILD_ID)).toBeUndefined();
  });
});

describe('the default article', () => {
  it('is chosen with autocomplete inside the subcommand', async () => {
    const i = autocomplete('settings', 'article', 'harb') as APIApplicationCommandAutocompleteInteraction;
    i.data.options = [{ name: 'article', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'article', type: ApplicationCommandOptionType.String, value: 'harb', focused: true }] }];
    const r = (await handle(i)).response as { data: { choices: { name: string; value: string }[] } };
    expect(r.data.choices).toEqual([{ name: HARBOUR_TITLE, value: HARBOUR }]);
  });

  it('refuses an article the library does not have', async () => {
    expect(await text(set('article', { article: 'no-such-story' }))).toMatch(/There is no article “no-such-story”/);
    expect(curator.guildSettings(GUILD_ID)?.defaultArticle ?? null).toBeNull();
  });

  it('once set, is what /ask, /timeline, /quote and Find in article use without the option', async () => {
    const saved = await text(set('article', { article: HARBOUR }));
    expect(saved).toMatch(/^\nSaved\. Settings for this server/);
    expect(saved).toContain(`${HARBOUR_TITLE} (\`${HARBOUR}\`)`);
    expect(curator.guildSettings(GUILD_ID)?.defaultArticle).toBe(HARBOUR);

    // The seed article answers this, but the server's default is the harbour story.
    const putin = await text(chatInput('ask', { question: 'What did Putin call treason?' }));
    expect(putin).toMatch(/Not in the article\./);
    expect(await text(chatInput('ask', { question: 'How much will the bridge cost?' }))).toContain(HARBOUR_TITLE);
    expect(await text(chatInput('timeline'))).toContain(HARBOUR_TITLE);
    expect(await text(chatInput('quote'))).toContain('Elena Ruiz');
    expect(await text(messageCommand('Find in article', { content: 'The bridge will cost 240 million dollars.' }))).toContain(HARBOUR_TITLE);
    // The option still wins, and another server is not affected.
    expect(await text(chatInput('timeline', { article: RIVERSIDE }))).toContain(RIVERSIDE_TITLE);
    expect(await text(chatInput('ask', { question: 'What did Putin call treason?' }, { guildId: OTHER_GUILD }))).toContain(SEED_TITLE_START);
  });

  it('cleared (no option), /ask searches every article again', async () => {
    expect(await text(set('article'))).toMatch(/None: `\/ask` searches every article/);
    expect(await text(chatInput('ask', { question: 'What did Putin call treason?' }))).toContain(SEED_TITLE_START);
  });
});

describe('private by default', () => {
  it('makes answers private unless the member asks otherwise', async () => {
    expect(await text(set('private', { enabled: true }))).toMatch(/Private by default\nYes/);
    expect((await send(chatInput('ask', { question: 'Who met Rudenko?' }))).flags).toBe(MessageFlags.Ephemeral);
    expect((await send(chatInput('who', { name: 'Putin' }))).flags).toBe(MessageFlags.Ephemeral);
    expect((await send(chatInput('ask', { question: 'Who met Rudenko?', private: false }))).flags ?? 0).toBe(0);
    expect((await send(chatInput('ask', { question: 'Who met Rudenko?' }, { guildId: OTHER_GUILD }))).flags ?? 0).toBe(0);
    await send(set('private', { enabled: false }));
    expect((await send(chatInput('ask', { question: 'Who met Rudenko?' }))).flags ?? 0).toBe(0);
  });
});

describe("the server's cooldown", () => {
  it('replaces the bot\'s for that server: 2 back to back, then "slow down"; 0 turns it off', async () => {
    expect(await text(set('cooldown', { burst: 2, refill_ms: 60_000 }))).toMatch(/2 commands back to back, then one every 60000 ms/);
    const user = { userId: '1300000000000000500' };
    expect(await text(chatInput('help', {}, user))).toMatch(/What I can do/);
    expect(await text(chatInput('help', {}, user))).toMatch(/What I can do/);
    expect(await text(chatInput('help', {}, user))).toMatch(/Slow down/);
    // Another server keeps the bot's generous default.
    for (let n = 0; n < 3; n++) expect(await text(chatInput('help', {}, { ...user, guildId: OTHER_GUILD }))).toMatch(/What I can do/);

    expect(await text(set('cooldown', { burst: 0 }))).toMatch(/Off: members are not rate limited/);
    for (let n = 0; n < 3; n++) expect(await text(chatInput('help', {}, user))).toMatch(/What I can do/);

    expect(await text(set('cooldown'))).toMatch(/Cooldown\nThe bot's default\./);
    expect(curator.guildSettings(GUILD_ID)?.cooldown).toBeNull();
  });

  it('never rate-limits a moderator on /settings or /kb, so a too-tight cooldown can be undone (issue 12, defect 4)', async () => {
    const moderator = { userId: '1300000000000000600' };
    expect(await text(set('cooldown', { burst: 1, refill_ms: 86_400_000 }, moderator))).toMatch(/1 commands? back to back/);
    // The moderator's own /help is limited like anyone's; /kb and /settings are not.
    expect(await text(chatInput('help', {}, moderator))).toMatch(/What I can do/);
    expect(await text(chatInput('help', {}, moderator))).toMatch(/Slow down/);
    for (let n = 0; n < 3; n++) expect(await text(subcommand('kb', 'stats', {}, { ...moderator, permissions: MANAGE }))).not.toMatch(/Slow down/);
    expect(await text(set('cooldown', {}, moderator))).toMatch(/Cooldown\nThe bot's default\./);
    // A member without Manage Server gets the refusal, counted against their cooldown as before.
    const member = { userId: '1300000000000000601' };
    await send(set('cooldown', { burst: 1, refill_ms: 86_400_000 }, moderator));
    expect(await text(set('show', {}, { ...member, permissions: '2248473465835073' }))).toMatch(/Manage Server/);
    expect(await text(set('show', {}, { ...member, permissions: '2248473465835073' }))).toMatch(/Slow down/);
    await send(set('cooldown', {}, moderator));
  });

  it('/settings show lists every setting', async () => {
    const shown = await send(set('show'));
    expect(shown.flags).toBe(MessageFlags.Ephemeral);
    expect(shown.embeds![0]!.fields!.map((f) => f.name)).toEqual(['Default article', 'Cooldown', 'Private by default', 'Q&A forum']);
  });
});
