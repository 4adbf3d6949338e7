// The HTTP endpoint's side of the forum: with DISCORD_TOKEN it reads and tags threads over plain
// fetch (src/discord/forum/rest-channels.ts), so "This answered it" works on replicas too. Real HTTP
// against the fake Discord's REST routes, through the transport-free handler both modes share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionHandler } from '../src/discord/handler.ts';
import { restChannels } from '../src/discord/forum/rest-channels.ts';
import { FakeDiscord, botMessage, button } from '../testing/fake-discord/index.ts';
import { seedEngine } from './helpers/bot.ts';
import { messageData } from './helpers/responses.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(() => fake.close());

const OWNER = '1300000000000000601';

describe('forum channel calls over fetch', () => {
  it('reads a thread and applies the Solved tag when the post author presses "This answered it"', async () => {
    const forum = fake.createForum('questions', ['solved']);
    const { thread } = fake.rest.forums.createPost({ forumId: forum.id, title: 'Who met Rudenko?', author: { id: OWNER, username: 'asker' } });
    const handle = createInteractionHandler({ engine: seedEngine(), cooldown: false, discord: restChannels(fake.token!, fake.apiUrl) });
    const result = await handle(button('forum:solved', { ...botMessage(), channel_id: thread.id }, { userId: OWNER, channelId: thread.id }));
    expect(messageData(result.response as never).content).toMatch(/Marked this post as solved/);
    expect(fake.rest.forums.patches).toEqual([{ channelId: thread.id, body: { applied_tags: [forum.available_tags[0]!.id] } }]);
    const patch = fake.requests.find((r) => r.method === 'PATCH' && r.path.endsWith(`/channels/${thread.id}`))!;
    expect(patch.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('says it cannot tag without a token, and fails cleanly on a refused call', async () => {
    const bare = createInteractionHandler({ engine: seedEngine(), cooldown: false });
    const press = button('forum:solved', botMessage(), { userId: OWNER });
    expect(messageData((await bare(press)).response as never).content).toMatch(/cannot change tags from here/);
    await expect(restChannels('wrong-token', fake.apiUrl).getChannel('1')).rejects.toThrow(/401/);
    const wrong = createInteractionHandler({ engine: seedEngine(), cooldown: false, discord: restChannels('wrong-token', fake.apiUrl) });
    expect(messageData((await wrong(press)).response as never).content).toMatch(/could not read this post/);
  });
});
