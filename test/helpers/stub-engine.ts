// A deterministic Engine for handler and formatter tests: answers are whatever the test supplies,
// so these tests pin the Discord layer, not the ranking.
import type { Answer, Engine, Passage } from '../../src/engine/types.ts';
import type { KnowledgePack } from '../../src/knowledge/schema.ts';
import { passageKey } from '../../src/engine/passage-key.ts';

export const stubPack: KnowledgePack = {
  meta: {
    slug: 'stub-article',
    title: 'A Stub Article',
    publisher: 'Test Press',
    section: ['World'],
    contributors: ['A. Writer'],
    readingTime: '1 minute read',
    summary: 'A tiny article for tests.',
  },
  paragraphs: [
    { index: 0, kind: 'headline', label: 'headline', text: 'A Stub Article' },
    { index: 1, kind: 'body', label: '¶1', text: 'Alice met Bob in Paris. They talked about trade.' },
    { index: 2, kind: 'body', label: '¶2', text: 'Bob said the talks were “useful”.' },
  ],
  facts: [],
  quotes: [{ id: 'q1', paragraph: 2, text: 'useful', speaker: 'bob', role: 'envoy', setting: 'a statement' }],
  entities: [
    { id: 'alice', name: 'Alice', type: 'person', role: 'minister', aliases: ['Al'] },
    { id: 'bob', name: 'Bob', type: 'person', role: 'envoy', aliases: [] },
  ],
  timeline: [{ date: '2023-06-24', when: 'Saturday, June 24', event: 'Alice met Bob', paragraph: 1 }],
  curated: true,
  source: 'stub',
};

export function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return {
    text,
    attribution: 'Bob, envoy (a statement)',
    speaker: 'Bob',
    role: 'envoy',
    how: 'a statement',
    paragraph: 1,
    paragraphLabel: '¶1',
    passageId: id,
    key: passageKey(text),
    score: 0.9,
    matched: [],
    article: stubPack.meta.slug,
    ...extra,
  };
}

export const PASSAGES = [
  passage(0, 'Alice met Bob in Paris.', { matched: ['Alice', 'met'] }),
  passage(1, 'They talked about trade.', { score: 0.5 }),
  passage(2, 'Bob said the talks were “useful”.', { paragraph: 2, paragraphLabel: '¶2', score: 0.3 }),
];

export function stubEngine(overrides: Partial<Engine> = {}): Engine {
  const engine: Engine = {
    pack: stubPack,
    answer(question): Answer {
      if (/france|joke/i.test(question)) {
        return { question, found: false, answer: null, alternatives: [], reason: 'The article does not mention “France”.', missing: ['france'], suggestions: ['Who met Bob?'] };
      }
      return { question, found: true, answer: PASSAGES[0]!, alternatives: PASSAGES.slice(1), missing: [], suggestions: [] };
    },
    relevance: (question) => (/alice|bob|trade/i.test(question) ? 1 : 0),
    suggest: (partial) => ['Who met Bob?', 'Where did Alice meet Bob?'].filter((s) => s.toLowerCase().includes(partial.toLowerCase())),
    passageCount: () => PASSAGES.length,
    paragraph: (i) => stubPack.paragraphs[i],
    passage: (id) => PASSAGES[id] && { ...PASSAGES[id]!, score: 0, matched: [] },
    passageByKey(key) {
      const p = PASSAGES.find((x) => x.key === key);
      return p && { ...p, score: 0, matched: [] };
    },
    findEntity: (name) => stubPack.entities.find((e) => e.name.toLowerCase() === name.toLowerCase()),
    mentions: () => [PASSAGES[0]!],
    quotes: () => stubPack.quotes,
    timeline: () => stubPack.timeline,
  };
  return { ...engine, ...overrides };
}
