// /article with no option lists the library (title, publisher, slug); with the option, or with the
// server's default article, it shows that one article as it always did. A library of one article
// shows it directly.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord-api-types/v10';
import { openCuratorStore } from '../src/store/store.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { GUILD_ID, chatInput } from '../testing/fake-discord/index.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';
import { HARBOUR, HARBOUR_TITLE, RIVERSIDE, RIVERSIDE_TITLE, SEED, threePackLibraryDirs } from './helpers/library.ts';
import { firstEmbed, messageData, visibleText } from './helpers/responses.ts';

const newLibrary = threePackLibraryDirs();
const newDataDir = tempDataDirs();
let handle: HandleInteraction;
const curator = () => openCuratorStore({ dataDir: newDataDir(), log: captureLog() });
let store: ReturnType<typeof curator>;
let root: string;

beforeAll(() => {
  root = newLibrary();
  store = curator();
  handle = createInteractionHandler({ knowledge: createKnowledgeStore({ loadLibrary: () => loadLibraryDir(root) }), cooldown: false, curator: store });
  return () => store.close();
});

describe('/article', () => {
  it('with no option and no default lists every article with its publisher and slug', async () => {
    const data = messageData((await handle(chatInput('article'))).response);
    expect(data.flags ?? 0).toBe(0); // public, like /article always was
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('The articles I answer from');
    const lines = embed.description!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`**${HARBOUR_TITLE}** — Harbour Gazette · \`${HARBOUR}\``);
    expect(lines[1]).toBe(`**${RIVERSIDE_TITLE}** — County Courier · \`${RIVERSIDE}\``);
    expect(lines[2]).toMatch(new RegExp(`^\\*\\*China Backs Russia.*\\*\\* — TIME \\(Bloomberg\\) · \`${SEED}\`$`));
    expect(embed.footer!.text).toMatch(/^3 articles\./);
  });

  it('with the option shows that article: publisher, counts and citation', async () => {
    const embed = firstEmbed((await handle(chatInput('article', { article: RIVERSIDE }))).response);
    expect(embed.title).toBe(RIVERSIDE_TITLE);
    expect(embed.fields!.map((f) => f.name)).toEqual(expect.arrayContaining(['Publisher', 'In the knowledge base', 'How to cite']));
    expect(embed.fields!.find((f) => f.name === 'Publisher')!.value).toBe('County Courier');
  });

  it("with the server's default article shows that one; the option still wins", async () => {
    store.updateGuildSettings(GUILD_ID, { defaultArticle: HARBOUR });
    try {
      expect(firstEmbed((await handle(chatInput('article'))).response).title).toBe(HARBOUR_TITLE);
      expect(firstEmbed((await handle(chatInput('article', { article: RIVERSIDE }))).response).title).toBe(RIVERSIDE_TITLE);
      // In a DM there is no server, so no default: the list.
      const dm = chatInput('article') as ReturnType<typeof chatInput> & Record<string, unknown>;
      delete dm.guild_id;
      expect(firstEmbed((await handle(dm)).response).title).toBe('The articles I answer from');
    } finally {
      store.clearGuildSettings(GUILD_ID);
    }
  });

  it('an unknown article is a private error with the list', async () => {
    const data = messageData((await handle(chatInput('article', { article: 'nope' }))).response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(visibleText(data)).toContain(`\`${HARBOUR}\``);
  });

  it('a library of one article shows it without a list', async () => {
    // KNOWLEDGE_DIR pointing at one pack folder, as before libraries.
    const single = createInteractionHandler({ knowledge: createKnowledgeStore({ loadLibrary: () => loadLibraryDir(join(root, SEED)) }), cooldown: false });
    const embed = firstEmbed((await single(chatInput('article'))).response);
    expect(embed.title).toMatch(/^China Backs Russia/);
    expect(embed.fields!.map((f) => f.name)).toContain('How to cite');
  });
});
