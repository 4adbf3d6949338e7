// Discord syntax inside a question (mentions, channel links, emoji, timestamps) is not part of what the
// user is asking; strip it before the engine sees it, or "@everyone" reads as an unknown word.
const DISCORD_SYNTAX = /<(?:@[!&]?\d+|#\d+|\/[\w -]+:\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?)>|@(?:everyone|here)\b/g;

export function cleanQuestion(text: string): string {
  return text.replace(DISCORD_SYNTAX, ' ').replace(/\s+/g, ' ').trim();
}
