// A broken pack must fail to load with an error naming the file, the path inside it and the problem.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR, KnowledgeError, loadDefaultPack, loadPack } from '../src/knowledge/loader.ts';
import { loadLibraryFromEnv } from '../src/runtime/load-library.ts';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh copy of the real pack, with `edit` applied to one of its JSON files. */
function brokenPack(file: string, edit: (data: any) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  temps.push(dir);
  cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const result = edit(JSON.parse(readFileSync(path, 'utf8')));
  writeFileSync(path, typeof result === 'string' ? result : JSON.stringify(result, null, 2));
  return dir;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadPack(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeError);
    return err as KnowledgeError;
  }
  throw new Error('expected loadPack to throw');
}

function expectProblem(err: KnowledgeError, file: string, path: string, problem: RegExp): void {
  expect(err.file).toMatch(new RegExp(`[/\\\\]${file.replace('.', '\\.')}$`));
  expect(err.path).toBe(path);
  expect(err.message).toContain(file);
  expect(err.message).toContain(path);
  expect(err.message).toMatch(problem);
}

describe('the real knowledge pack', () => {
  const original = process.env.KNOWLEDGE_DIR;
  afterEach(() => {
    if (original === undefined) delete process.env.KNOWLEDGE_DIR;
    else process.env.KNOWLEDGE_DIR = original;
  });

  it('loads, with every part present and consistent', () => {
    delete process.env.KNOWLEDGE_DIR;
    const pack = loadDefaultPack();
    expect(pack.curated).toBe(true);
    expect(pack.meta.slug).toBe('time-china-russia-wagner');
    expect(pack.meta.contributors).toEqual(['Jing Li', 'Xiao Zibang']);
    expect(pack.paragraphs).toHaveLength(14);
    const quoted = pack.quotes.map((q) => q.text);
    for (const q of ['Russia’s internal affair', 'complex and grim', 'treason']) expect(quoted).toContain(q);
    expect(pack.quotes.length).toBeGreaterThanOrEqual(5);
    // Every answerable paragraph has at least one attributed fact.
    for (const p of pack.paragraphs) expect(pack.facts.some((f) => f.paragraph === p.index)).toBe(true);
    const dates = pack.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('honours KNOWLEDGE_DIR', () => {
    const dir = brokenPack('meta.json', (meta) => ({ ...meta, slug: 'copied-pack' }));
    process.env.KNOWLEDGE_DIR = dir;
    expect(loadDefaultPack().meta.slug).toBe('copied-pack');
  });
});

describe('a broken pack fails to load', () => {
  it('malformed JSON names the file and the line', () => {
    const dir = brokenPack('quotes.json', () => '[\n  { "id": "x", }\n]');
    const err = loadError(dir);
    expect(err.file).toMatch(/quotes\.json$/);
    expect(err.path).toMatch(/^line 2, column \d+$/);
    expect(err.message).toMatch(/quotes\.json at line 2, column \d+: invalid JSON/);
  });

  it('a schema violation names the field', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[3].text = ''), facts)));
    expectProblem(err, 'facts.json', '[3].text', /too small|at least|>=1/i);
  });

  it('a misspelt field is rejected rather than ignored', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[2].keyword = ['x']), facts)));
    expectProblem(err, 'facts.json', '[2]', /unrecognized key.*keyword/i);
  });

  it('a quote that is not in its paragraph', () => {
    const err = loadError(brokenPack('quotes.json', (quotes) => ((quotes[1].text = 'Russia’s external affair'), quotes)));
    expectProblem(err, 'quotes.json', '[1].text', /quote "Russia’s external affair" does not appear in paragraph 2 \(¶2\)/);
  });

  it('a quote matches despite straight quotes and extra spaces', () => {
    const dir = brokenPack('quotes.json', (quotes) => ((quotes[1].text = "Russia's  internal\naffair"), quotes));
    expect(loadPack(dir).quotes[1]?.text).toBe("Russia's  internal\naffair");
  });

  it('a fact that is not verbatim in its paragraph', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[1].paragraph = 2), facts)));
    expectProblem(err, 'facts.json', '[1].text', /not verbatim in paragraph 2 \(¶2\)/);
  });

  it('a fact pointing to a missing paragraph', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[4].paragraph = 99), facts)));
    expectProblem(err, 'facts.json', '[4].paragraph', /paragraph 99 does not exist \(the article has paragraphs 0–13\)/);
  });

  it('a timeline entry pointing to a missing paragraph', () => {
    const err = loadError(brokenPack('timeline.json', (t) => ((t[0].paragraph = 14), t)));
    expectProblem(err, 'timeline.json', '[0].paragraph', /paragraph 14 does not exist/);
  });

  it('an unknown speaker id', () => {
    const err = loadError(brokenPack('quotes.json', (quotes) => ((quotes[3].speaker = 'joe-biden'), quotes)));
    expectProblem(err, 'quotes.json', '[3].speaker', /unknown speaker id "joe-biden"/);
  });

  it('an unknown attribution entity', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[0].attribution.entity = 'nobody'), facts)));
    expectProblem(err, 'facts.json', '[0].attribution.entity', /unknown entity id "nobody"/);
  });

  it('a duplicate id', () => {
    const err = loadError(brokenPack('facts.json', (facts) => ((facts[5].id = facts[2].id), facts)));
    expectProblem(err, 'facts.json', '[5].id', /duplicate id "internal-affair" \(already used at \[2\]\)/);
  });

  it('an alias shared by two entities', () => {
    let at = '';
    const dir = brokenPack('entities.json', (entities) => {
      // An entity listed after Putin's, so the second use is the one reported.
      const i = entities.findIndex((e: { id: string }) => e.id === 'vladimir-putin') + 1;
      at = `[${i}].aliases[${entities[i].aliases.push('putin') - 1}]`;
      return entities;
    });
    expectProblem(loadError(dir), 'entities.json', at, /alias "putin" also names entity "vladimir-putin" \(\[\d+\]\.aliases\[\d+\]\)/);
  });

  it('a missing file', () => {
    const dir = brokenPack('meta.json', (m) => m);
    rmSync(join(dir, 'timeline.json'));
    expectProblem(loadError(dir), 'timeline.json', '', /file is missing/);
  });

  it('several problems are reported together, in one error', () => {
    const dir = brokenPack('quotes.json', (quotes) => {
      quotes[0].speaker = 'nobody';
      quotes[2].paragraph = 50;
      return quotes;
    });
    writeFileSync(join(dir, 'meta.json'), '{ "title": 3 }');
    const err = loadError(dir);
    expect(err.problems).toHaveLength(3);
    expect(err.message).toMatch(/^3 problems in the knowledge:/);
    expect(err.message).toMatch(/meta\.json at title: .*expected string/);
    expect(err.message).toMatch(/quotes\.json at \[0\]\.speaker: unknown speaker id "nobody"/);
    expect(err.message).toMatch(/quotes\.json at \[2\]\.paragraph: paragraph 50 does not exist/);
  });

  it.each([
    ['a NUL byte', (text: Buffer) => Buffer.concat([text.subarray(0, 200), Buffer.from([0]), text.subarray(200)]), /looks binary \(contains NUL bytes\)/],
    ['invalid UTF-8', (text: Buffer) => Buffer.concat([text.subarray(0, 200), Buffer.from([0xff, 0xfe]), text.subarray(200)]), /is not valid UTF-8/],
  ])('an article.txt with %s', (_what, corrupt, problem) => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    temps.push(dir);
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const article = join(dir, 'article.txt');
    writeFileSync(article, corrupt(readFileSync(article)));
    expectProblem(loadError(dir), 'article.txt', '', problem);
  });

  it('a directory that does not exist', () => {
    const err = loadError(join(tmpdir(), 'no-such-pack-dir'));
    expect(err.message).toMatch(/no-such-pack-dir: knowledge pack directory does not exist/);
  });

  it('names KNOWLEDGE_DIR when the folder it points at does not exist (issue 12)', () => {
    const original = process.env.KNOWLEDGE_DIR;
    process.env.KNOWLEDGE_DIR = join(tmpdir(), 'no-such-library-dir');
    try {
      expect(() => loadLibraryFromEnv()).toThrow(/no-such-library-dir: .*KNOWLEDGE_DIR/);
    } finally {
      if (original === undefined) delete process.env.KNOWLEDGE_DIR;
      else process.env.KNOWLEDGE_DIR = original;
    }
  });
});
