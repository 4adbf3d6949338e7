// One invalid pack in the library is reported (log, /kb stats) and skipped while the other articles
// serve; a reload swaps the whole library at once and never drops an article being served because a
// curator broke its files; with no valid pack at all the bot does not start (exit 1, every problem).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { KnowledgeError } from '../src/knowledge/loader.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { createKnowledgeStore, logSkipped, type KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { createLogger } from '../src/log.ts';
import { chatInput, subcommand } from '../testing/fake-discord/index.ts';
import { HARBOUR, HARBOUR_TITLE, RIVERSIDE, SEED, threePackLibraryDirs } from './helpers/library.ts';
import { firstEmbed, messageData, visibleText } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const newLibrary = threePackLibraryDirs();
let root: string;
let store: KnowledgeStore;
const logs: string[] = [];

/** A fourth pack whose quotes.json is not JSON. */
function addBrokenPack(dir: string, name = 'broken-pack') {
  cpSync(join(dir, HARBOUR), join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'meta.json'), JSON.stringify({ slug: name, title: 'Broken', publisher: 'Nobody' }));
  writeFileSync(join(dir, name, 'quotes.json'), '[{ "id": "q1", ');
}

beforeAll(() => {
  root = newLibrary();
  addBrokenPack(root);
  mkdirSync(join(root, '.harbour-bridge.ingest-abc123')); // ingest's staging folder: hidden, ignored
  writeFileSync(join(root, 'README.md'), 'not a pack');
  vi.stubEnv('KNOWLEDGE_DIR', root);
  store = createKnowledgeStore();
  return () => vi.unstubAllEnvs();
});

afterEach(() => {
  logs.length = 0;
});

describe('an invalid pack at start', () => {
  it('is skipped with the loader message; the three valid articles load', () => {
    const s = store.current();
    expect(s.library.articles.map((a) => a.slug)).toEqual([HARBOUR, RIVERSIDE, SEED]);
    expect(s.counts.articles).toBe(3);
    expect(s.source).toBe(root);
    expect(s.skipped).toHaveLength(1);
    expect(s.skipped[0]!.dir).toBe(join(root, 'broken-pack'));
    expect(s.skipped[0]!.message).toMatch(/broken-pack\/quotes\.json.*invalid JSON/);
  });

  it('is logged as a warning, and the others answer', async () => {
    const log = createLogger('info', (l) => logs.push(l));
    logSkipped(log, store.current());
    expect(logs.join('')).toMatch(/Knowledge pack skipped.*broken-pack.*quotes\.json/);
    expect(logs.join('')).toMatch(/Knowledge: 3 articles from .*, 1 skipped/);
    const handle = createInteractionHandler({ knowledge: store, cooldown: false });
    const answer = firstEmbed((await handle(chatInput('ask', { question: 'How much will the bridge cost?' }))).response);
    expect(answer.fields!.find((f) => f.name === 'Source')!.value).toContain(HARBOUR_TITLE);
  });

  it('is listed in /kb stats for moderators', async () => {
    const handle = createInteractionHandler({ knowledge: store, cooldown: false });
    const data = messageData((await handle(subcommand('kb', 'stats', {}, { permissions: MANAGE }))).response);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Knowledge: 3 articles');
    expect(embed.fields!.find((f) => f.name === 'Articles')!.value).toBe('3');
    const skipped = embed.fields!.find((f) => f.name.startsWith('Skipped packs'))!;
    expect(skipped.name).toBe('Skipped packs (1)');
    expect(skipped.value).toMatch(/broken-pack\/quotes\.json/);
    expect(skipped.value).not.toContain(root); // server paths shortened
  });

  it('a second pack with a slug already taken is skipped too', () => {
    const dir = newLibrary();
    cpSync(join(dir, SEED), join(dir, 'zz-seed-copy'), { recursive: true });
    const load = loadLibraryDir(dir);
    expect(load.packs.map((p) => p.meta.slug)).toEqual([HARBOUR, RIVERSIDE, SEED]);
    expect(load.skipped[0]!.message).toMatch(/zz-seed-copy\/meta\.json at slug: slug "time-china-russia-wagner" is already used/);
  });
});

