// Knowledge hot reload for moderators: /kb reload swaps in a new, fully validated index; an invalid
// file keeps the old one and shows the moderator the loader's error; a request already running keeps
// the index it started with; /kb is refused at run time without Manage Server; /kb stats reports.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
} from 'discord-api-types/v10';
import * as ask from '../commands/ask.ts';
import * as kb from '../commands/kb.ts';
import type { Command, CommandContext } from '../src/discord/command.ts';
import type { HandleInteraction, InteractionResult } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { DEFAULT_PACK_DIR, KnowledgeError } from '../src/knowledge/loader.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import type { Logger } from '../src/log.ts';
import { chatInput, subcommand, user } from '../testing/fake-discord/index.ts';
import { messageData, visibleText } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const BAKERY = 'What does the bakery on Elm Street sell?';
const ADDED = 'A bakery on Elm Street sells blue croissants every Tuesday.';

let dir: string;
let original: Record<string, string>;
let store: KnowledgeStore;
let handle: HandleInteraction;
let logs: string[];

/** A writable copy of the seed pack that KNOWLEDGE_DIR points at. */
function copyPack(): string {
  const d = mkdtempSync(join(tmpdir(), 'kb-reload-'));
  cpSync(DEFAULT_PACK_DIR, d, { recursive: true });
  for (const f of readdirSync(d)) chmodSync(join(d, f), 0o644);
  return d;
}

const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
const restore = () => {
  for (const [file, text] of Object.entries(original)) write(file, text);
};
/** Adds a sentence to the last body paragraph: every fact and quote stays verbatim, so the pack stays valid. */
const addBakery = () => write('article.txt', original['article.txt']!.replace('absolute leadership over the army.', `absolute leadership over the army. ${ADDED}`));

