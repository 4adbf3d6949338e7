// A pack fresh from `npm run ingest`, asked the way a chat channel asks: the speaker of a quote
// introduced as "said Dr. X, the botanist who …", and a person found by the role the pack gives them
// ("the teacher") where a sentence names them only by surname. A story written for this test, ingested
// by the real command into a temp dir.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../src/engine/index.ts';
import { ingest, parseArgs, type CliArgs } from '../src/ingest/cli.ts';
import { loadPack } from '../src/knowledge/loader.ts';
import type { KnowledgePack } from '../src/knowledge/schema.ts';

const story = [
  'Orchids Flower Again in Old Quarry',
  'A rare orchid has flowered in the old Stonebridge quarry for the first time in 30 years, the county botanical society said on Friday.',
  '“We almost cried when we saw the first flower,” said Dr. Lena Brandt, the botanist who led the count. “It proves the quarry can heal.”',
  'Teacher Tom Ellis, whose school faces the quarry road, said the visitors had blocked the school bus for a week. He said he had asked the society for help but had heard nothing.',
  'A spokesperson for the society said it was talking to Ellis and would open a car park in June.',
].join('\n\n');

const dir = mkdtempSync(join(tmpdir(), 'ingest-chat-packs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a freshly ingested pack, asked in chat', () => {
  let pack: KnowledgePack;
  let engine: Engine;
  beforeAll(async () => {
    const file = join(dir, 'orchids.txt');
    writeFileSync(file, `${story}\n`);
    await ingest(parseArgs([file, '--slug', 'orchids', '--publisher', 'Quarry News', '--published', '2025-06-06', '--out', dir]) as CliArgs);
    pack = loadPack(join(dir, 'orchids'));
    engine = createEngine(pack);
  });

  it('gives both sentences of the quote to Lena Brandt, with her role, and makes no entity "Dr"', () => {
    expect(pack.quotes.map((q) => q.speaker)).toEqual(['lena-brandt', 'lena-brandt']);
    expect(pack.quotes[0]!.role).toBe('botanist who led the count');
    expect(pack.entities.map((e) => e.name)).not.toContain('Dr');
    // The role the quote gives her is her entity's, which the name alone did not give.
    expect(pack.entities.find((e) => e.id === 'lena-brandt')?.role).toBe('botanist who led the count');
    const a = engine.answer('what did the botanist say abt it');
    expect(a.found).toBe(true);
    expect(a.answer!.attribution).toContain('Lena Brandt');
  });

  it('finds the society\'s words about "the teacher" in a sentence that names him only as Ellis', () => {
    expect(pack.entities.find((e) => e.name === 'Tom Ellis')?.role).toBe('teacher');
    const a = engine.answer('what did the society say about the teacher');
    expect(a.found).toBe(true);
    expect(a.answer!.text).toMatch(/^A spokesperson for the society said it was talking to Ellis/);
  });
});
