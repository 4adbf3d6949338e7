// Every tuning constant of the ranking, frozen in one place. Tuned on the seed dev set and SQuAD
// dev.jsonl only; changes are judged with `npm run bench` and ../shared/eval/score.mjs.
const DEFAULTS = {
  /** BM25 saturation and length normalisation (sentence-sized documents). */
  k1: 1.2,
  b: 0.75,
  /** How much a paragraph's own BM25 score adds to each of its sentences. */
  paragraphWeight: 0.8,
  /** How much the BM25 scores of the sentences just before and after add to a sentence. */
  neighbourWeight: 0.1,
  /** Scores are multiplied by coverage to this power. */
  coverageExponent: 0.5,
  /** Only this many best candidates by BM25 get the proximity, phrase, type and speaker bonuses. */
  rerankDepth: 40,
  /** Aliases and curator keywords count this much of a word in the text (term frequency)… */
  expansionWeight: 0.6,
  /** …and this much towards coverage. */
  expansionCoverage: 0.8,
  /** Weights of a typo repair and of a related word, against the word itself. */
  typoWeight: 0.9,
  /** A question word among this many commonest English words is taken as meant, never as a typo. */
  realWordRank: 20000,
  /** Weight of an article word that begins a question word ("japan" for "Japanese"). */
  relativeWeight: 0.7,
  relatedWeight: 0.45,
  /** Weights of WordNet relations of a question word (src/engine/wordnet.ts), all below the word itself. */
  wordnet: { synonym: 0.3, derivation: 0.6, antonym: 0.4, hypernym: 0.15 },
  /** Question words within this many words of each other in the passage earn a bonus. */
  proximityWindow: 3,
  proximityWeight: 0.25,
  phraseWeight: 3,
  /** Multiplier bonus when the passage holds the kind of thing asked for (a date for "when"). */
  typeBonus: 0.3,
  /** Multiplier bonus for a passage said by someone the question names, when it asks what was said. */
  speakerBonus: 0.3,
  /** Headlines are short, so BM25 over-rewards them: scale their score unless the headline is asked for. */
  headlineFactor: 0.7,
  /** Weight of a question word the article lacks, by its frequency rank in everyday English. */
  everydayWeights: [
    [1000, 0.25],
    [5000, 0.5],
    [20000, 0.8],
  ] as Array<[number, number]>,
  /** Everyday words more common than this rank stop matching names they only appear in ("time" ≠ "Global Times"). */
  namePieceRank: 1000,
  /** A name the article lacks refuses the question unless the rest covers at least this share. */
  nameCoverageGate: 0.7,
  /** Below this share of the question's weight, the article does not answer it. */
  minCoverage: 0.35,
  /** A refused question whose best passage's paragraph covers this share is offered that passage as the closest. */
  closestCoverage: 0.25,
  /**
   * An answer's confidence band starts at these scores (and High also needs the detail asked for in the
   * passage: a name for "who", a reason for "why"). Calibrated on the odd-numbered half of the formal,
   * chat-style and news dev sets: 0.8 is the lowest "high" at which each half-set's High precision peaks
   * (formal 14/14, chat 13/14, news 9/9); the even half is the check. Below "medium" the reply says Low
   * and the unanswered log keeps the question.
   */
  confidenceBands: { high: 0.8, medium: 0.45 },
};

// RANKING_TUNE='{"k1":1.5}' lets src/cli/tune.ts try values without editing this file.
export const RANKING: Readonly<typeof DEFAULTS> = Object.freeze({ ...DEFAULTS, ...tuning() });

function tuning(): Partial<typeof DEFAULTS> {
  const raw = process.env.RANKING_TUNE;
  return raw ? (JSON.parse(raw) as Partial<typeof DEFAULTS>) : {};
}
