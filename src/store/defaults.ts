// Defaults the bot's config shares with the store, kept free of imports so that reading the config
// does not load the SQLite driver.
export const DEFAULT_DATA_DIR = './data';
export const DATABASE_FILE = 'bot.sqlite';
export const DEFAULT_RETENTION_DAYS = 90;