/** Level and message of each log call, whatever format src/log.ts writes them in. */
function captureLog(): Logger {
  const at = (level: string) => (msg: string) => void logs.push(`${level} ${msg}\n`);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function text(i: APIInteraction): Promise<{ text: string; flags: number | undefined }> {
  return replyOf(await handle(i));
}

/** The reply a member sees: the response itself, or for a deferral (/kb reload) the edit that follows it. */
async function replyOf(r: InteractionResult): Promise<{ text: string; flags: number | undefined }> {
  const data = messageData(r.response);
  if (r.response.type !== InteractionResponseType.DeferredChannelMessageWithSource) return { text: visibleText(data), flags: data.flags };
  const edit = await r.followUp!;
  return { text: visibleText({ content: edit.content ?? '', embeds: edit.embeds ?? [] }), flags: data.flags };
}

const askBakery = () => text(chatInput('ask', { question: BAKERY }));
const reload = (permissions = MANAGE) => text(subcommand('kb', 'reload', {}, { permissions }));

beforeAll(() => {
  dir = copyPack();
  original = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  vi.stubEnv('KNOWLEDGE_DIR', dir);
  store = createKnowledgeStore();
});

beforeEach(async () => {
  restore();
  await store.reload('test reset'); // every test starts from the seed pack
  logs = [];
  handle = createInteractionHandler({ knowledge: store, cooldown: false, log: captureLog() });
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('/kb definition', () => {
  it('is a guild command with reload, stats and unanswered, hidden from members without Manage Server', () => {
    expect(kb.data.default_member_permissions).toBe(MANAGE);
    expect(kb.data.contexts).toEqual([InteractionContextType.Guild]);
    expect(kb.data.type).toBe(ApplicationCommandType.ChatInput);
    expect(kb.data.options.map((o) => o.name)).toEqual(['reload', 'stats', 'unanswered']);
  });
});

describe('/kb reload', () => {
  it('validates the changed pack, swaps it in, and the new answer is served', async () => {
    expect((await askBakery()).text).not.toContain('blue croissants');
    const before = store.current();

    addBakery();
    const reply = await reload();
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.text).toMatch(/Reloaded the knowledge in \d+ ms \(generation \d+ → \d+\)/);
    expect(store.current()).not.toBe(before);
    expect(store.current().generation).toBe(before.generation + 1);
    expect(logs.join('')).toMatch(/info Knowledge reloaded \(\/kb reload\)/);

    const after = await askBakery();
    expect(after.text).toContain('blue croissants');
  });

  it('acknowledges at once with a private deferral, then edits the result in', async () => {
    addBakery();
    const r = await handle(subcommand('kb', 'reload', {}, { permissions: MANAGE }));
    expect(r.response).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const edit = await r.followUp!;
    expect(edit.content).toMatch(/Reloaded the knowledge in \d+ ms/);
    expect(edit.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps the old index when a file is invalid, and shows the moderator the loader error', async () => {
    addBakery();
    await reload();
    const serving = store.current();

    write('quotes.json', original['quotes.json']!.replace('"speaker"', '"speaker":: '));
    const reply = await reload();
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.text).toMatch(/Reload failed: nothing changed/);
    expect(reply.text).toMatch(/…\/kb-reload-\w+\/quotes\.json.*: invalid JSON/);
    expect(reply.text).not.toContain(tmpdir()); // the server's paths are shortened
    expect(store.current()).toBe(serving);
    expect(logs.join('')).toMatch(/error Knowledge reload failed .*quotes\.json/);
    // Still answering from the old, valid index.
    expect((await askBakery()).text).toContain('blue croissants');
  });

  it('cuts a long list of problems to Discord limits and still names the files', async () => {
    const facts = JSON.parse(original['facts.json']!) as Array<{ text: string }>;
    write('facts.json', JSON.stringify(facts.map((f) => ({ ...f, text: `${f.text} (edited)` }))));
    const serving = store.current();
    const r = await handle(subcommand('kb', 'reload', {}, { permissions: MANAGE }));
    const content = (await r.followUp)?.content ?? '';
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/\d+ problems in the knowledge/);
    expect(content).toMatch(/facts\.json at \[0\]\.text: fact text/);
    expect(content).toMatch(/…\n```$/); // the list was cut, and the code block still closes
    expect(content.length).toBeGreaterThan(1800);
    expect(store.current()).toBe(serving);
  });

  it('lets a request already in flight finish on the index it started with', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    // /ask, except that it waits (e.g. on a slow follow-up) after taking its context.
    const slowAsk: Command = {
      ...ask,
      components: [],
      data: { ...ask.data, name: 'slowask' },
      async execute(i: APIChatInputApplicationCommandInteraction, ctx: CommandContext) {
        started();
        await gate;
        return ask.execute(i, ctx);
      },
    };
    const h = createInteractionHandler({ knowledge: store, cooldown: false, commands: [slowAsk, ask, kb], deadlineMs: 5000 });

    const inFlight = h(chatInput('slowask', { question: BAKERY }));
    await running;
    addBakery();
    const reloaded = await replyOf(await h(subcommand('kb', 'reload', {}, { permissions: MANAGE })));
    expect(reloaded.text).toMatch(/Reloaded/);
    release();

    expect(visibleText(messageData((await inFlight).response))).not.toContain('blue croissants');
    expect(visibleText(messageData((await h(chatInput('ask', { question: BAKERY }))).response))).toContain('blue croissants');
  });

  it('coalesces reloads asked for while one runs into one more, which reads the files as they are then', async () => {
    const heard: string[] = [];
    const off = store.onReload((r, origin) => heard.push(`${origin}:${r.ok ? r.snapshot.generation : 'failed'}`));
    try {
      const start = store.current().generation;
      const first = store.reload('first'); // on the worker now; it may read the files before or after the edit below
      addBakery();
      const second = store.reload('second');
      const third = store.reload('third');
      const [r1, r2, r3] = await Promise.all([first, second, third]);
      expect(r2).toBe(r3); // one reload for both requests, not two
      expect(r1).not.toBe(r2);
      // The first may have read article.txt half written (then it failed and nothing changed); the next cannot have.
      const after1 = r1.ok ? start + 1 : start;
      expect(r2.ok).toBe(true);
      expect(r2.snapshot.generation).toBe(after1 + 1);
      expect(store.current()).toBe(r2.snapshot); // the later one wins
      expect(store.current().engine.answer(BAKERY).answer?.text).toBe(ADDED); // it started after the edit
      expect(heard.sort()).toEqual([`first:${r1.ok ? after1 : 'failed'}`, `second:${after1 + 1}`, `third:${after1 + 1}`]);
    } finally {
      off();
    }
  });

  it('leaves a snapshot taken before the reload answering exactly as before', async () => {
    const old = store.current();
    const answerBefore = JSON.stringify(old.engine.answer(BAKERY));
    addBakery();
    expect((await store.reload('test')).ok).toBe(true);
    expect(store.current()).not.toBe(old);
    expect(JSON.stringify(old.engine.answer(BAKERY))).toBe(answerBefore);
    expect(store.current().engine.answer(BAKERY).answer?.text).toBe(ADDED);
    expect(Object.isFrozen(old)).toBe(true);
  });

  it('reports a missing pack directory with the KnowledgeError message', async () => {
    vi.stubEnv('KNOWLEDGE_DIR', join(dir, 'nope'));
    try {
      const r = await store.reload('test');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toBeInstanceOf(KnowledgeError);
        expect(r.message).toMatch(/nope: knowledge pack directory does not exist/);
      }
    } finally {
      vi.stubEnv('KNOWLEDGE_DIR', dir);
    }
  });
});

describe('/kb permissions at run time', () => {
  it('refuses members without Manage Server, even if Discord showed them the command', async () => {
    const generation = store.current().generation;
    addBakery();
    const refused = await reload('2248473465835073'); // the fake's ordinary member: no Manage Server
    expect(refused.flags).toBe(MessageFlags.Ephemeral);
    expect(refused.text).toMatch(/Only members with the \*\*Manage Server\*\* permission/);
    expect(store.current().generation).toBe(generation);
    const stats = await text(subcommand('kb', 'stats', {}, { permissions: '0' }));
    expect(stats.text).toMatch(/Only members with/);
    expect(logs.join('')).toMatch(/warn \/kb reload refused/);
  });

  it('refuses in a DM (no member) and accepts Administrator', async () => {
    const dm = subcommand('kb', 'stats') as APIChatInputApplicationCommandInteraction & Record<string, unknown>;
    delete dm.member;
    dm.user = user();
    expect((await text(dm)).text).toMatch(/Only members with/);
    const admin = await text(subcommand('kb', 'stats', {}, { permissions: String(PermissionFlagsBits.Administrator) }));
    expect(admin.text).toMatch(/Passages/);
  });
});

describe('/kb stats', () => {
  it('shows passages, entities, quotes, load time and the top questions, without user ids', async () => {
    const asker = '1300000000000000077';
    for (const q of ['Who did Ma Zhaoxu meet?', 'who did ma zhaoxu meet', 'Who did Ma Zhaoxu meet??', '@everyone what did Putin call it?']) {
      await handle(chatInput('ask', { question: q }, { userId: asker }));
    }
    const r = await handle(subcommand('kb', 'stats', {}, { permissions: MANAGE }));
    const data = messageData(r.response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    const embed = data.embeds![0]!;
    const field = (name: string) => embed.fields!.find((f) => f.name.startsWith(name))?.value;
    const counts = store.current().counts;
    expect(field('Passages')).toBe(String(counts.passages));
    expect(counts.passages).toBeGreaterThan(10);
    expect(field('Entities')).toBe(String(counts.entities));
    expect(field('Quotes')).toBe(String(counts.quotes));
    expect(field('Load time')).toMatch(/^\d+ ms$/);
    const top = field('Top questions')!;
    expect(top.split('\n')[0]).toMatch(/^Since <t:\d+:R>: 4 asked, 2 different\.$/);
    expect(top.split('\n')[1]).toBe('1. 3× who did ma zhaoxu meet');
    expect(top).toContain('1× what did putin call it');
    expect(JSON.stringify(data)).not.toContain(asker);
    expect(JSON.stringify(data)).not.toMatch(/@everyone/);
  });
});
