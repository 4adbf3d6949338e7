// The unanswered log: what is recorded (and what is not: no user ids), the adapter that decides
// not-found / low-confidence, and the report grouping near-identical wordings with fuse.js.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { groupQuestions, normaliseQuestion, sameWords } from '../src/store/group.ts';
import { LOW_CONFIDENCE_BELOW, recordAnswer, recordFeedback, unansweredKind } from '../src/store/record.ts';
import { openCuratorStore, type CuratorStore } from '../src/store/store.ts';
import { passage } from './helpers/stub-engine.ts';
import { captureLog, tempDataDirs } from './helpers/data-dir.ts';

const newDir = tempDataDirs();
const open: CuratorStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

function store(now = () => Date.UTC(2026, 0, 15, 12)) {
  const log = captureLog();
  const s = openCuratorStore({ dataDir: newDir(), now, log });
  open.push(s);
  return { s, log };
}

describe('normaliseQuestion', () => {
  it('folds case, curly apostrophes, contractions, possessives and punctuation', () => {
    expect(normaliseQuestion("Who is Prigozhin's lawyer?")).toBe('who is prigozhin lawyer');
    expect(normaliseQuestion('who’s prigozhin lawyer')).toBe('who is prigozhin lawyer');
    expect(normaliseQuestion('  WHAT did  Zelenskyy say!! ')).toBe('what did zelenskyy say');
    expect(normaliseQuestion('Qué dijo Núñez')).toBe('que dijo nunez');
  });

  it('tells misspellings from different words', () => {
    expect(sameWords('who is prigozhins lawyer', 'who is prigozhin lawyer')).toBe(true);
    expect(sameWords('who is the prigozhin lawer', 'who is prigozhin lawyer')).toBe(true);
    expect(sameWords('what did qin gang say about ukraine', 'what did qin gang say about russia')).toBe(false);
    expect(sameWords('who is lee', 'who is leo')).toBe(false);
  });
});

describe('recording and the grouped report', () => {
  it('groups wordings of one question together and keeps different questions apart', () => {
    const { s } = store();
    const asked = [
      'who is prigozhins lawyer',
      "Who is Prigozhin's lawyer?",
      "who's prigozhin lawyer",
      "Who is Prigozhin's lawyer?",
      'Who is Prigozhin?',
      'What did Qin Gang say about Ukraine?',
      'What did Qin Gang say about Russia?',
      'What did Qin Gang say about Russia?',
      'what did qin gang say about russia',
    ];
    for (const q of asked) s.recordUnanswered({ kind: 'not-found', question: q, article: 'seed', guildId: '111' });
    s.recordUnanswered({ kind: 'feedback', question: 'who is prigozhins lawyer', article: 'seed', candidate: 'The lawyer said…', score: 0.5 });

    const report = s.unansweredReport({ limit: 10 });
    expect(report.map((g) => [g.representative, g.count, g.variants])).toEqual([
      ["Who is Prigozhin's lawyer?", 5, 3],
      ['What did Qin Gang say about Russia?', 3, 2],
      ['What did Qin Gang say about Ukraine?', 1, 1],
      ['Who is Prigozhin?', 1, 1],
    ]);
    const lawyer = report[0]!;
    expect(lawyer.kinds).toEqual({ 'not-found': 4, feedback: 1 });
    expect(lawyer.candidate).toBe('The lawyer said…');
    expect(lawyer.examples.sort()).toEqual(['who is prigozhins lawyer', "who's prigozhin lawyer"]);
    expect(lawyer.article).toBe('seed');
    expect(lawyer.lastSeen).toBe(Date.UTC(2026, 0, 15, 12));
  });

  it('filters by article, keeps articles apart and honours the limit', () => {
    const { s } = store();
    for (const article of ['seed', 'seed', 'other']) s.recordUnanswered({ kind: 'low-confidence', question: 'Who is the envoy?', article });
    s.recordUnanswered({ kind: 'not-found', question: 'Where is Minsk?', article: 'other' });
    expect(s.unansweredReport().map((g) => [g.article, g.count])).toEqual([
      ['seed', 2],
      ['other', 1],
      ['other', 1],
    ]);
    expect(s.unansweredReport({ article: 'other' }).every((g) => g.article === 'other')).toBe(true);
    expect(s.unansweredReport({ limit: 1 })).toHaveLength(1);
    expect(s.unansweredReport({ article: 'nope' })).toEqual([]);
  });

  it('stores no user id, only the guild, and cleans what it stores', () => {
    const { s } = store();
    s.recordUnanswered({ kind: 'not-found', question: '  who\u0000 is\u202e   he? ', article: 'seed', guildId: null });
    s.recordUnanswered({ kind: 'not-found', question: '   ', article: 'seed' }); // nothing to curate
    s.close();
    const db = new Database(s.path, { readonly: true });
    try {
      const columns = (db.pragma('table_info(unanswered)') as Array<{ name: string }>).map((c) => c.name);
      expect(columns).toEqual(['id', 'at', 'kind', 'question', 'article', 'guild_id', 'candidate', 'score']);
      expect(columns.some((c) => /user|member|author/i.test(c))).toBe(false);
      expect(db.prepare('SELECT question, guild_id FROM unanswered').all()).toEqual([{ question: 'who is he?', guild_id: null }]);
    } finally {
      db.close();
    }
  });

  it('groups 2,000 tallies: the three wordings of each question into one group', () => {
    // 667 distinct questions (random made-up names and topics), each typed three ways.
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]).join('');
    const people = Array.from({ length: 50 }, word);
    const topics = Array.from({ length: 50 }, word);
    const tallies = Array.from({ length: 2000 }, (_, i) => {
      const b = Math.floor(i / 3);
      const base = `What did ${people[b % 50]} say about ${topics[Math.floor(b / 50)]}`;
      return { question: base + ['', '?', ' in the article'][i % 3], article: 'seed', count: 1 + (i % 5), lastSeen: i, kinds: { 'not-found': 1 }, candidate: null };
    });
    const t0 = performance.now();
    const groups = groupQuestions(tallies);
    const ms = performance.now() - t0;
    expect(groups.length).toBeGreaterThan(640); // a few random names may be near-spellings of each other
    expect(groups.length).toBeLessThanOrEqual(667);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(tallies.reduce((n, t) => n + t.count, 0));
    // ~0.25 s on an idle 2-core box; fuse-searching every representative instead took ~6 s. Not
    // asserted: the same run took 14 s on a loaded box (speed belongs in npm run bench, as a ratio).
    console.log(`grouped ${tallies.length} questions into ${groups.length} groups in ${ms.toFixed(0)} ms`);
  });
});

