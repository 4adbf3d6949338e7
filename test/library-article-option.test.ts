// A library of three articles through the shared handler with the real engines: /ask without an
// article searches them all and names the article each answer came from; the `article` option (with
// autocomplete) narrows every command to one article; an unknown article is a clear private error.
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, type APIApplicationCommandOptionChoice, type APIInteraction } from 'discord-api-types/v10';
import { commandPayload } from '../src/discord/deploy.ts';
import type { HandleInteraction } from '../src/discord/interaction-result.ts';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { loadLibraryDir } from '../src/runtime/load-library.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { autocomplete, botMessage, button, chatInput } from '../testing/fake-discord/index.ts';
import { HARBOUR, HARBOUR_TITLE, RIVERSIDE, RIVERSIDE_TITLE, SEED, SEED_TITLE_START, threePackLibraryDirs } from './helpers/library.ts';
import { customIds, firstEmbed, messageData, visibleText } from './helpers/responses.ts';

const newLibrary = threePackLibraryDirs();
let handle: HandleInteraction;

beforeAll(() => {
  const root = newLibrary();
  const knowledge = createKnowledgeStore({ loadLibrary: () => loadLibraryDir(root) });
  expect(knowledge.current().library.articles.map((a) => a.slug)).toEqual([HARBOUR, RIVERSIDE, SEED]);
  handle = createInteractionHandler({ knowledge, cooldown: false });
});

const reply = async (i: APIInteraction) => (await handle(i)).response;
const source = async (i: APIInteraction) => firstEmbed(await reply(i)).fields?.find((f) => f.name === 'Source')?.value ?? '';
const choices = async (i: APIInteraction) => ((await reply(i)) as { data: { choices: APIApplicationCommandOptionChoice<string>[] } }).data.choices;

