// The shared evaluation data: `../shared` beside the checkout (README, "Development"). Developers and
// CI have it; a bare clone does not, and what needs it skips, saying so in one line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = join(import.meta.dirname, '../../../shared');

/** The path of `relative` inside ../shared, or undefined (after printing why the test skips) when it is absent. */
export function sharedFile(relative: string, what: string): string | undefined {
  const path = join(SHARED, relative);
  if (existsSync(path)) return path;
  console.info(`skipped: ${what} needs ../shared/${relative}, the shared evaluation data (not in this checkout)`);
  return undefined;
}

/** The seed article as it was given; the repository keeps the same text as the curated pack's article. */
export const SEED_ARTICLE = join(import.meta.dirname, '../../knowledge/time-china-russia-wagner/article.txt');
