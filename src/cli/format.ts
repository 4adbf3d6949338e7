// The answer as a person reads it in a terminal.
import type { Answer, ConfidenceBand, Passage } from '../engine/index.ts';
import { UNKNOWN_PUBLISHER } from '../knowledge/plain-text.ts';
import type { ArticleMeta } from '../knowledge/schema.ts';
import { CLOSEST_LEAD } from '../reply/closest-lead.ts';

export function formatAnswerText(a: Answer, metaOf: (slug: string) => ArticleMeta): string {
  const lines: string[] = [];
  if (a.found && a.answer && a.about) {
    const meta = metaOf(a.answer.article);
    return [a.answer.text, '', `Source: the article's details (${sourceText(meta)})`].join('\n');
  }
  if ((!a.found || !a.answer) && a.closest) {
    const meta = metaOf(a.closest.article);
    lines.push(CLOSEST_LEAD, '', passageBlock(a.closest, false), '', `Source: ${sourceText(meta, a.closest.paragraphLabel)}`);
    if (a.suggestions.length) lines.push('', 'Did you mean:', ...a.suggestions.map((s) => `  • ${s}`));
    return lines.join('\n');
  }
  if (!a.found || !a.answer) {
    lines.push(a.reason ?? "The article doesn't say.");
    if (a.suggestions.length) lines.push('', 'Did you mean:', ...a.suggestions.map((s) => `  • ${s}`));
    return lines.join('\n');
  }
  const meta = metaOf(a.answer.article);
  lines.push(passageBlock(a.answer, true, a.band), '', `Source: ${sourceText(meta, a.answer.paragraphLabel)}`);
  if (a.alternatives.length) {
    lines.push('', 'Other matches:');
    for (const p of a.alternatives.slice(0, 3)) lines.push(`  ${p.paragraphLabel} (${percent(p.score)}) ${p.text}`);
  }
  return lines.join('\n');
}

/**
 * “Title”, publisher, ¶N, then the article's URL when the pack knows it. With no publisher named the
 * pack says "the article", which a reader cannot look up: it is left out, as in the Discord Source field.
 */
function sourceText(meta: ArticleMeta, paragraphLabel?: string): string {
  const parts = [`“${meta.title}”`, ...(meta.publisher === UNKNOWN_PUBLISHER ? [] : [meta.publisher]), ...(paragraphLabel ? [paragraphLabel] : [])];
  return `${parts.join(', ')}${meta.url ? ` <${meta.url}>` : ''}`;
}

/** The passage, who said it, and for an answer how sure (a near miss shows no confidence). */
function passageBlock(p: Passage, answered: boolean, band?: ConfidenceBand): string {
  const lines = [`“${p.text.replace(/^[“"]|[”"]$/g, '')}”`, `  — ${p.attribution}`];
  if (answered) lines.push(`  confidence ${band ? `${band}, ` : ''}${percent(p.score)}`);
  return lines.join('\n');
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
