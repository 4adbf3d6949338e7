// In-process scoring for tuning the ranking: the same hit rules as ../shared/eval/score.mjs, but
// without a process per article, so a change can be judged in seconds. Tune on dev sets only.
//   npx tsx src/cli/tune.ts ../shared/datasets/squad-v1.1-dev/dev.jsonl [--verbose]
import { readFileSync } from 'node:fs';
import { packFromText } from '../knowledge/from-text.ts';
import { createEngine } from '../engine/index.ts';
import { norm } from './eval/score.ts';


interface SquadArticle {
  title: string;
  paragraphs: string[];
  questions: Array<{ id: string; question: string; paragraph: number; answers: Array<{ text: string }> }>;
}

const file = process.argv[2] ?? '../shared/datasets/squad-v1.1-dev/dev.jsonl';
const verbose = process.argv.includes('--verbose');
const articles = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SquadArticle);
let n = 0, top1 = 0, top3 = 0, rejected = 0;
const lengths: number[] = [];
for (const art of articles) {
  const engine = createEngine(packFromText(art.paragraphs.join('\n\n') + '\n', 'squad'));
  const paras = art.paragraphs.map(norm);
  let an = 0, a1 = 0;
  for (const q of art.questions) {
    const a = engine.answer(q.question);
    n++; an++;
    if (!a.found) rejected++;
    const texts = [a.answer, ...a.alternatives].filter(Boolean).map((p) => norm(p!.text));
    if (a.answer) lengths.push(a.answer.text.length);
    const hit = (t: string) => paras[q.paragraph]!.includes(t) && q.answers.some((x) => t.includes(norm(x.text)));
    const at = texts.findIndex(hit);
    if (a.found && at === 0) { top1++; a1++; }
    else if (verbose) console.log(`MISS ${q.question}\n   got: ${texts[0] ?? a.reason}\n   want: ${q.answers[0]!.text}`);
    if (a.found && at >= 0 && at < 3) top3++;
  }
  console.log(`${art.title.padEnd(30)} ${(100 * a1 / an).toFixed(1)}%`);
}
lengths.sort((a, b) => a - b);
console.log(`questions ${n}  top1 ${(100 * top1 / n).toFixed(1)}%  top3 ${(100 * top3 / n).toFixed(1)}%  rejected ${(100 * rejected / n).toFixed(1)}%  median length ${lengths[lengths.length >> 1]}`);
