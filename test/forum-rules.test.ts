// The rules that decide which forum posts the bot answers and what it asks, without a gateway.
import { describe, expect, it } from 'vitest';
import { postQuestions, readPost, RecentIds, skipReason, type ForumPost } from '../src/discord/forum/post.ts';
import type { GuildSettings } from '../src/store/store.ts';

const FORUM = '1400000000000000001';
const BOT = '1100000000000000001';
const settings: GuildSettings = { guildId: 'g', defaultArticle: null, cooldown: null, privateByDefault: false, forumChannelId: FORUM, updatedAt: 0 };
const post = (over: Partial<ForumPost> = {}): ForumPost => ({
  threadId: '1500000000000000001', guildId: 'g', parentId: FORUM, ownerId: '1300000000000000001', title: 't',
  newlyCreated: true, archived: false, locked: false, ...over,
});

describe('readPost', () => {
  it('reads the fields of a THREAD_CREATE and rejects payloads that are not guild threads', () => {
    const p = readPost({ id: '1', guild_id: '2', parent_id: '3', owner_id: '4', name: 'Q?', newly_created: true, thread_metadata: { archived: false, locked: true } });
    expect(p).toEqual({ threadId: '1', guildId: '2', parentId: '3', ownerId: '4', title: 'Q?', newlyCreated: true, archived: false, locked: true });
    expect(readPost({ id: '1', parent_id: '3', owner_id: '4' })).toBeUndefined();
    expect(readPost(null)).toBeUndefined();
    expect(readPost('x')).toBeUndefined();
  });
});

describe('skipReason', () => {
  const none = new RecentIds();
  it('answers a new, open post by a member in the chosen forum', () => {
    expect(skipReason(post(), settings, BOT, none)).toBeUndefined();
  });
  it('says why everything else is left alone', () => {
    expect(skipReason(post(), undefined, BOT, none)).toBe('no-forum');
    expect(skipReason(post(), { ...settings, forumChannelId: null }, BOT, none)).toBe('no-forum');
    expect(skipReason(post({ parentId: '9' }), settings, BOT, none)).toBe('other-channel');
    expect(skipReason(post({ newlyCreated: false }), settings, BOT, none)).toBe('not-new');
    expect(skipReason(post({ archived: true }), settings, BOT, none)).toBe('closed');
    expect(skipReason(post({ locked: true }), settings, BOT, none)).toBe('closed');
    expect(skipReason(post({ ownerId: BOT }), settings, BOT, none)).toBe('own-post');
    const seen = new RecentIds();
    seen.add(post().threadId);
    expect(skipReason(post(), settings, BOT, seen)).toBe('already-answered');
  });
});

describe('postQuestions', () => {
  it('asks the title alone without the text, and the title with the text when it is known', () => {
    expect(postQuestions('Who met Rudenko?', undefined)).toEqual(['Who met Rudenko?']);
    expect(postQuestions('question about the article', '  who met\n rudenko ')).toEqual(['question about the article', 'question about the article who met rudenko', 'who met rudenko']);
    expect(postQuestions('', 'who met rudenko')).toEqual(['who met rudenko']);
    expect(postQuestions('  ', '')).toEqual([]);
  });
  it('caps a long body', () => {
    const [, joined] = postQuestions('t', 'x '.repeat(2000));
    expect(joined!.length).toBeLessThanOrEqual(2 + 600);
  });
});

describe('RecentIds', () => {
  it('forgets the oldest past its size', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('c');
    expect([ids.has('a'), ids.has('b'), ids.has('c')]).toEqual([false, true, true]);
  });
});
