/**
 * A fake Slack Socket Mode endpoint (the URL apps.connections.open hands out): a WebSocket server
 * on node:http's upgrade that greets with `hello`, sends envelopes
 * (`{envelope_id, type:'events_api', payload, ...}`) and resolves when the app acks
 * (`{envelope_id, payload?}`). It answers pings and the close handshake so SDK clients stay happy.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { acceptKey, encodeFrame, OPCODE, readFrame } from './websocket-frames.ts';

export interface SocketModeAck {
  envelope_id: string;
  payload?: unknown;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketModeFake {
  /** Base WebSocket URL; apps.connections.open adds a ticket. */
  readonly url: string;
  connectionCount(): number;
  /** JSON messages the clients sent (acks), in arrival order. */
  received(): unknown[];
  /** Sends an envelope to the newest connection and resolves with the app's ack. */
  sendEnvelope(type: EnvelopeType, payload: object): Promise<SocketModeAck>;
  /** Sends an Events API envelope (payload: an `event_callback` body). */
  sendEvent(payload: object): Promise<SocketModeAck>;
  close(): Promise<void>;
}

const ackSchema = z.object({ envelope_id: z.string(), payload: z.unknown().optional() });

interface Connection {
  socket: Duplex;
  send(text: string): void;
}

export async function startSocketModeFake(options: {
  appId: string;
  ackTimeoutMs?: number;
}): Promise<SocketModeFake> {
  const connections = new Set<Connection>();
  const received: unknown[] = [];
  const pending = new Map<string, (ack: SocketModeAck) => void>();

  const onMessage = (text: string): void => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    received.push(json);
    const ack = ackSchema.safeParse(json);
    if (!ack.success) return;
    const done = pending.get(ack.data.envelope_id);
    pending.delete(ack.data.envelope_id);
    done?.(ack.data.payload === undefined ? { envelope_id: ack.data.envelope_id } : ack.data);
  };

  const accept = (socket: Duplex): Connection => {
    let buffer: Buffer = Buffer.alloc(0);
    let fragments: Buffer[] = [];
    const connection: Connection = {
      socket,
      send: (text) => socket.write(encodeFrame(OPCODE.text, Buffer.from(text))),
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let read = readFrame(buffer); read; read = readFrame(buffer)) {
        buffer = read.rest;
        const { opcode, payload, fin } = read.frame;
        if (opcode === OPCODE.ping) socket.write(encodeFrame(OPCODE.pong, payload));
        if (opcode === OPCODE.close) {
          socket.end(encodeFrame(OPCODE.close, payload.subarray(0, 2)));
          return;
        }
        if (opcode === OPCODE.text || opcode === OPCODE.continuation) {
          fragments.push(payload);
          if (fin) {
            onMessage(Buffer.concat(fragments).toString('utf8'));
            fragments = [];
          }
        }
      }
    });
    socket.on('close', () => connections.delete(connection));
    socket.on('error', () => connections.delete(connection));
    return connection;
  };

  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('Upgrade Required');
  });
  server.on('upgrade', (req, socket) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.destroy();
      return;
    }
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
    );
    const connection = accept(socket);
    connections.add(connection);
    connection.send(
      JSON.stringify({
        type: 'hello',
        num_connections: connections.size,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: options.appId },
      }),
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const sendEnvelope = (type: EnvelopeType, payload: object): Promise<SocketModeAck> => {
    const connection = [...connections].at(-1);
    if (!connection) return Promise.reject(new Error('socket mode fake: no client is connected'));
    const envelopeId = randomUUID();
    return new Promise<SocketModeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(envelopeId);
        reject(new Error(`socket mode fake: no ack for envelope ${envelopeId}`));
      }, options.ackTimeoutMs ?? 3000);
      pending.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      connection.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
    });
  };

  return {
    url: `ws://127.0.0.1:${port}/link/`,
    connectionCount: () => connections.size,
    received: () => [...received],
    sendEnvelope,
    sendEvent: (payload) => sendEnvelope('events_api', payload),
    async close() {
      for (const connection of connections) connection.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
