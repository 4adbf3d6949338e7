// The gateway half of the fake: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
// replay, and dispatch of events to the shard that owns a guild. Closing sockets with any code
// (1006 = drop without a close frame) is exposed for fault-injection tests.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  type APIUser,
  type GatewayIdentifyData,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import { WebSocket, type WebSocketServer } from 'ws';
import { guildCreate, ready } from './payloads.ts';

export interface GatewayOptions {
  token: string | undefined;
  applicationId: string;
  botUser: APIUser;
  guilds: Array<{ id: string; channelId: string }>;
  heartbeatIntervalMs: number;
  shards: () => number;
  resumeUrl: () => string;
}

interface DispatchPayload {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  shard: [number, number];
  identify: GatewayIdentifyData;
  seq: number;
  /** The live socket, or undefined while the client is away (events queue in history). */
  ws: WebSocket | undefined;
  history: DispatchPayload[];
  heartbeats: number;
  resumes: number;
}

export interface GatewayConnection {
  ws: WebSocket;
  query: Record<string, string>;
  session?: GatewaySession;
}

const HISTORY = 5000;

export function shardFor(guildId: string | undefined, shardCount: number): number {
  if (!guildId || shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export class FakeGateway extends EventEmitter {
  readonly connections: GatewayConnection[] = [];
  /** Sessions by session id; the latest session of each shard is in `byShard`. */
  readonly sessions = new Map<string, GatewaySession>();
  readonly byShard = new Map<number, GatewaySession>();
  /** Every op the clients sent, for assertions (op, d). */
  readonly received: Array<{ op: number; d: unknown; at: number }> = [];

  constructor(private readonly opts: GatewayOptions) {
    super();
    this.setMaxListeners(0);
  }

  attach(wss: WebSocketServer): void {
    wss.on('connection', (ws: WebSocket, req: IncomingMessage) => this.onConnection(ws, req));
  }

  private send(ws: WebSocket | undefined, payload: unknown): void {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'ws://fake').searchParams);
    const conn: GatewayConnection = { ws, query };
    this.connections.push(conn);
    if (query.encoding && query.encoding !== 'json') {
      ws.close(4002, 'fake Discord only speaks encoding=json');
      return;
    }
    ws.on('message', (data) => this.onMessage(conn, data.toString()));
    ws.on('close', (code) => {
      if (conn.session && conn.session.ws === ws) conn.session.ws = undefined;
      this.emit('close', conn, code);
    });
    ws.on('error', () => {});
    this.send(ws, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
  }

  private onMessage(conn: GatewayConnection, text: string): void {
    let msg: { op: number; d: unknown };
    try {
      msg = JSON.parse(text);
    } catch {
      conn.ws.close(4002, 'Decode error');
      return;
    }
    this.received.push({ op: msg.op, d: msg.d, at: performance.now() });
    switch (msg.op) {
      case GatewayOpcodes.Heartbeat:
        if (conn.session) conn.session.heartbeats++;
        this.send(conn.ws, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        return this.onIdentify(conn, msg.d as GatewayIdentifyData);
      case GatewayOpcodes.Resume:
        return this.onResume(conn, msg.d as GatewayResumeData);
      default:
        return; // presence, voice state, request members: accepted and ignored
    }
  }

  private onIdentify(conn: GatewayConnection, d: GatewayIdentifyData): void {
    if (this.opts.token !== undefined && d.token !== this.opts.token) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    const shard: [number, number] = d.shard ?? [0, 1];
    const session: GatewaySession = { id: randomUUID().replace(/-/g, ''), shard, identify: d, seq: 0, ws: conn.ws, history: [], heartbeats: 0, resumes: 0 };
    conn.session = session;
    this.sessions.set(session.id, session);
    this.byShard.set(shard[0], session);
    const guilds = this.opts.guilds.filter((g) => shardFor(g.id, shard[1]) === shard[0]);
    this.emit('identify', session);
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready({
      user: this.opts.botUser,
      applicationId: this.opts.applicationId,
      guildIds: guilds.map((g) => g.id),
      sessionId: session.id,
      resumeUrl: this.opts.resumeUrl(),
      shard,
    }));
    // Without a GUILD_CREATE per unavailable guild, discord.js waits 15 s before it is ready.
    for (const g of guilds) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guildCreate(g.id, g.channelId, this.opts.botUser.id));
    this.emit('ready', session);
  }

  private onResume(conn: GatewayConnection, d: GatewayResumeData): void {
    const session = this.sessions.get(d.session_id);
    if (!session || (this.opts.token !== undefined && d.token !== this.opts.token)) {
      this.send(conn.ws, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    session.ws = conn.ws;
    session.resumes++;
    conn.session = session;
    for (const p of session.history) if (p.s > d.seq) this.send(conn.ws, p);
    this.dispatchTo(session, GatewayDispatchEvents.Resumed, {});
    this.emit('resume', session);
  }

  dispatchTo(session: GatewaySession, t: string, d: unknown): DispatchPayload {
    const payload: DispatchPayload = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d };
    session.history.push(payload);
    if (session.history.length > HISTORY) session.history.splice(0, session.history.length - HISTORY);
    this.send(session.ws, payload);
    return payload;
  }

  /** Sends a dispatch to the shard owning `guildId` (shard 0 for DMs). Queued if that shard is away. */
  dispatch(t: string, d: unknown, guildId?: string): { shard: number; seq: number } {
    const shard = shardFor(guildId, this.opts.shards());
    const session = this.byShard.get(shard);
    if (!session) throw new Error(`fake Discord: no session for shard ${shard}; wait for the bot to identify first`);
    return { shard, seq: this.dispatchTo(session, t, d).s };
  }

  /** Closes every live socket (or one shard's) with `code`; 1006 drops the TCP connection without a close frame. */
  disconnect(code: number, shard?: number): void {
    for (const conn of this.connections) {
      if (conn.ws.readyState !== WebSocket.OPEN) continue;
      if (shard !== undefined && conn.session?.shard[0] !== shard) continue;
      if (code === 1006) conn.ws.terminate();
      else conn.ws.close(code, `fake Discord closed with ${code}`);
    }
  }
}
