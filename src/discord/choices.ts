// Autocomplete choices within Discord's limits: at most 25, names and values 1..100 characters,
// no duplicates (Discord rejects the whole response otherwise).
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { oneLine } from '../reply/escape.ts';
import { LIMITS } from '../reply/limits.ts';
import { truncate } from '../reply/truncate.ts';

export function toChoices(items: Iterable<{ name: string; value: string } | string>): APIApplicationCommandOptionChoice<string>[] {
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const { name, value } = typeof item === 'string' ? { name: item, value: item } : item;
    const n = truncate(oneLine(name), LIMITS.choiceName);
    const v = oneLine(value).slice(0, LIMITS.choiceValue).trim();
    if (!n || !v || seen.has(v)) continue;
    seen.add(v);
    out.push({ name: n, value: v });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}
