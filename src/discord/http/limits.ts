// The HTTP endpoint's limits, in a file of their own so configuration can name a default without
// loading the server (node:http, the signature check) into every process that reads the config.
export const MAX_BODY_BYTES = 64 * 1024;
/** Headers, then the body, each within this; Discord sends small bodies at once. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How often node looks for requests past their timeout (its default, 30 s, let stalls live 3× too long). */
export const TIMEOUT_CHECK_MS = 1_000;
export const DEFAULT_MAX_CONNECTIONS = 1_024;
