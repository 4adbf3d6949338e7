// Q&A forums end to end: `npm start` as a child process against the fake Discord, the real discord.js
// client, a real SQLite database in a temp DATA_DIR. A moderator picks the forum with /settings forum;
// new posts there are answered in their thread (the same embed as /ask, no pings); "This answered it"
// applies the forum's Solved tag; other channels, bots, re-sent old threads and closed threads are
// left alone; an off-topic post gets the refusal and lands in /kb unanswered. With MESSAGE_CONTENT=true
// a vague title is answered from the post's text.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIMessage,
} from 'discord-api-types/v10';
import { APP_ID, FakeDiscord, botMessage, button, subcommand, type ForumChannel } from '../testing/fake-discord/index.ts';
import { spawnBot } from '../testing/spawn.ts';
import { tempDataDirs } from './helpers/data-dir.ts';
import { customIds, messageData, visibleText } from './helpers/responses.ts';

const MANAGE = String(PermissionFlagsBits.ManageGuild);
const ASKER = { id: '1300000000000000501', username: 'asker' };
const OTHER = { id: '1300000000000000502', username: 'someone-else' };
const newDataDir = tempDataDirs();

interface Running {
  fake: FakeDiscord;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function startProcess(extraEnv: Record<string, string> = {}): Promise<Running> {
  const fake = await FakeDiscord.start();
  const bot = await spawnBot(fake, { env: { DATA_DIR: newDataDir(), COOLDOWN_BURST: '0', LOG_LEVEL: 'debug', ...extraEnv } });
  return {
    fake,
    child: bot.child,
    output: bot.output,
    async stop() {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
      await bot.exited;
      await fake.close();
    },
  };
}

/** `/settings forum channel:<forum>` as Discord sends it: a channel option plus the resolved channel. */
function chooseForum(forum: ForumChannel | undefined): APIChatInputApplicationCommandInteraction {
  const i = subcommand('settings', 'forum', {}, { permissions: MANAGE });
  if (!forum) return i;
  const sub = i.data.options![0] as { options?: unknown[] };
  sub.options = [{ name: 'channel', type: ApplicationCommandOptionType.Channel, value: forum.id }];
  (i.data as { resolved?: unknown }).resolved = {
    channels: { [forum.id]: { id: forum.id, type: ChannelType.GuildForum, name: forum.name, permissions: '0' } },
  };
  return i;
}

function embedOf(body: Record<string, unknown>): APIEmbed {
  const e = (body.embeds as APIEmbed[] | undefined)?.[0];
  if (!e) throw new Error(`message has no embed: ${JSON.stringify(body).slice(0, 300)}`);
  return e;
}

/** The passage as a reader sees it, without the bold around matched words. */
const passageOf = (body: Record<string, unknown>) => (embedOf(body).description ?? '').replace(/\*\*/g, '');

/** A press of a button under the bot's answer in thread `threadId`. */
function pressInThread(customId: string, threadId: string, userId: string) {
  const msg: APIMessage = { ...botMessage(), channel_id: threadId };
  return button(customId, msg, { userId, channelId: threadId });
}

describe('forum posts with the Guilds intent only', () => {
  let r: Running;
  let forum: ForumChannel;
  let otherForum: ForumChannel;

  beforeAll(async () => {
    r = await startProcess();
    forum = r.fake.createForum('questions', ['Open', 'Solved']);
    otherForum = r.fake.createForum('off-topic', ['Solved']);
    const saved = await r.fake.interact(chooseForum(forum));
    expect(visibleText(messageData(saved.body))).toContain(`<#${forum.id}>`);
  }, 90_000);
  afterAll(() => r?.stop());

  it('identifies with the Guilds intent alone', () => {
    const session = [...r.fake.gateway.byShard.values()][0]!;
    expect(Number(session.identify.intents)).toBe(1);
  });

  it('answers a new post in the chosen forum in its thread, with the /ask embed and no pings', async () => {
    const thread = r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet on Sunday?', author: ASKER });
    const reply = await r.fake.waitForChannelMessage(thread.id, 10_000);
    const embed = embedOf(reply.body);
    expect(passageOf(reply.body)).toMatch(/Ma Zhaoxu also met Rudenko on Sunday/);
    expect(embed.fields!.map((f) => f.name)).toEqual(['Source', 'Confidence']);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(Number(reply.body.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const ids = customIds(reply.body as never);
    expect(ids[0]).toBe('forum:solved');
    expect(ids.some((id) => id.startsWith('ask:more'))).toBe(true);
    expect(ids.some((id) => id.startsWith('ask:miss'))).toBe(true);
    expect(ids.some((id) => id.startsWith('ask:ctx'))).toBe(false);
  });

  it('"This answered it" applies the Solved tag for the author, and only for the author or a moderator', async () => {
    const thread = r.fake.post({ forumId: forum.id, title: 'Where did Qin Gang meet Rudenko?', author: ASKER });
    await r.fake.waitForChannelMessage(thread.id, 10_000);
    const solved = forum.available_tags.find((t) => t.name === 'Solved')!;

    const stranger = await r.fake.interact(pressInThread('forum:solved', thread.id, OTHER.id));
    expect(messageData(stranger.body).content).toMatch(/Only the member who opened this post, or a moderator/);
    expect(r.fake.rest.forums.patches.filter((p) => p.channelId === thread.id)).toHaveLength(0);

    const author = await r.fake.interact(pressInThread('forum:solved', thread.id, ASKER.id));
    expect(messageData(author.body).content).toMatch(/Marked this post as solved/);
    expect(Number(messageData(author.body).flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const patch = r.fake.rest.forums.patches.find((p) => p.channelId === thread.id)!;
    expect(patch.body).toEqual({ applied_tags: [solved.id] });

    const again = await r.fake.interact(pressInThread('forum:solved', thread.id, ASKER.id));
    expect(messageData(again.body).content).toMatch(/already marked solved/);
  });

  it('leaves alone posts in another forum, by a bot, re-sent old threads and closed threads', async () => {
    const ignored = [
      r.fake.post({ forumId: otherForum.id, title: 'Who did Ma Zhaoxu meet?', author: ASKER }),
      r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: { id: '1300000000000000777', username: 'other-bot', bot: true } }),
      r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: { id: APP_ID, username: 'article-bot', bot: true } }),
      r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: ASKER, newlyCreated: false }),
      r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: ASKER, archived: true }),
      r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: ASKER, locked: true }),
    ];
    // Events are handled in order: once a later post is answered, the earlier ones had their chance.
    const control = r.fake.post({ forumId: forum.id, title: 'What did Putin speak of in his TV broadcast?', author: ASKER });
    await r.fake.waitForChannelMessage(control.id, 10_000);
    await new Promise((res) => setTimeout(res, 700)); // a bot-authored post is only known after its REST read
    const answeredIn = new Set(r.fake.rest.forums.posted.map((p) => p.channelId));
    for (const t of ignored) expect(answeredIn.has(t.id), `thread ${t.name} (${t.id})`).toBe(false);
  });

  it('gives an off-topic post the polite refusal, never the nearest passage, and records it for /kb unanswered', async () => {
    const thread = r.fake.post({ forumId: forum.id, title: 'How do I make ramen broth from scratch?', author: ASKER });
    const reply = await r.fake.waitForChannelMessage(thread.id, 10_000);
    const embed = embedOf(reply.body);
    expect(embed.description).toMatch(/^\*\*Not in the article\.\*\*/);
    expect(customIds(reply.body as never)).not.toContain('forum:solved');
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    const report = await r.fake.interact(subcommand('kb', 'unanswered', {}, { permissions: MANAGE }));
    expect(visibleText(messageData(report.body))).toMatch(/ramen broth/i);
  });

  it('counts forum answers and Solved presses in /kb stats', async () => {
    const stats = await r.fake.interact(subcommand('kb', 'stats', {}, { permissions: MANAGE }));
    const field = messageData(stats.body).embeds![0]!.fields!.find((f) => f.name === 'Forum posts')!;
    expect(field.value).toMatch(/^3 answered, 1 marked solved/);
  });

  it('stops answering once a moderator turns the forum off', async () => {
    await r.fake.interact(chooseForum(undefined));
    const thread = r.fake.post({ forumId: forum.id, title: 'Who did Ma Zhaoxu meet?', author: ASKER });
    const control = r.fake.post({ forumId: forum.id, title: 'control', author: ASKER });
    await new Promise((res) => setTimeout(res, 700));
    const answeredIn = new Set(r.fake.rest.forums.posted.map((p) => p.channelId));
    expect(answeredIn.has(thread.id) || answeredIn.has(control.id)).toBe(false);
  });
});

describe('forum posts with MESSAGE_CONTENT=true', () => {
  let r: Running;
  let forum: ForumChannel;

  beforeAll(async () => {
    r = await startProcess({ MESSAGE_CONTENT: 'true' });
    forum = r.fake.createForum('questions', ['Solved']);
    await r.fake.interact(chooseForum(forum));
  }, 90_000);
  afterAll(() => r?.stop());

  it('identifies with Guilds and Message Content, and answers a vague title from the post body', async () => {
    const session = [...r.fake.gateway.byShard.values()][0]!;
    expect(Number(session.identify.intents)).toBe(1 | (1 << 15));
    const thread = r.fake.post({
      forumId: forum.id,
      title: 'question about the article',
      content: 'Who did Qin Gang meet in Beijing?',
      author: ASKER,
    });
    const reply = await r.fake.waitForChannelMessage(thread.id, 10_000);
    expect(passageOf(reply.body)).toMatch(/Qin Gang met in Beijing with Russian Deputy Foreign Minister/);
  });
});
