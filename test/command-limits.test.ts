// Discord rejects a whole PUT of commands if any definition breaks its limits; check them here.
import { describe, expect, it } from 'vitest';
import { ApplicationCommandType, type APIApplicationCommandOption, type RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { commandPayload } from '../src/discord/deploy.ts';

const CHAT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Characters Discord counts toward the 4,000 limit: names, descriptions, choice names and values. */
function countChars(c: RESTPostAPIApplicationCommandsJSONBody): number {
  let n = c.name.length + ('description' in c ? (c.description ?? '').length : 0);
  const walk = (opts: APIApplicationCommandOption[] | undefined) => {
    for (const o of opts ?? []) {
      n += o.name.length + o.description.length;
      for (const ch of ('choices' in o ? o.choices : undefined) ?? []) n += ch.name.length + String(ch.value).length;
      walk('options' in o ? (o.options as APIApplicationCommandOption[] | undefined) : undefined);
    }
  };
  walk('options' in c ? c.options : undefined);
  return n;
}

describe('command definitions', () => {
  const defs = commandPayload();

  it('has every command the bot promises', () => {
    expect(defs.map((d) => d.name).sort()).toEqual(['Find in article', 'article', 'ask', 'help', 'kb', 'quote', 'settings', 'timeline', 'who'].sort());
  });

  it.each(defs.map((d) => [d.name, d] as const))('%s respects Discord limits', (_name, d) => {
    const type = d.type ?? ApplicationCommandType.ChatInput;
    if (type === ApplicationCommandType.ChatInput) {
      expect(d.name).toMatch(CHAT_NAME);
      expect(d.name).toBe(d.name.toLowerCase());
      const description = 'description' in d ? d.description ?? '' : '';
      expect(description.length).toBeGreaterThanOrEqual(1);
      expect(description.length).toBeLessThanOrEqual(100);
    } else {
      // Context-menu names may have spaces and capitals, still 1..32 characters.
      expect(d.name.length).toBeGreaterThanOrEqual(1);
      expect(d.name.length).toBeLessThanOrEqual(32);
    }
    const options = ('options' in d ? d.options : undefined) ?? [];
    expect(options.length).toBeLessThanOrEqual(25);
    let seenOptional = false;
    for (const o of options) {
      expect(o.name).toMatch(CHAT_NAME);
      expect(o.name).toBe(o.name.toLowerCase());
      expect(o.description.length).toBeGreaterThanOrEqual(1);
      expect(o.description.length).toBeLessThanOrEqual(100);
      // Discord requires required options before optional ones.
      if (!('required' in o && o.required)) seenOptional = true;
      else expect(seenOptional).toBe(false);
    }
    expect(countChars(d)).toBeLessThanOrEqual(4000);
    expect(JSON.stringify(d).length).toBeLessThan(8000);
  });
});
