// Defaults the bot's config shares with the store, kept free of imports so that reading the config
// does not load the SQLite driver.
export const DEFAULT_DATA_DIR = './data';
export const DATABASE_FILE = 'bot.sqlite';
export const DEFAULT_RETENTION_DAYS = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a SQLite statement waits for another process's lock before giving up. */
export const DEFAULT_BUSY_TIMEOUT_MS = 1000;
/** Distinct question texts read for one report (most asked first) before grouping. */
export const REPORT_SCAN_LIMIT = 5000;

// PostgreSQL (DATABASE_URL). Short on purpose: no interaction may wait for a dead database, and
// Discord wants a first response within 3 s.
/** Opening a connection gives up after this long. */
export const PG_CONNECT_TIMEOUT_MS = 1000;
/** A statement gives up after this long (server side and client side). */
export const PG_QUERY_TIMEOUT_MS = 1000;
/** The replay check on the hot path waits at most this long; then the in-process check alone decides. */
export const PG_CLAIM_TIMEOUT_MS = 300;
/** While the database is unreachable, how often to try it again. */
export const PG_RETRY_MS = 1000;
/** Guild settings are all read again this often, in case a change notice was missed. */
export const SETTINGS_REFRESH_MS = 60_000;
/** Unanswered questions kept in memory while the database is unreachable, written when it is back. */
export const OUTAGE_QUEUE_LIMIT = 1000;
/** Pooled connections per process. */
export const PG_POOL_SIZE = 4;

/** Discord signs a request with a timestamp it accepts for 5 minutes: a replay after that fails the signature check. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;
/** Interaction ids remembered per process, at most (the oldest go first). */
export const REPLAY_MEMORY_LIMIT = 100_000;
