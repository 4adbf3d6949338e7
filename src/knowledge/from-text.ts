// An uncurated knowledge pack straight from article text (paragraphs separated by blank lines),
// without touching the file system: for tools that build packs from data sets (tune, bench).
// `loadArticleFile` in loader.ts is the checked path for a user's file.
import { parseArticleText } from './plain-text.ts';
import type { KnowledgePack } from './schema.ts';

export function packFromText(text: string, slug: string): KnowledgePack {
  const parsed = parseArticleText(text, { slug });
  return { meta: parsed.meta, paragraphs: parsed.paragraphs, facts: [], quotes: [], entities: [], timeline: [], curated: false, source: slug };
}
