// Facts: one per sentence of every answerable paragraph, attributed exactly as the engine attributes
// the uncurated article (buildPassages), so a generated pack answers "who said it" at least as well
// as --article does, and the curator starts from what the bot would say anyway.
import type { PassageRecord } from '../engine/index.ts';
import type { Entity, Fact } from '../knowledge/schema.ts';
import { UNKNOWN_ROLE } from './entities.ts';
import type { SpeakerBook } from './speakers.ts';

/** True when the attribution came from the sentence's wording, not the publisher default. */
export function isInferred(r: PassageRecord, publisher: string): boolean {
  return !(r.speaker === publisher && (r.how === "the article's own reporting" || r.how.startsWith('the headline')));
}

export function draftFacts(records: PassageRecord[], publisher: string, book: SpeakerBook): Fact[] {
  const counts = new Map<number, number>();
  const ids = new Set<string>();
  const facts: Fact[] = [];
  records.forEach((r, i) => {
    const n = (counts.get(r.paragraph) ?? 0) + 1;
    counts.set(r.paragraph, n);
    let id = factId(r, n);
    for (let k = 2; ids.has(id); k++) id = `${factId(r, n)}-${k}`;
    ids.add(id);
    const entity = isInferred(r, publisher) ? book.find(r.speaker) : undefined;
    // The role the sentence itself gives ("X, director of Y, said") before the one the entity carries.
    const role = isInferred(r, publisher) && r.role ? r.role : entity && entity.role !== UNKNOWN_ROLE ? entity.role : undefined;
    facts.push({
      id,
      paragraph: r.paragraph,
      text: r.text,
      attribution: {
        speaker: r.speaker,
        ...(entity ? { entity: entity.id } : {}),
        ...(role ? { role } : {}),
        how: r.how,
      },
      keywords: antecedents(r.text, records.slice(0, i).map((p) => p.text), book.entities),
    });
  });
  return facts;
}

/**
 * "While the rebellion ultimately failed" means the An Lushan Rebellion named just before: a definite
 * "the X" whose X ends the name of an entity mentioned earlier (the latest one) gets that name as a
 * keyword, so a question naming it finds this sentence too.
 */
export function antecedents(sentence: string, earlier: readonly string[], entities: readonly Entity[]): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(/\b[Tt]he (\p{Ll}+)\b/gu)) {
    const head = m[1]!;
    const candidates = entities.filter((e) => e.name.includes(' ') && e.name.split(' ').at(-1)!.toLowerCase() === head && !sentence.includes(e.name));
    let best: { name: string; at: number } | undefined;
    for (const e of candidates) {
      let at = -1;
      earlier.forEach((s, i) => {
        if (s.includes(e.name)) at = i;
      });
      if (at >= 0 && (!best || at > best.at)) best = { name: e.name, at };
    }
    if (best && !out.includes(best.name)) out.push(best.name);
  }
  return out;
}

/** "p4-2-mutual-political-trust": paragraph, sentence, and the first content words, for a curator to find. */
function factId(r: PassageRecord, n: number): string {
  if (r.kind !== 'body') return r.kind;
  const words = r.text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .slice(0, 3);
  return ['p' + r.paragraph, String(n), ...words].join('-');
}

const STOP = new Set('the and for that with was were has have had its his her their this from into about after before also said says would could which who what when where while than then them they are but not'.split(' '));
