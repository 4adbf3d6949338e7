// The term index's names (issue 14 made their count one number a word): a word is a name when at least
// 70% of its uses after a sentence's first word are capitalised. Checked against that definition,
// counted plainly, on the seed and, when present, on the SQuAD dev articles as one uncurated pack; and the
// stems found only inside names, checked against their definition by stem strings (the index reads term ids).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEngineParts } from '../src/engine/index.ts';
import { packFromText } from '../src/knowledge/from-text.ts';
import { loadDefaultPack } from '../src/knowledge/loader.ts';
import type { KnowledgePack } from '../src/knowledge/schema.ts';
import type { Token } from '../src/engine/text.ts';

const SQUAD = new URL('../../shared/datasets/squad-v1.1-dev/dev.jsonl', import.meta.url);

function packs(): KnowledgePack[] {
  const out = [loadDefaultPack()];
  if (existsSync(SQUAD)) {
    const paragraphs = readFileSync(SQUAD, 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => (JSON.parse(l) as { paragraphs: string[] }).paragraphs);
    out.push(packFromText(`${paragraphs.join('\n\n')}\n`, 'library'));
  }
  return out;
}

describe('term index names', () => {
  it('are the words capitalised in at least 70% of their uses after a sentence opens, in first-use order', () => {
    for (const pack of packs()) {
      const { index } = buildEngineParts(pack);
      const uses = new Map<string, { capital: number; all: number }>();
      for (const sentence of index.tokens) {
        for (const t of sentence.slice(1)) {
          const u = uses.get(t.word) ?? { capital: 0, all: 0 };
          uses.set(t.word, { capital: u.capital + Number(t.capital), all: u.all + 1 });
        }
      }
      const expected = [...uses].filter(([, u]) => u.capital / u.all >= 0.7).map(([w]) => w);
      expect(expected.length).toBeGreaterThan(10);
      expect([...index.names]).toEqual(expected);
    }
  });

  it('name-only stems: never written in lower case, each with the stems beside it in its names, in first-use order', () => {
    const joiners = new Set(['of', 'the', 'de', 'du', 'da', 'del', 'der', 'van', 'von', 'la', 'le']);
    const continues = (sentence: Token[], i: number) => {
      for (let k = i + 1; k < sentence.length && k <= i + 2; k++) {
        if (sentence[k]!.capital) return true;
        if (!joiners.has(sentence[k]!.word)) return false;
      }
      return false;
    };
    for (const pack of packs()) {
      const { index } = buildEngineParts(pack);
      const lower = new Set(index.tokens.flat().filter((t) => !t.capital).map((t) => t.stem));
      const expected = new Map<string, Set<string>>();
      for (const sentence of index.tokens) {
        let run: Token[] = [];
        const flush = () => {
          for (const t of run) if (!lower.has(t.stem)) for (const o of run) if (o !== t) (expected.get(t.stem) ?? expected.set(t.stem, new Set()).get(t.stem)!).add(o.stem);
          for (const t of run) if (!lower.has(t.stem) && !expected.has(t.stem)) expected.set(t.stem, new Set());
          run = [];
        };
        sentence.forEach((t, i) => {
          if (t.capital && i > 0) run.push(t);
          else if (!(run.length && joiners.has(t.word) && continues(sentence, i))) flush();
        });
        flush();
      }
      const ordered = (m: Map<string, Set<string>>) => [...m].map(([stem, with_]) => [stem, [...with_]]);
      expect(expected.size).toBeGreaterThan(10);
      expect(ordered(index.nameOnly)).toEqual(ordered(expected));
    }
  });
});
