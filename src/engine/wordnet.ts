// WordNet relations of everyday words, precomputed by src/cli/build-wordnet.ts into a small text
// file keyed by the engine's stems. Read on the first question, and each line is split only when
// a question uses that word, so start-up pays nothing for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../repo-root.ts';

// Found from the checkout's root, so the bundled build reads the same file as src/.
export const WORDNET_FILE = pathToFileURL(join(REPO_ROOT, 'src/engine/data/wordnet.txt'));

export interface Relations {
  /** Same meaning: "revolt" → "rebellion". */
  synonyms: readonly string[];
  /** Another part of speech of the same idea: "succeed" → "success", "chinese" → "china". */
  derivations: readonly string[];
  /** Opposite meaning: "succeed" → "fail", for yes/no questions. */
  antonyms: readonly string[];
  /** A broader word: "oxygen" → "gas". */
  hypernyms: readonly string[];
}

let lines: Map<string, string> | undefined;
const parsed = new Map<string, Relations | null>();

function load(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readFileSync(WORDNET_FILE, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0 && !line.startsWith('#')) map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}

/** The relations of a stem, or undefined for a word WordNet (or everyday English) does not have. */
export function relationsOf(stem: string): Relations | undefined {
  let r = parsed.get(stem);
  if (r === undefined) {
    lines ??= load();
    const raw = lines.get(stem);
    const [synonyms, derivations, antonyms, hypernyms] = (raw ?? '').split('\t').map((p) => (p ? p.split(' ') : []));
    r = raw === undefined ? null : { synonyms: synonyms ?? [], derivations: derivations ?? [], antonyms: antonyms ?? [], hypernyms: hypernyms ?? [] };
    parsed.set(stem, r);
  }
  return r ?? undefined;
}

const YES_NO = /^\s*(did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b/i;

/**
 * The WordNet forms a question word also matches, each weighted below the word itself. Antonyms only
 * for a yes/no question: "did it succeed" is answered by "it failed".
 */
export function wordnetStems(stem: string, question: string, w: WordnetWeights): Array<{ stem: string; weight: number }> {
  const r = relationsOf(stem);
  if (!r) return [];
  const out = new Map<string, number>();
  const add = (stems: readonly string[], weight: number) => {
    for (const s of stems) if (weight > (out.get(s) ?? 0)) out.set(s, weight);
  };
  add(r.hypernyms, w.hypernym);
  if (YES_NO.test(question)) add(r.antonyms, w.antonym);
  add(r.synonyms, w.synonym);
  add(r.derivations, w.derivation);
  out.delete(stem);
  return [...out].map(([s, weight]) => ({ stem: s, weight }));
}

export interface WordnetWeights {
  synonym: number;
  derivation: number;
  antonym: number;
  hypernym: number;
}
