// Who said a sentence, found from its wording alone. This is what makes an uncurated article answer
// "who said it"; curated facts override it for the packs that have them.
import { fold } from './text.ts';

export interface Attributed {
  speaker: string;
  how: string;
  /** True when the words are the source's own, not the article's reporting. */
  reported: boolean;
}

const VERBS = 'said|says|told|stated|states|announced|added|noted|wrote|warned|argued|insisted|claimed|declared|explained|vowed|urged|spoke of|described|called|asserted|reported|acknowledged';
const PRONOUNS = /^(he|she|they|it|we|i)$/i;
const CLAUSE_STARTERS = /^(and|but|while|as|when|because|although|though|after|before|since|which|who|that|where)\s+/i;

/** "China's foreign ministry cited Ma as saying ..." */
const CITED = /([\p{L}\p{N}'’ .\-]{2,80}?)\s+(?:cited|quoted)\s+([\p{L}\p{N}'’ .\-]{1,60}?)\s+as\s+(?:saying|telling|stating|calling)/iu;
/** "..., according to the Kremlin." */
const ACCORDING = /according to\s+([^,.;:"“”]{2,80})/iu;
/** "X said in a statement on its website" / "X said that" / "X spoke of". */
const SUBJECT_VERB = new RegExp(`(^|[,;:"“”’—–(]\\s*|\\s)([^,;:"“”—–()]{2,90}?)\\s+(?:${VERBS})\\b([^,;.:"“”]{0,60})`, 'iu');
// Cheap necessary conditions, tested first: CITED and SUBJECT_VERB try up to ~80 characters at every
// start position, which made them most of an uncurated library's build time (issue 14). Each hint
// matches whatever its pattern matches (same flags), so skipping the pattern when it fails changes nothing.
const CITED_HINT = /cited|quoted/iu;
const VERB_HINT = new RegExp(`\\s(?:${VERBS})\\b`, 'iu');
/** "..., said Ma." */
const VERB_SUBJECT = new RegExp(`[,"”’]\\s*(?:${VERBS.split('|').filter((v) => !v.includes(' ')).join('|')})\\s+([\\p{Lu}][^,;.:"“”]{1,60})`, 'u');

/** "The brief statement by a Chinese Foreign Ministry spokesperson, who described …" */
const NAME_PHRASE = String.raw`(?:the |a |an )?\p{Lu}[\p{L}'’\-.]*(?:\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’\-.]*)*(?:\s+(?:spokesperson|spokesman|spokeswoman|officials?|ministers?|ministry|agency|account|editor|analysts?|sources?))?`;
const STATEMENT_BY = new RegExp(String.raw`\b(statement|comment|comments|remarks|announcement|post|message|speech|interview) by (${NAME_PHRASE})`, 'u');
/** "Chinese Vice Foreign Minister Ma Zhaoxu also met Rudenko on Sunday, vowing to …" */
const PARTICIPLE = /,\s*(vowing|saying|adding|warning|noting|calling|describing|insisting|pledging|arguing|stressing|urging|promising)\b/i;
const LEADING_NAME = /^((?:[\p{Lu}][\p{L}'’\-.]*\s+)*[\p{Lu}][\p{L}'’\-.]*)/u;

/**
 * Attributes one sentence. `previous` is the last attribution in the same paragraph (for "he said"),
 * `earlier` every speaker so far in the article (so "the ministry" can mean "Russia's foreign ministry").
 */
export function attributeSentence(sentence: string, previous?: Attributed, earlier: readonly Attributed[] = []): Attributed | undefined {
  const found = attributeWords(sentence, previous);
  if (!found) return undefined;
  const definite = /^the (\p{Ll}+)$/u.exec(found.speaker);
  if (definite) {
    const named = [...earlier].reverse().find((a) => a.speaker.toLowerCase().endsWith(` ${definite[1]}`) && a.speaker.toLowerCase() !== found.speaker.toLowerCase());
    if (named) return { ...found, speaker: named.speaker };
  }
  return found;
}

function attributeWords(sentence: string, previous?: Attributed): Attributed | undefined {
  const s = sentence.replace(/\s+/g, ' ');
  const cited = CITED_HINT.test(s) ? CITED.exec(s) : null;
  if (cited) {
    const source = cleanSpeaker(cited[1]!);
    return { speaker: cleanSpeaker(cited[2]!), how: `cited by ${source}`, reported: true };
  }
  const according = ACCORDING.exec(s);
  if (according) {
    const source = cleanSpeaker(according[1]!);
    return { speaker: source, how: `according to ${source}`, reported: true };
  }
  const by = STATEMENT_BY.exec(s);
  if (by) return { speaker: cleanSpeaker(by[2]!), how: `a ${by[1]!.toLowerCase()}`, reported: true };
  const after = VERB_SUBJECT.exec(s);
  if (after) return { speaker: cleanSpeaker(after[1]!), how: 'said', reported: true };
  const sv = VERB_HINT.test(s) ? SUBJECT_VERB.exec(s) : null;
  if (sv) {
    let speaker = cleanSpeaker(sv[2]!);
    const verb = /\b(said|says|told|stated|announced|added|noted|wrote|warned|argued|insisted|claimed|declared|explained|vowed|urged|spoke of|described|called|asserted|reported|acknowledged)\b/i.exec(sv[0])?.[1] ?? 'said';
    const setting = /^\s*(in|on|at|during|through|via)\s+[^,;.]+?(?=\s+that\b|$)/i.exec(sv[3] ?? '')?.[0]?.trim();
    if (PRONOUNS.test(speaker)) {
      if (!previous) return undefined;
      speaker = previous.speaker;
    }
    if (!looksLikeSpeaker(speaker)) return undefined;
    return { speaker, how: setting ? `${verb} ${setting}` : verb, reported: true };
  }
  const participle = PARTICIPLE.exec(s);
  const subject = LEADING_NAME.exec(s)?.[1];
  if (participle && subject && subject.includes(' ') && s.slice(0, participle.index).split(' ').length < 25) {
    return { speaker: subject.trim(), how: participle[1]!.toLowerCase(), reported: true };
  }
  if (/["“][^"”]{3,}["”]/.test(s) && previous) return { ...previous };
  return undefined;
}

function cleanSpeaker(raw: string): string {
  let s = raw.trim().replace(/^["“”'’]+|["“”'’]+$/g, '').trim();
  // Keep the last clause: "In a TV broadcast to the nation on Saturday, Putin" → "Putin".
  s = s.split(/,\s*/).pop()!.trim();
  while (CLAUSE_STARTERS.test(s)) s = s.replace(CLAUSE_STARTERS, '');
  const words = s.split(' ');
  if (words.length > 8) s = words.slice(-8).join(' ');
  return s.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()).trim();
}

/** A speaker is a name or a noun phrase, not a clause that happens to precede "said". */
function looksLikeSpeaker(s: string): boolean {
  if (!s || s.length > 70) return false;
  const folded = fold(s);
  if (/\b(is|are|was|were|be|been|has|have|had|will|would|could|should|not)\b/i.test(folded)) return false;
  return /\p{Lu}/u.test(s) || /^(the|a|an)\s/i.test(s) || /\b(spokes\w+|officials?|ministry|minister|government|police|agency|ministers?)\b/i.test(folded);
}
