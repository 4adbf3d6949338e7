// Every set `npm run eval` reports, where its data lives, and how it is answered. Data beside the
// checkout (../shared) may be absent: such a set comes back as skipped, with why.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Answer, createLibrary, type Library } from '../../engine/index.ts';
import { loadArticleFile, loadDefaultPack } from '../../knowledge/loader.ts';
import { emptySquadTally, halves, scoreItems, squadFigures, tallySquad, type Figures, type QuestionItem, type SquadArticle } from './score.ts';

export type Row = { set: string; figures: Figures } | { set: string; skipped: string };

export interface EvalPaths {
  /** The project checkout (its test/fixtures/ hold the engine's own held-out sets). */
  root: string;
  /** The shared evaluation data (../shared beside the checkout). */
  shared: string;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** As `ask --json` answers: the library's default options, one question at a time. */
const answerAll = (library: Library, questions: readonly string[]): Answer[] => questions.map((q) => library.answer(q.replace(/\n/g, ' ')));

const missing = (set: string, path: string): Row => ({ set, skipped: `${path} is absent` });

/** A question set answered by one library, whole and as its odd and even halves. */
function withHalves(set: string, library: Library, items: QuestionItem[]): Row[] {
  const answers = answerAll(library, items.map((i) => i.question));
  const byId = new Map(items.map((item, k) => [item, answers[k]!]));
  const { odd, even } = halves(items);
  const part = (name: string, xs: QuestionItem[]): Row => ({ set: `${set}, ${name}`, figures: scoreItems(xs, xs.map((x) => byId.get(x)!)) });
  return [{ set, figures: scoreItems(items, answers) }, part('odd ids', odd), part('even ids', even)];
}

function devSets(paths: EvalPaths): Row[] {
  const rows: Row[] = [];
  const curated = createLibrary([loadDefaultPack({})]);
  const seedDir = join(paths.shared, 'seeds');
  const seed = existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()[0] : undefined;
  const raw = seed ? createLibrary([loadArticleFile(join(seedDir, seed))]) : undefined;
  for (const [name, file] of [
    ['formal dev', 'time-dev.jsonl'],
    ['chat dev', 'time-dev-casual.jsonl'],
  ] as const) {
    const path = join(paths.shared, 'eval', file);
    if (!existsSync(path)) {
      rows.push(missing(`${name} (${file})`, path), missing(`${name}, seed with no curation`, path));
      continue;
    }
    const items = readJsonl<QuestionItem>(path);
    rows.push(...withHalves(`${name} (${file})`, curated, items));
    if (raw) rows.push({ set: `${name}, seed with no curation (--article)`, figures: scoreItems(items, answerAll(raw, items.map((i) => i.question))) });
    else rows.push(missing(`${name}, seed with no curation`, seedDir));
  }
  return rows;
}

/** The news stories, pooled: through `--article`, and through packs `npm run ingest` wrote to a temp dir. */
function newsSets(paths: EvalPaths): Row[] {
  const dir = join(paths.shared, 'eval', 'news');
  const names = ['news dev, --article', 'news dev, ingested packs'] as const;
  if (!existsSync(dir)) return names.map((n) => missing(n, dir));
  const stories = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && existsSync(join(dir, f.replace(/\.jsonl$/, '.txt'))))
    .sort()
    .map((f) => ({ slug: f.replace(/\.jsonl$/, ''), text: join(dir, f.replace(/\.jsonl$/, '.txt')), items: readJsonl<QuestionItem>(join(dir, f)) }));
  if (stories.length === 0) return names.map((n) => ({ set: n, skipped: `no ARTICLE.txt with ARTICLE.jsonl in ${dir}` }));
  const pooled = (libraryOf: (s: (typeof stories)[number]) => Library) => {
    const items = stories.flatMap((s) => s.items);
    const answers = stories.flatMap((s) => answerAll(libraryOf(s), s.items.map((i) => i.question)));
    return scoreItems(items, answers);
  };
  const rows: Row[] = [{ set: `${names[0]} (${stories.length} stories)`, figures: pooled((s) => createLibrary([loadArticleFile(s.text)])) }];
  const out = mkdtempSync(join(tmpdir(), 'eval-ingest-'));
  try {
    for (const s of stories) ingest(s.text, s.slug, out);
    rows.push({ set: `${names[1]} (${stories.length} stories)`, figures: pooled((s) => createLibrary([loadDefaultPack({ KNOWLEDGE_DIR: join(out, s.slug) })])) });
  } catch (err) {
    rows.push({ set: names[1], skipped: `ingest failed: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

/** The real `npm run ingest` command, so the figures are those of the packs a curator starts from. */
const INGEST_CLI = fileURLToPath(new URL('../../ingest/cli.ts', import.meta.url));

function ingest(file: string, slug: string, out: string): void {
  const res = spawnSync(process.execPath, ['--import', 'tsx', INGEST_CLI, file, '--slug', slug, '--out', out], { cwd: dirname(INGEST_CLI), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${basename(file)}: exit ${res.status}: ${res.stderr.trim().split('\n').pop()}`);
}

function squadSets(paths: EvalPaths): Row[] {
  return (['dev', 'test'] as const).map((split): Row => {
    const file = join(paths.shared, 'datasets', 'squad-v1.1-dev', `${split}.jsonl`);
    const set = `SQuAD ${split}`;
    if (!existsSync(file)) return missing(set, file);
    const tally = emptySquadTally();
    const articles = readJsonl<SquadArticle>(file);
    for (const [i, article] of articles.entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'eval-squad-'));
      try {
        // Written and read back as the scorer does (--article on a file with blank-line paragraphs).
        const path = join(dir, `article-${i}.txt`);
        writeFileSync(path, article.paragraphs.join('\n\n') + '\n');
        tallySquad(tally, article, answerAll(createLibrary([loadArticleFile(path)]), article.questions.map((q) => q.question)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return { set: `${set} (${articles.length} articles)`, figures: squadFigures(tally) };
  });
}

/**
 * The engine's own held-out sets: test/fixtures/*.jsonl are about the seed article; a set one folder
 * down named after a fixture pack (test/fixtures/chat-heldout/harbour-bridge.jsonl) is about that pack.
 */
function fixtureSets(paths: EvalPaths): Row[] {
  const dir = join(paths.root, 'test', 'fixtures');
  if (!existsSync(dir)) return [missing('engine fixtures', join(dir, '*.jsonl'))];
  const sets = readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() && d.name !== 'packs'
      ? readdirSync(join(dir, d.name)).filter((f) => f.endsWith('.jsonl')).map((f) => join(d.name, f))
      : d.isFile() && d.name.endsWith('.jsonl') ? [d.name] : [],
  );
  if (sets.length === 0) return [missing('engine fixtures', join(dir, '*.jsonl'))];
  const seed = createLibrary([loadDefaultPack({})]);
  return sets.sort().flatMap((f): Row[] => {
    const pack = join(dir, 'packs', basename(f, '.jsonl'));
    const onPack = f.includes('/') && existsSync(pack);
    const items = readJsonl<QuestionItem>(join(dir, f));
    // A set about a fixture pack is a dev set split by id (odd ids tune, even ids check), so both halves show.
    if (onPack) return withHalves(`fixtures ${f}`, createLibrary([loadDefaultPack({ KNOWLEDGE_DIR: pack })]), items);
    return [{ set: `fixtures ${f}`, figures: scoreItems(items, answerAll(seed, items.map((i) => i.question))) }];
  });
}

export const SET_GROUPS = { dev: devSets, news: newsSets, squad: squadSets, fixtures: fixtureSets } as const;
export type SetGroup = keyof typeof SET_GROUPS;

export function evaluate(paths: EvalPaths, groups: readonly SetGroup[] = Object.keys(SET_GROUPS) as SetGroup[]): Row[] {
  return groups.flatMap((g) => SET_GROUPS[g](paths));
}
