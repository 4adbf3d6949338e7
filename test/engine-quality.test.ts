// Guards answer quality with the scorer's own rules, in process: the seed article's dev questions,
// our own held-out questions of the same kinds, and a slice of SQuAD dev. Floors, not exact values,
// so honest improvements pass and regressions fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import { packFromText } from '../src/knowledge/from-text.ts';
import { norm, readSet, scoreSet } from './helpers/score.ts';
import { sharedFile } from './helpers/shared.ts';

const devSet = sharedFile('eval/time-dev.jsonl', 'the seed dev-set floor');
const squadDev = sharedFile('datasets/squad-v1.1-dev/dev.jsonl', 'the SQuAD slice floor');
const engine = createEngine(loadDefaultPack());

describe('answer quality', () => {
  it.skipIf(!devSet)('meets issue 2 floors on the seed dev set', () => {
    const f = scoreSet(engine, readSet(devSet!));
    expect(f.top1).toBeGreaterThanOrEqual(0.95);
    expect(f.reject).toBeGreaterThanOrEqual(0.9);
    expect(f.attribution).toBeGreaterThanOrEqual(0.95);
  });

  it('generalises to our own held-out questions about the seed article', () => {
    const f = scoreSet(engine, readSet(join(import.meta.dirname, 'fixtures/seed-extra.jsonl')));
    expect(f.top1).toBeGreaterThanOrEqual(0.9);
    expect(f.reject).toBe(1);
    expect(f.attribution).toBeGreaterThanOrEqual(0.9);
  });

  it('generalises to chat-style questions about the seed article that nobody tuned on', () => {
    // First run top1 95.5, reject 100, attribution 100 (test/fixtures/chat-heldout/README.md): floors a question below it.
    const f = scoreSet(engine, readSet(join(import.meta.dirname, 'fixtures/chat-seed-heldout.jsonl')));
    expect(f.top1).toBeGreaterThanOrEqual(0.9);
    expect(f.reject).toBe(1);
    expect(f.attribution).toBeGreaterThanOrEqual(0.9);
  });

  it('generalises to formal questions about the seed article that nobody tuned on', () => {
    // First run top1 88.9, reject 75 (test/fixtures/chat-heldout/README.md): floors a question below it.
    const f = scoreSet(engine, readSet(join(import.meta.dirname, 'fixtures/formal-seed-heldout.jsonl')));
    expect(f.top1).toBeGreaterThanOrEqual(0.83);
    expect(f.reject).toBeGreaterThanOrEqual(0.5);
  });

  it.skipIf(!squadDev)('ranks the right sentence first on a slice of SQuAD dev', () => {
    const line = readFileSync(squadDev!, 'utf8').split('\n')[1]!;
    const art = JSON.parse(line) as { paragraphs: string[]; questions: Array<{ question: string; paragraph: number; answers: Array<{ text: string }> }> };
    const squad = createEngine(packFromText(art.paragraphs.join('\n\n'), 'squad'));
    const paras = art.paragraphs.map(norm);
    let hits = 0;
    for (const q of art.questions) {
      const a = squad.answer(q.question);
      const t = norm(a.answer?.text);
      if (a.found && paras[q.paragraph]!.includes(t) && q.answers.some((x) => t.includes(norm(x.text)))) hits++;
    }
    expect(hits / art.questions.length).toBeGreaterThanOrEqual(0.5);
  });

  // The learned re-ranker's floor on an article it was trained on (issue 9: 70.3% top1 before it, WordNet and the model).
  it.skipIf(!squadDev)('keeps the learned ranking on a SQuAD dev article', () => {
    const line = readFileSync(squadDev!, 'utf8').split('\n')[4]!;
    const art = JSON.parse(line) as { paragraphs: string[]; questions: Array<{ question: string; paragraph: number; answers: Array<{ text: string }> }> };
    const squad = createEngine(packFromText(art.paragraphs.join('\n\n'), 'squad'));
    const paras = art.paragraphs.map(norm);
    const top3 = art.questions.filter((q) => {
      const a = squad.answer(q.question);
      return a.found && [a.answer, ...a.alternatives].slice(0, 3).some((p) => paras[q.paragraph]!.includes(norm(p?.text)) && q.answers.some((x) => norm(p?.text).includes(norm(x.text))));
    }).length;
    expect(top3 / art.questions.length).toBeGreaterThanOrEqual(0.85);
  });
});