describe('reloading the library', () => {
  it('swaps in a new pack at once; breaking a served pack fails the reload and keeps everything serving', async () => {
    const dir = newLibrary();
    // From KNOWLEDGE_DIR, so the reloads run on the worker thread, as in the bot.
    vi.stubEnv('KNOWLEDGE_DIR', dir);
    const lib = createKnowledgeStore();
    const first = lib.current();
    cpSync(join(dir, HARBOUR), join(dir, 'harbour-copy'), { recursive: true });
    writeFileSync(join(dir, 'harbour-copy', 'meta.json'), readFileSync(join(dir, HARBOUR, 'meta.json'), 'utf8').replace(`"${HARBOUR}"`, '"harbour-copy"'));
    const added = await lib.reload('test');
    expect(added.ok).toBe(true);
    expect(lib.current().library.articles.map((a) => a.slug)).toContain('harbour-copy');
    expect(first.library.articles).toHaveLength(3); // the old snapshot is untouched

    const meta = join(dir, RIVERSIDE, 'meta.json');
    const good = readFileSync(meta, 'utf8');
    writeFileSync(meta, good.replace('"publisher"', '"publisherr"'));
    const serving = lib.current();
    const broken = await lib.reload('test');
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.message).toMatch(/An article being served no longer loads/);
      expect(broken.message).toMatch(/riverside-library\/meta\.json/);
    }
    expect(lib.current()).toBe(serving);
    expect(lib.current().library.engine(RIVERSIDE)).toBeDefined();

    writeFileSync(meta, good);
    rmSync(join(dir, 'harbour-copy'), { recursive: true });
    const fixed = await lib.reload('test');
    expect(fixed.ok).toBe(true);
    expect(lib.current().library.articles.map((a) => a.slug)).toEqual([HARBOUR, RIVERSIDE, SEED]);
   }, 60_000); // the first reload starts the worker thread, which loads the engine's modules under tsx
});

describe('no valid pack at all', () => {
  it('is a KnowledgeError listing every problem', () => {
    const dir = newLibrary();
    for (const slug of [RIVERSIDE, SEED]) rmSync(join(dir, slug), { recursive: true });
    addBrokenPack(dir, 'broken-one');
    addBrokenPack(dir, 'broken-two');
    rmSync(join(dir, HARBOUR), { recursive: true });
    expect(() => loadLibraryDir(dir)).toThrow(KnowledgeError);
    try {
      loadLibraryDir(dir);
    } catch (err) {
      expect((err as Error).message).toMatch(/No knowledge pack in .* could be loaded \(2 skipped\)/);
      expect((err as Error).message).toMatch(/broken-one\/quotes\.json/);
      expect((err as Error).message).toMatch(/broken-two\/quotes\.json/);
    }
  });

  it('stops npm start with exit code 1 and the problems on stderr', () => {
    const dir = newLibrary();
    writeFileSync(join(dir, SEED, 'entities.json'), '{');
    writeFileSync(join(dir, HARBOUR, 'article.txt'), '');
    rmSync(join(dir, RIVERSIDE, 'meta.json'));
    writeFileSync(join(dir, RIVERSIDE, 'facts.json'), '[{"id": 3}]');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ENV_FILE: '/nonexistent', DISCORD_TOKEN: `${'x'.repeat(24)}.${'y'.repeat(6)}.${'z'.repeat(27)}`, DISCORD_CLIENT_ID: '1100000000000000001', KNOWLEDGE_DIR: dir, DATA_DIR: join(dir, 'data') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/No knowledge pack in .* could be loaded \(3 skipped\)/);
    expect(run.stderr).toMatch(/time-china-russia-wagner\/entities\.json/);
    expect(run.stderr).toMatch(/harbour-bridge\/article\.txt/);
    expect(run.stderr).toMatch(/riverside-library\/facts\.json/);
  });
});
