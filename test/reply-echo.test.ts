// Issue 12, defect 7: echoed text cannot carry a live link or a Discord navigation tag. One helper
// (escapeText / plainText) does it, so every reply that echoes a user's words is covered; checked
// here on the helper and on the replies the probe found (Find in article, /who not found, /kb unanswered).
import { describe, expect, it } from 'vitest';
import { escapeText, plainText } from '../src/reply/escape.ts';
import { whoNotFoundReply } from '../src/reply/who.ts';

const HOSTILE = 'see https://evil.example/x and http://a.b <id:customize> <id:browse> <t:1:R>';

/** What Discord would auto-link or resolve in a rendered string. */
function live(text: string): string[] {
  return [...(text.match(/\bhttps?:\/\/\S+/g) ?? []), ...(text.match(/<(id|t|@|#):[^>]*>/g) ?? [])];
}

describe('echoed text', () => {
  it('leaves no bare URL or <id:…> tag live, whichever helper echoes it', () => {
    for (const f of [escapeText, plainText]) {
      const out = f(HOSTILE);
      expect(live(out)).toEqual([]);
    }
  });

  it('stays readable: only zero-width spaces are added', () => {
    expect(plainText(HOSTILE).replace(/\u200b/g, '')).toBe(HOSTILE);
  });

  it('covers /who for a name the article does not know', () => {
    const reply = whoNotFoundReply(HOSTILE, []);
    expect(live(JSON.stringify(reply))).toEqual([]);
  });
});
