// The channel calls over plain fetch with the bot token, for the HTTP endpoint (the gateway bot uses
// its discord.js REST client). Short timeouts: a button press must still be answered within 3 s.
import { DEFAULT_API_URL } from '../api-url.ts';
import type { ChannelApi } from './channel-api.ts';

const TIMEOUT_MS = 2500;

export function restChannels(token: string, apiUrl = DEFAULT_API_URL): ChannelApi {
  const call = async (method: 'GET' | 'PATCH', id: string, body?: Record<string, unknown>): Promise<unknown> => {
    if (!/^\d{1,20}$/.test(id)) throw new Error('not a channel id');
    const res = await fetch(`${apiUrl}/v10/channels/${id}`, {
      method,
      headers: { authorization: `Bot ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`Discord answered ${res.status} to ${method} /channels/${id}`);
    return res.json();
  };
  return { getChannel: (id) => call('GET', id), editChannel: (id, body) => call('PATCH', id, body) };
}