describe('recordAnswer: the one call after an answer', () => {
  const good = { found: true, answer: passage(0, 'Alice met Bob.', { score: 0.9, article: 'seed' }), alternatives: [] };
  const weak = { found: true, answer: passage(1, 'They talked.', { score: LOW_CONFIDENCE_BELOW - 0.01, article: 'seed' }), alternatives: [] };
  const miss = { found: false, answer: null, alternatives: [passage(2, 'Closest thing.', { score: 0.2 })] };

  it('classifies answers by the named threshold', () => {
    expect(unansweredKind(good)).toBeNull();
    expect(unansweredKind(weak)).toBe('low-confidence');
    expect(unansweredKind({ ...weak, answer: { ...weak.answer, score: LOW_CONFIDENCE_BELOW } })).toBeNull();
    expect(unansweredKind(miss)).toBe('not-found');
  });

  it('logs misses and weak answers with the top candidate, and nothing for good ones', () => {
    let t = Date.UTC(2026, 0, 1);
    const { s } = store(() => (t += 1000));
    expect(recordAnswer(s, { question: 'Who met Bob?', article: 'seed', guildId: '42', answer: good })).toBeNull();
    expect(recordAnswer(s, { question: 'What was said?', article: 'seed', guildId: '42', answer: weak })).toBe('low-confidence');
    expect(recordAnswer(s, { question: 'Who is Carol?', article: 'seed', guildId: null, answer: miss })).toBe('not-found');
    recordFeedback(s, { question: 'Who met Bob?', article: 'seed', guildId: '42', candidate: 'Alice met Bob.' });
    const report = s.unansweredReport();
    expect(report.map((g) => [g.representative, Object.keys(g.kinds)[0], g.candidate])).toEqual([
      ['Who met Bob?', 'feedback', 'Alice met Bob.'],
      ['Who is Carol?', 'not-found', 'Closest thing.'],
      ['What was said?', 'low-confidence', 'They talked.'],
    ]);
  });

  it('tolerates a missing store', () => {
    expect(recordAnswer(undefined, { question: 'q', article: 'seed', answer: miss })).toBe('not-found');
    expect(() => recordFeedback(undefined, { question: 'q', article: 'seed' })).not.toThrow();
  });
});