describe('every command has an optional, autocompleted article option', () => {
  it.each(['ask', 'quote', 'who', 'timeline', 'article'])('/%s', (name) => {
    const def = commandPayload().find((c) => c.name === name)!;
    const option = ('options' in def ? def.options : [])!.find((o) => o.name === 'article');
    expect(option).toMatchObject({ type: 3, autocomplete: true, max_length: 100 });
    expect('required' in option! && option.required).toBeFalsy();
  });

  it('autocompletes slugs as values and titles as names, within Discord limits', async () => {
    for (const name of ['ask', 'quote', 'who', 'timeline', 'article']) {
      const all = await choices(autocomplete(name, 'article', ''));
      expect(all.map((c) => c.value)).toEqual([HARBOUR, RIVERSIDE, SEED]);
      expect(all.find((c) => c.value === HARBOUR)!.name).toBe(HARBOUR_TITLE);
      for (const c of all) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect((await choices(autocomplete('ask', 'article', 'solar'))).map((c) => c.value)).toEqual([RIVERSIDE]);
    expect((await choices(autocomplete('ask', 'article', 'wagner'))).map((c) => c.value)).toEqual([SEED]);
  });

  it('suggests questions from the chosen article only', async () => {
    const fromRiverside = await choices(autocomplete('ask', 'question', '', { article: RIVERSIDE }));
    expect(fromRiverside.length).toBeGreaterThan(0);
    expect(fromRiverside.map((c) => c.name).join(' ')).not.toMatch(/Putin|Wagner|Prigozhin/);
  });
});

describe('/ask across the library', () => {
  it('answers from whichever article covers the question and names it in the source line', async () => {
    expect(await source(chatInput('ask', { question: 'How much will the bridge cost?' }))).toContain(HARBOUR_TITLE);
    expect(await source(chatInput('ask', { question: 'How many seed packets were lent out?' }))).toContain(RIVERSIDE_TITLE);
    expect(await source(chatInput('ask', { question: 'What did Putin call treason?' }))).toContain(SEED_TITLE_START);
  });

  it("carries the answering article's slug in every button, and the buttons answer from that article", async () => {
    const r = await reply(chatInput('ask', { question: 'What did the mayor say about the bridge?' }));
    const ids = customIds(messageData(r));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(id).toMatch(new RegExp(`^ask:(more|ctx|miss):${HARBOUR}:`));
    const ctx = await reply(button(ids.find((id) => id.startsWith('ask:ctx:'))!));
    expect(firstEmbed(ctx).title).toMatch(/^Context: ¶\d+/);
    expect(visibleText(messageData(ctx))).toMatch(/bridge/);
    const more = ids.find((id) => id.startsWith('ask:more:'));
    if (more) expect(visibleText(messageData(await reply(button(more, botMessage()))))).toContain(HARBOUR_TITLE);
  });

  it('says no article covers a question none of them answers', async () => {
    const data = messageData(await reply(chatInput('ask', { question: 'What is the capital of France?' })));
    expect(data.embeds![0]!.description).toMatch(/Not in any of the 3 articles/);
  });

  it('with the article option, answers from that article only', async () => {
    expect(await source(chatInput('ask', { question: 'How much will the bridge cost?', article: HARBOUR }))).toContain(HARBOUR_TITLE);
    const other = messageData(await reply(chatInput('ask', { question: 'How much will the bridge cost?', article: SEED })));
    expect(visibleText(other)).not.toContain(HARBOUR_TITLE);
    // A title typed by hand instead of picked from the list works too.
    expect(await source(chatInput('ask', { question: 'When did it reopen?', article: 'Riverside Library' }))).toContain(RIVERSIDE_TITLE);
  });
});

describe('the other commands with the article option', () => {
  it('/quote, /who and /timeline answer from the chosen article', async () => {
    const quote = visibleText(messageData(await reply(chatInput('quote', { article: HARBOUR }))));
    expect(quote).toContain('Elena Ruiz');
    expect(quote).toContain(HARBOUR_TITLE);
    const timeline = visibleText(messageData(await reply(chatInput('timeline', { article: RIVERSIDE }))));
    expect(timeline).toContain(RIVERSIDE_TITLE);
    expect(visibleText(messageData(await reply(chatInput('who', { name: 'Okafor', article: RIVERSIDE }))))).toContain('Grace Okafor');
    expect(visibleText(messageData(await reply(chatInput('who', { name: 'Dana Whitfield', article: SEED }))))).toMatch(/does not mention/);
    // Across the library an exact name wins over another article's typo-tolerant near miss.
    expect(visibleText(messageData(await reply(chatInput('who', { name: 'Okafor' }))))).toContain(RIVERSIDE_TITLE);
  });

  it('without it, /who and /quote search every article; /timeline asks which one', async () => {
    const who = visibleText(messageData(await reply(chatInput('who', { name: 'Elena Ruiz' }))));
    expect(who).toContain('Mayor');
    expect(who).toContain(HARBOUR_TITLE);
    expect(visibleText(messageData(await reply(chatInput('quote', { speaker: 'Putin' }))))).toContain(SEED_TITLE_START);
    const timeline = messageData(await reply(chatInput('timeline')));
    expect(timeline.flags).toBe(MessageFlags.Ephemeral);
    expect(firstEmbed({ type: 4, data: timeline }).title).toBe('Which article?');
    for (const slug of [HARBOUR, RIVERSIDE, SEED]) expect(visibleText(timeline)).toContain(slug);
  });

  it('an unknown article is a private error listing the library, for every command', async () => {
    for (const [name, opts] of [
      ['ask', { question: 'Who met Rudenko?' }],
      ['quote', {}],
      ['who', { name: 'Putin' }],
      ['timeline', {}],
      ['article', {}],
    ] as const) {
      const data = messageData(await reply(chatInput(name, { ...opts, article: 'no-such-story' })));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      const text = visibleText(data);
      expect(text).toMatch(/There is no article “no-such-story”/);
      for (const title of [HARBOUR_TITLE, RIVERSIDE_TITLE]) expect(text).toContain(title);
    }
  });
});
