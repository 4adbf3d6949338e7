// /who: a person or organisation's role, aliases, and the passages that mention them.
import type { APIEmbed, APIEmbedField, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ArticleMeta, Entity } from '../knowledge/schema.ts';
import type { Passage } from '../engine/index.ts';
import { escapeText, oneLine, plainText } from './escape.ts';
import { highlight } from './highlight.ts';
import { LIMITS } from './limits.ts';
import { COLOURS, message } from './message.ts';
import { fitRendered, truncate } from './truncate.ts';

const MAX_MENTIONS = 5;

/** What /who is about: people and organisations, never an event ("deal to end the uprising") or a place. */
export function isPersonOrOrganisation(e: Entity): boolean {
  return e.type === 'person' || e.type === 'organisation';
}

export function whoReply(entity: Entity, mentions: Passage[], meta: ArticleMeta): APIInteractionResponseCallbackData {
  const fields: APIEmbedField[] = [{ name: 'Type', value: entity.type, inline: true }];
  if (entity.aliases.length > 0) {
    fields.push({ name: 'Also called', value: fitRendered(entity.aliases.join(', '), escapeText, LIMITS.fieldValue), inline: true });
  }
  const names = [entity.name, ...entity.aliases];
  for (const p of mentions.slice(0, MAX_MENTIONS)) {
    const terms = [...names, ...p.matched];
    fields.push({
      name: fitRendered(oneLine(p.paragraphLabel), (t) => `Mentioned in ${escapeText(t)}`, LIMITS.fieldName),
      value: fitRendered(p.text, (t) => highlight(t, terms), LIMITS.fieldValue),
    });
  }
  const more = mentions.length - MAX_MENTIONS;
  const embed: APIEmbed = {
    title: fitRendered(oneLine(entity.name), escapeText, LIMITS.title),
    description: fitRendered(entity.role, escapeText, LIMITS.description),
    color: COLOURS.info,
    fields,
    footer: {
      text: plainText(
        mentions.length === 0
          ? `Not mentioned in any passage of “${meta.title}”.`
          : `${mentions.length} passage${mentions.length === 1 ? '' : 's'} of “${meta.title}”, ${meta.publisher}${more > 0 ? ` (first ${MAX_MENTIONS} shown)` : ''}`,
      ),
    },
  };
  return message({ embeds: [embed] });
}

export function whoNotFoundReply(name: string, known: Entity[]): APIInteractionResponseCallbackData {
  const list = known.filter(isPersonOrOrganisation).slice(0, 12).map((e) => escapeText(e.name)).join(', ');
  const text = `The article does not mention anyone or anything called “${escapeText(truncate(oneLine(name), 100))}”.` +
    (list ? `\nPeople and organisations it does mention include: ${list}.` : '');
  return message({ embeds: [{ title: 'Not in the article', description: text, color: COLOURS.miss }] });
}

