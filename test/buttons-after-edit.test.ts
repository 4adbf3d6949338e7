// Buttons after a pack edit (issue 12, defect 2). An answer's buttons stay in the channel while a
// curator edits the article and reloads: an old button must show the same passage if it still exists
// (even at a new number), else say privately that the article has changed, and never show a different
// passage. Real files in a temp pack folder, the real engine and handler, and once the real discord.js
// client against the fake Discord.
import Database from 'better-sqlite3';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags, type APIInteraction, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { DEFAULT_PACK_DIR } from '../src/knowledge/loader.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { decodeAskButton } from '../src/reply/buttons.ts';
import { openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { botMessage, button, chatInput, stringSelect } from '../testing/fake-discord/index.ts';
import { startBot } from './helpers/bot.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { SEED } from './helpers/library.ts';
import { customIds, messageData, visibleText } from './helpers/responses.ts';

const QUESTION = 'What did Putin say about treason?';
/** A question with more alternatives than one page shows. */
const MANY_MATCHES = 'Who did China’s foreign minister meet?';
const INSERTED = 'Markets in Minsk were calm on Monday, and the weather was mild across the region.';
const CHANGED = /article has changed since this answer/;
const newDataDir = tempDataDirs();

let root: string;
let packDir: string;
let original: Record<string, string>;
let store: KnowledgeStore;
let curator: CuratorStore;
let handle: HandleInteraction;

const file = (name: string) => join(packDir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
const write = (name: string, text: string) => writeFileSync(file(name), text);

/** Moves every paragraph reference of the curated files: `edit` returns the new index, or null to drop the entry. */
function renumber(edit: (paragraph: number) => number | null): void {
  for (const name of ['facts.json', 'quotes.json', 'timeline.json']) {
    const entries = JSON.parse(read(name)) as Array<{ paragraph: number }>;
    const kept = entries.flatMap((e) => {
      const p = edit(e.paragraph);
      return p === null ? [] : [{ ...e, paragraph: p }];
    });
    write(name, JSON.stringify(kept, null, 2));
  }
}

/** The paragraph's index in the pack now being served. */
function paragraphIndexOf(text: string): number {
  const i = store.current().engine.pack.paragraphs.findIndex((p) => p.text.includes(text));
  expect(i).toBeGreaterThan(0);
  return i;
}

/** A new body paragraph right before the one holding `text`: every later passage and paragraph moves up one. */
async function insertBefore(text: string): Promise<void> {
  const at = paragraphIndexOf(text);
  const paragraph = store.current().engine.pack.paragraphs[at]!.text;
  write('article.txt', read('article.txt').replace(paragraph, `${INSERTED}\n\n${paragraph}`));
  renumber((p) => (p >= at ? p + 1 : p));
  await reload();
}

/** Deletes the paragraph holding `text`, with the curated entries that point at it. */
async function deleteParagraph(text: string): Promise<void> {
  const at = paragraphIndexOf(text);
  const paragraph = store.current().engine.pack.paragraphs[at]!.text;
  write('article.txt', read('article.txt').replace(`${paragraph}\n\n`, '').replace(paragraph, ''));
  renumber((p) => (p === at ? null : p > at ? p - 1 : p));
  await reload();
}

async function reload(): Promise<void> {
  const r = await store.reload('test edit');
  if (!r.ok) throw new Error(r.message);
}

async function press(id: string, message = botMessage()): Promise<APIInteractionResponseCallbackData> {
  return messageData((await handle(button(id, message) as APIInteraction)).response);
}

/** The texts of the passages a More matches id names, read with the codec and looked up in the pack served now. */
function namedBy(id: string): string[] {
  const b = decodeAskButton(id);
  if (b?.kind !== 'more') throw new Error(`not a More matches id: ${id}`);
  return b.keys.map((k) => store.current().engine.passageByKey(k)!.text);
}

/** The start of the paragraph holding a passage now. */
function paragraphOf(text: string): string {
  const e = store.current().engine;
  return e.pack.paragraphs.find((p) => p.text.includes(text))!.text.slice(0, 40);
}

/** A field's text without the bold and escapes the reply added. */
const plain = (s: string) => s.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

/** The passages a reply shows in bold (Show context) or as fields (More matches), as plain text. */
function boldIn(data: APIInteractionResponseCallbackData): string[] {
  return [...(data.embeds?.[0]?.description ?? '').matchAll(/\*\*(.+?)\*\*/gs)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

async function answerButtons(question = QUESTION): Promise<{ data: APIInteractionResponseCallbackData; ctx: string; more: string; miss: string }> {
  const data = messageData((await handle(chatInput('ask', { question }))).response);
  const ids = customIds(data);
  const find = (prefix: string) => ids.find((id) => id.startsWith(prefix)) ?? '';
  return { data, ctx: find('ask:ctx:'), more: find('ask:more:'), miss: find('ask:miss:') };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'buttons-edit-'));
  packDir = join(root, SEED);
  cpSync(DEFAULT_PACK_DIR, packDir, { recursive: true });
  for (const f of readdirSync(packDir)) chmodSync(file(f), 0o644);
  original = Object.fromEntries(readdirSync(packDir).map((f) => [f, read(f)]));
  store = createKnowledgeStore({ loadLibrary: () => loadLibraryDir(root) });
  curator = openCuratorStore({ dataDir: newDataDir(), log: captureLog() });
});

beforeEach(async () => {
  for (const [name, text] of Object.entries(original)) write(name, text);
  await reload();
  handle = createInteractionHandler({ knowledge: store, curator, cooldown: false });
});

afterAll(() => {
  curator?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('an old Show context button after a pack edit', () => {
  it('shows the same passage when a paragraph was inserted before it (its number moved)', async () => {
    const { ctx } = await answerButtons();
    const before = await press(ctx);
    const shown = boldIn(before);
    expect(shown.join(' ')).toMatch(/treason/);

    const oldNumber = store.current().engine.answer(QUESTION).answer!.passageId;
    await insertBefore('Putin spoke of “treason”');
    // The edit did move the passage: its old number now names another sentence.
    expect(store.current().engine.passage(oldNumber)?.text).not.toMatch(/treason/);

    const after = await press(ctx);
    expect(after.flags).toBe(MessageFlags.Ephemeral);
    expect(boldIn(after)).toEqual(shown);
    expect(after.embeds![0]!.title).not.toBe(before.embeds![0]!.title); // the paragraph's new label
  });

  it('says privately that the article has changed when its passage was deleted, and shows no passage', async () => {
    const { ctx } = await answerButtons();
    await deleteParagraph('Putin spoke of “treason”');
    const after = await press(ctx);
    expect(after.flags).toBe(MessageFlags.Ephemeral);
    expect(after.content).toMatch(CHANGED);
    expect(after.content).toMatch(/ask again/i);
    expect(after.embeds ?? []).toEqual([]);
  });
});

describe('an old More matches button after a pack edit', () => {
  it('shows the same passages after an insertion, and never one it did not name', async () => {
    const { more } = await answerButtons();
    const before = visibleText(await press(more));
    await insertBefore('Putin spoke of “treason”');
    const after = await press(more);
    expect(visibleText(after).replace(/¶\d+/g, '¶')).toBe(before.replace(/¶\d+/g, '¶'));
  });

  it('says the article has changed once every passage it named is gone', async () => {
    const { more } = await answerButtons();
    const named = namedBy(more);
    expect(named.length).toBeGreaterThan(3); // the first page and the next ones
    for (const t of new Set(named.map((p) => paragraphOf(p)))) await deleteParagraph(t);
    const after = await press(more);
    expect(after.flags).toBe(MessageFlags.Ephemeral);
    expect(after.content).toMatch(CHANGED);
    expect(after.embeds ?? []).toEqual([]);
  });

  it('when some of its passages are gone, shows only ones it named and says the article changed', async () => {
    const { more } = await answerButtons(MANY_MATCHES);
    const named = namedBy(more);
    await deleteParagraph(paragraphOf(named[0]!));
    const after = await press(more);
    const shown = (after.embeds?.[0]?.fields ?? []).map((f) => plain(f.value));
    expect(shown.length).toBeGreaterThan(0);
    for (const v of shown) expect(named.some((t) => v.startsWith(t))).toBe(true);
    expect(shown.some((v) => v.startsWith(named[0]!))).toBe(false);
    expect(after.content).toMatch(CHANGED);
    // Its next page names only passages that exist: turning to it clears the "gone" line it edits over.
    const next = customIds(after).find((id) => id.startsWith('ask:next:'));
    expect(next).toBeDefined();
    const turned = await handle(button(next!, botMessage({ ephemeral: true })));
    expect(turned.response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageData(turned.response).content).toBe('');
    expect(messageData(turned.response).embeds?.[0]?.title).toBe('More matches');
  });
});

describe('buttons from before stable ids (numbers in the custom_id)', () => {
  it('are decoded safely as "the article has changed", never as a passage', async () => {
    for (const id of [`ask:ctx:${SEED}:6`, `ask:more:${SEED}:6.7.8`, `ask:miss:${SEED}:6`, `ask:ctx:${SEED}:12345678`]) {
      const data = await press(id);
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.content).toMatch(CHANGED);
      expect(data.embeds ?? []).toEqual([]);
    }
  });

  it('an old page-turning button clears the private page it sits on instead of leaving old passages', async () => {
    const r = await handle(button(`ask:next:${SEED}:9.10`, botMessage({ ephemeral: true })));
    expect(r.response.type).toBe(InteractionResponseType.UpdateMessage);
    const data = messageData(r.response);
    expect(data.content).toMatch(CHANGED);
    expect(data.embeds).toEqual([]);
    expect(data.components).toEqual([]);
  });
});

describe('a did-you-mean menu from before an edit', () => {
  it('asks its question anew of the edited article: the same reply, and buttons, as /ask now gives', async () => {
    const misses = ['what did zelensky say about wagner', 'zelensky wagner', 'is prigozhin friends with zelensky', 'what did biden say about putin'];
    const question = misses.find((q) => {
      const a = store.current().engine.answer(q);
      return !a.found && !a.closest && a.suggestions.length > 0;
    });
    expect(question, 'one of the misses offers suggestions').toBeDefined();
    const miss = messageData((await handle(chatInput('ask', { question: question! }))).response);
    const menu = (miss.components![0] as { components: Array<{ custom_id: string; options: Array<{ value: string }> }> }).components[0]!;
    await insertBefore('Putin spoke of “treason”');
    const picked = menu.options[0]!.value;
    const r = messageData((await handle(stringSelect(menu.custom_id, [picked]))).response);
    const direct = messageData((await handle(chatInput('ask', { question: picked }))).response);
    expect(r.embeds).toEqual(direct.embeds);
    expect(customIds(r)).toEqual(customIds(direct));
  });
});

describe('"This didn\'t answer me" carries its question and confidence in the custom_id', () => {
  function feedbackRows(): Array<{ question: string; article: string; candidate: string | null; score: number | null }> {
    const db = new Database(curator.path, { readonly: true });
    try {
      return db.prepare("SELECT * FROM unanswered WHERE kind = 'feedback' ORDER BY id").all() as never;
    } finally {
      db.close();
    }
  }

  it('records the question as typed and the confidence shown, whatever the message around the button says', async () => {
    const { data, miss } = await answerButtons();
    expect(miss.length).toBeLessThanOrEqual(100);
    const shownPct = Number(/\((\d{1,3})%\)/.exec(data.embeds![0]!.fields!.find((f) => f.name === 'Confidence')!.value)![1]);
    // A message whose title and confidence say something else: neither is read back.
    const decoy = { ...botMessage(), embeds: [{ title: '“Something else entirely?”', fields: [{ name: 'Confidence', value: 'High (1%): no' }] }] };
    expect((await press(miss, decoy)).content).toBe('Thanks, noted for the moderators.');
    const row = feedbackRows().at(-1)!;
    expect(row).toMatchObject({ question: QUESTION, article: SEED });
    expect(row.score).toBeCloseTo(shownPct / 100, 5);
    expect(row.candidate).toMatch(/treason/);
  });

  it('after the passage was deleted, still records the question (no candidate), and never another passage', async () => {
    const { miss } = await answerButtons();
    await deleteParagraph('Putin spoke of “treason”');
    await press(miss);
    const row = feedbackRows().at(-1)!;
    expect(row.question).toBe(QUESTION);
    expect(row.candidate).toBeNull();
  });

  it('a question too long for the id is carried cut, ending in "…", and recorded so', async () => {
    const long = `${QUESTION} ${'And what did he say about the mutiny, the march on Moscow and the deal? '.repeat(4)}`.trim();
    const { miss } = await answerButtons(long);
    expect(miss.length).toBeLessThanOrEqual(100);
    await press(miss);
    const recorded = feedbackRows().at(-1)!.question;
    expect(recorded.endsWith('…')).toBe(true);
    expect(long.startsWith(recorded.slice(0, -1))).toBe(true);
    expect(recorded.length).toBeGreaterThan(20);
  });
});

describe('through the real discord.js client and the fake Discord', () => {
  it('an old Show context button shows the same passage after an insertion, and "changed" after a deletion', async () => {
    const h = await startBot({ handler: { knowledge: store, cooldown: false } });
    try {
      const data = messageData((await h.fake.interact(chatInput('ask', { question: QUESTION }))).body);
      const ctx = customIds(data).find((id) => id.startsWith('ask:ctx:'))!;
      const shown = boldIn(messageData((await h.fake.interact(button(ctx))).body));
      expect(shown.join(' ')).toMatch(/treason/);

      await insertBefore('Putin spoke of “treason”');
      expect(boldIn(messageData((await h.fake.interact(button(ctx))).body))).toEqual(shown);

      await deleteParagraph('Putin spoke of “treason”');
      const gone = messageData((await h.fake.interact(button(ctx))).body);
      expect(gone.flags).toBe(MessageFlags.Ephemeral);
      expect(gone.content).toMatch(CHANGED);
    } finally {
      await h.close();
    }
  });
});
