// The unanswered report as a terminal table (npm run report) or JSON (--json). /kb unanswered can
// reuse formatReport inside a code block.
import { UNANSWERED_KINDS, type ReportGroup } from './store.ts';

const KIND_LABELS: Record<string, string> = { 'not-found': 'not found', 'low-confidence': 'low', feedback: 'button' };

export function kindsLabel(kinds: ReportGroup['kinds']): string {
  return UNANSWERED_KINDS.filter((k) => (kinds[k] ?? 0) > 0)
    .map((k) => `${KIND_LABELS[k]} ${kinds[k]}`)
    .join(', ');
}

/** "2026-11-30 14:05" in UTC. */
export function shortTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface FormatOptions {
  /** Longest question shown before it is cut with "…" (default 90). */
  questionWidth?: number;
}

export function formatReport(groups: readonly ReportGroup[], { questionWidth = 90 }: FormatOptions = {}): string {
  if (groups.length === 0) return 'No unanswered questions recorded.';
  const header = ['#', 'Asked', 'Wordings', 'Last seen (UTC)', 'Article', 'Why', 'Question'];
  const rows = groups.map((g, i) => [String(i + 1), String(g.count), String(g.variants), shortTime(g.lastSeen), g.article, kindsLabel(g.kinds), cut(g.representative, questionWidth)]);
  const numeric = new Set([0, 1, 2]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Stable JSON for tools: times as ISO strings. */
export function reportJson(groups: readonly ReportGroup[]): string {
  return JSON.stringify(
    groups.map((g) => ({
      representative: g.representative,
      article: g.article,
      count: g.count,
      variants: g.variants,
      examples: g.examples,
      lastSeen: new Date(g.lastSeen).toISOString(),
      kinds: Object.fromEntries(UNANSWERED_KINDS.filter((k) => (g.kinds[k] ?? 0) > 0).map((k) => [k, g.kinds[k]])),
      candidate: g.candidate,
    })),
    null,
    2,
  );
}
