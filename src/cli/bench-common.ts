// What the benchmarks share: the question files, issue 2's targets, sampling, percentiles, checking an
// /ask response against a question's expectation, and CPU time from /proc. Its own module so that
// bench.ts, bench-library.ts, bench-http.ts and bench-gateway.ts import it and never each other in a
// circle.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import { norm } from './eval/score.ts';

/** The shared formal dev set (`../shared`, beside the checkout): present in CI and for developers, not in a bare clone. */
export const DEFAULT_DEV_QUESTIONS = fileURLToPath(new URL('../../../shared/eval/time-dev.jsonl', import.meta.url));
/** More questions about the seed article, with expectations, kept in the repository. */
export const DEFAULT_EXTRA_QUESTIONS = fileURLToPath(new URL('../../test/fixtures/seed-extra.jsonl', import.meta.url));
/** The load benchmarks' questions: the dev set, else the repository's own (see benchQuestions). */
export const DEFAULT_QUESTIONS = DEFAULT_DEV_QUESTIONS;

/** Issue 2's targets, and issue 14's for the build (against MiniSearch, same run) and its heap. */
export const TARGETS = { articleP99Ms: 1, libraryP99Ms: 5, speedup: 20, buildVsMiniSearch: 1, heapMbPer1k: 5 } as const;

/** Runs a src/ entry as `npm start` does: the bundled build, rebuilt first when stale. */
export const RUN_BUILT = fileURLToPath(new URL('../../scripts/run.mjs', import.meta.url));

interface EvalLine {
  question?: unknown;
}

/** Question texts from an eval-format JSON-lines file (`{"question": …, "expect": …}` per line). */
export function readQuestionFile(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as EvalLine).question)
    .filter((q): q is string => typeof q === 'string');
}

/** Every `every`-th item from the first, at most `cap`: deterministic and spread over the whole list. */
export function sampleEvery<T>(items: readonly T[], every: number, cap = Infinity): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length && out.length < cap; i += Math.max(1, every)) out.push(items[i]!);
  return out;
}

/**
 * Up to `k` distinct items in an order where every prefix is spread over the whole list (golden-ratio
 * steps), so a measurement cut short by its time budget still samples every part of the corpus.
 */
export function spread<T>(items: readonly T[], k: number): T[] {
  const n = items.length;
  const picked = new Set<number>();
  const want = Math.min(n, Math.max(0, k));
  for (let i = 0; picked.size < want && i < 64 * n; i++) picked.add(Math.floor(((i * 0.6180339887498949) % 1) * n));
  for (let i = 0; picked.size < want; i++) picked.add(i); // never needed in practice; keeps it total
  return [...picked].map((i) => items[i]!);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Question {
  question: string;
  found: boolean;
  passages: string[];
}


/** Embed markdown back to text: bold markers, backslash escapes, zero-width joiners. */
const unmark = (s: string) => s.replace(/\*\*/g, '').replace(/\\([\\*_~`|>#[\]()\-.!<@:])/g, '$1').replace(/\u200b/g, '');

export function loadQuestions(file: string): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { question: string; expect: { found: boolean; passage_contains_any?: string[] } })
    .map((item) => ({ question: item.question, found: item.expect.found, passages: (item.expect.passage_contains_any ?? []).map(norm) }));
}

/** Whether an /ask response is right for `q`: a message, no mentions, the expected passage or the miss. */
export function askAnswerMatches(q: Question, response: APIInteractionResponse): boolean {
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) return false;
  if (response.data?.allowed_mentions?.parse?.length !== 0) return false;
  const description = norm(unmark(response.data.embeds?.[0]?.description ?? ''));
  const miss = description.startsWith('not in the article');
  if (!q.found) return miss;
  return !miss && (q.passages.length === 0 || q.passages.some((p) => description.includes(p)));
}

/**
 * The questions a load benchmark asks and checks: `file` when it exists, else the repository's own
 * questions about the seed article, each with its real expectation, so a bare clone checks answers too.
 */
export function benchQuestions(file: string, log: (line: string) => void): Question[] {
  if (existsSync(file)) return loadQuestions(file);
  log(`${file} not found: asking the repository's ${DEFAULT_EXTRA_QUESTIONS} instead`);
  return loadQuestions(DEFAULT_EXTRA_QUESTIONS);
}

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state, ppid, …; comm may contain spaces, so split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds a process and its direct children (cluster workers) have used so far; NaN without /proc. */
export function treeCpuSeconds(rootPid: number): number {
  const self = statFields(rootPid);
  if (!self) return NaN;
  const cpu = (f: string[]) => (Number(f[11]) + Number(f[12])) / CLOCK_TICKS; // utime, stime
  let total = cpu(self);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && Number(f[1]) === rootPid) total += cpu(f);
  }
  return total;
}

const scratchDirs: string[] = [];

/**
 * A DATA_DIR of the bench's own for a server it spawns, removed when the bench exits: a bench never
 * writes its database or index cache into the checkout's ./data.
 */
export function scratchDataDir(name: string): string {
  if (!scratchDirs.length) process.once('exit', () => scratchDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = mkdtempSync(join(tmpdir(), `bench-${name}-data-`));
  scratchDirs.push(dir);
  return dir;
}
