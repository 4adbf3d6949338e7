// "What did X say about Y" on a made-up uncurated news story: X's own words answer it, not the
// article's report of what X did, and of X's words the ones that name Y.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEngineParts, createEngine, questionRanker } from '../src/engine/create-engine.ts';
import { fitToQuestion } from '../src/engine/question-fit.ts';
import { loadArticleFile } from '../src/knowledge/loader.ts';

const STORY = `Harbour town honours its mayor

On Friday, Brenmouth honoured its mayor, Ines Tolland, at the town hall.

Tolland was in tears while receiving the Civic Medal of the Year from the county council. In her speech, she said, "I cannot accept this medal for myself alone. The ferry crew kept this town alive all winter. The ferry never missed a crossing, not once. I owe the ferry crew everything."

Earlier, while receiving the Harbour Prize of the Year, Tolland said, "The ferry is the reason I stood for office."

The council's chairman, Owen Brask, said the vote for the medal was unanimous.

The town's new ferry terminal opens in May.
`;

const dir = mkdtempSync(join(tmpdir(), 'news-said-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'story.txt');
writeFileSync(file, STORY);
const pack = loadArticleFile(file);
const engine = createEngine(pack);

describe('what X said about Y', () => {
  it("answers with X's words, not the report of what X did that holds the question's other words", () => {
    for (const question of ['What did Tolland say about the ferry when she received the Civic Medal of the Year?', 'What did Tolland say when she received the medal?']) {
      const a = engine.answer(question);
      expect(a.found).toBe(true);
      expect(a.answer?.text).not.toMatch(/in tears/);
      expect(a.answer?.attribution).toMatch(/Tolland/);
      expect(a.alternatives.map((p) => p.text).join(' ')).toMatch(/in tears/);
    }
  });

  it("of X's sentences, answers with one that names Y", () => {
    for (const question of ['What did Tolland say about the ferry crew when she got the Civic Medal?', 'what did tolland say about the ferry in her speech']) {
      const a = engine.answer(question);
      expect(a.answer?.text).toMatch(/ferry/i);
      expect(a.answer?.attribution).toMatch(/Tolland/);
    }
  });

  it("of X's sentences in one statement, answers with the one about Y over the one that shares the occasion's words", () => {
    // "In her speech, she said, "I cannot accept this medal …"" holds "accept" and "medal"; it says nothing about the crew.
    const a = engine.answer('what did tolland say about the crew when she accepted the civic medal');
    expect(a.answer?.text).toMatch(/ferry crew/i);
    expect(a.answer?.attribution).toMatch(/Tolland/);
    expect(a.alternatives.map((p) => p.text).join(' ')).toMatch(/cannot accept this medal/);
  });

  it('ranks by words alone when the article quotes no one of that name', () => {
    const a = engine.answer('What did the county council say about the medal?');
    expect(a.found).toBe(true);
    expect(a.answer?.text).toMatch(/medal/i);
  });

  it("weighs up X's words said on the occasion the question names, by their paragraph, over X's words said on another", () => {
    const ranker = questionRanker(buildEngineParts(pack));
    const q = ranker.analyse('What did Tolland say about the ferry when she accepted the Civic Medal of the Year?');
    const { ranked } = ranker.rank(q);
    const r = (id: number) => ranker.records[id]!;
    const fitted = fitToQuestion(q, ranked, {
      tokens: (id) => ranker.index.tokens[id]!,
      text: (id) => r(id).text,
      isName: (w) => ranker.index.names.has(w),
      speaker: (id) => (r(id).speaker === pack.meta.publisher ? new Set() : r(id).speakerStems),
      quoted: (id) => r(id).how.startsWith('said'),
      paragraph: (id) => ranker.index.paragraphOf[id]!,
    });
    const gain = (fragment: string) => {
      const before = ranked.find((s) => r(s.id).text.includes(fragment))!;
      return fitted.find((s) => s.id === before.id)!.score / before.score;
    };
    // Both are Tolland's and name the ferry; only the first was said when she received the Civic Medal.
    expect(gain('never missed a crossing')).toBeCloseTo(1.3 * gain('reason I stood for office'), 5);
    expect(gain('was in tears')).toBe(1);
  });
});

// The speaker's quoted words beside a report that repeats more of the question, and a statement by the
// person the question asks about: the learned ranker (this is a bare article) puts both first by wording.
const STRIKE = `City ends bus strike after weekend talks

Bus drivers in Marlow returned to work on Monday after a three-day strike over pay.

In a radio address to the city on Saturday, Mayor Dana Okafor spoke of "a betrayal of every passenger" as drivers left the depots. As part of a deal to end the strike late on Sunday, the mayor agreed that the drivers would get a pay rise of four percent.

Not every driver was pleased. Driver Sam Reyes, who has worked at the Eastgate depot for twelve years, said the rise did not cover his rent. He said he had written to the transport company about his hours but had not yet had a reply.

A spokesperson for the transport company said it was talking to Reyes and hoped to settle the matter by the summer.
`;

describe("what X said, when the best match by words is not X's", () => {
  const strikeFile = join(dir, 'strike.txt');
  writeFileSync(strikeFile, STRIKE);
  const strike = createEngine(loadArticleFile(strikeFile));

  it("answers with X's quoted words, not the report after them in the same paragraph", () => {
    const a = strike.answer('what did okafor call the drivers strike over pay');
    expect(a.answer?.text).toMatch(/a betrayal of every passenger/);
    expect(a.answer?.attribution).toMatch(/Okafor/);
    expect(a.alternatives[0]?.text).toMatch(/^As part of a deal/);
    // The answer keeps the best candidate's score: the report is a close runner-up, not far below.
    expect(a.alternatives[0]!.score).toBeGreaterThan(0.9 * a.answer!.score);
  });

  it("answers with X's statement about Y, not Y's own statement that names X", () => {
    const a = strike.answer('what did the company say about the driver');
    expect(a.answer?.text).toMatch(/talking to Reyes/);
    expect(a.answer?.attribution).toMatch(/transport company/);
  });
});
