// Speakers as the attribution heuristics word them ("Chinese Vice Foreign Minister Ma Zhaoxu",
// "the official Xinhua News Agency", "Putin") matched to the generated entities, or added as new
// entities when the article names a source it never names otherwise ("a Chinese Foreign Ministry
// spokesperson"). Quotes need an entity id for their speaker; facts link one when there is one.
import type { Entity } from '../knowledge/schema.ts';
import { entityId, UNKNOWN_ROLE } from './entities.ts';

const PERSON_WORDS = /\b(spokesperson|spokesman|spokeswoman|minister|official|officials|analyst|analysts|president|editor|leader|head|chief|director|secretary|envoy|ambassador|diplomat|general|commander|source|sources|expert|experts|witness|witnesses|residents?|lawyer|prosecutor|judge|aide|adviser|advisor|professor|researcher|economist|author)$/i;
const ORG_WORDS = /\b(ministry|agency|government|office|department|group|party|council|committee|company|army|police|media|newspaper|broadcaster|station|embassy|court|kremlin|administration|authorities|bank|union|association|institute|board|commission|authority|federation|club|team|university|school|hospital|firm|foundation|trust)$/i;

const key = (name: string) => name.replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

export function cleanSpeaker(speaker: string): string {
  return speaker
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’,.;:]+$/g, '')
    .replace(/^(the|a|an)\s+/i, '')
    .trim();
}

export class SpeakerBook {
  readonly entities: Entity[];
  private readonly byName = new Map<string, Entity>();
  /** Entities added for speakers, so the report can say how many. */
  readonly added: Entity[] = [];

  constructor(entities: Entity[]) {
    this.entities = entities;
    for (const e of entities) for (const n of [e.name, ...e.aliases]) this.byName.set(key(n), e);
  }

  /** The entity a speaker phrase names: exactly, or once leading titles/adjectives are dropped. */
  find(speaker: string): Entity | undefined {
    const words = cleanSpeaker(speaker).replace(/['’]s$/u, '').split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const found = this.byName.get(key(words.slice(i).join(' ')));
      if (found) return found;
      // Drop a leading word only while what is left still reads as a name.
      if (i + 1 < words.length && !/^\p{Lu}/u.test(words[i + 1]!)) break;
    }
    return undefined;
  }

  /** The entity for a speaker, adding one (named as the article words it) when none matches. */
  ensure(speaker: string): Entity {
    const found = this.find(speaker);
    if (found) return found;
    const name = cleanSpeaker(speaker);
    const base = entityId(name) || 'speaker';
    let id = base;
    const ids = new Set(this.entities.map((e) => e.id));
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    const type: Entity['type'] = PERSON_WORDS.test(name) ? 'person' : ORG_WORDS.test(name) ? 'organisation' : 'other';
    const entity: Entity = { id, name, type, role: UNKNOWN_ROLE, aliases: [] };
    this.entities.push(entity);
    this.added.push(entity);
    this.byName.set(key(name), entity);
    return entity;
  }
}
