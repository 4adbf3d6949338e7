// The answer as a person reads it in a terminal.
import type { Answer, Passage } from '../engine/types.ts';
import type { ArticleMeta } from '../knowledge/schema.ts';

export function formatAnswerText(a: Answer, metaOf: (slug: string) => ArticleMeta): string {
  const lines: string[] = [];
  if (!a.found || !a.answer) {
    lines.push(a.reason ?? "The article doesn't say.");
    if (a.suggestions.length) lines.push('', 'Did you mean:', ...a.suggestions.map((s) => `  • ${s}`));
    return lines.join('\n');
  }
  const meta = metaOf(a.answer.article);
  lines.push(passageBlock(a.answer), '', `Source: “${meta.title}”, ${meta.publisher}, ${a.answer.paragraphLabel}`);
  if (a.alternatives.length) {
    lines.push('', 'Other matches:');
    for (const p of a.alternatives.slice(0, 3)) lines.push(`  ${p.paragraphLabel} (${percent(p.score)}) ${p.text}`);
  }
  return lines.join('\n');
}

function passageBlock(p: Passage): string {
  return [`“${p.text.replace(/^[“"]|[”"]$/g, '')}”`, `  — ${p.attribution}`, `  confidence ${percent(p.score)}`].join('\n');
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
