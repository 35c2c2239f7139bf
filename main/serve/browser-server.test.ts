/**
 * Browser mode's server against hostile input: bad frames, oversized and malformed messages, and
 * bad addresses end that connection or get an answer; the server keeps serving.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_LIVE_QUERIES } from '../core/ipc/session.ts';
import { openTestCore, testDir } from '../core/testing/test-core.ts';
import { MAX_MESSAGE_BYTES } from '../../shared/ipc/wire.ts';
import { BRIDGE_PATH, BRIDGE_PROTOCOL, startBrowserServer, TOKEN_PROTOCOL_PREFIX } from './browser-server.ts';

async function serve() {
  const { core } = await openTestCore();
  const rendererDir = testDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Rapport</title>');
  const server = await startBrowserServer({ core, rendererDir, token: 'secret' });
  onTestFinished(() => server.close());
  const connect = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${server.port}${BRIDGE_PATH}`,
        [BRIDGE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}secret`],
        {
          origin: `http://127.0.0.1:${server.port}`,
        },
      );
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  return { server, connect };
}

/** Sends a request and resolves with the response to it (or rejects if the socket closes first). */
function ask(
  ws: WebSocket,
  message: Record<string, unknown>,
): Promise<{ result: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer) => {
      const reply = JSON.parse(String(data)) as { id?: string; result: { ok: boolean } };
      if (reply.id === message.id) {
        ws.off('message', onMessage);
        resolve(reply as never);
      }
    };
    ws.on('message', onMessage);
    ws.once('close', () => reject(new Error('closed')));
    ws.send(typeof message.raw === 'string' ? message.raw : JSON.stringify(message));
  });
}
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

/** A masked client frame written straight to the socket, to send what a well-behaved client never would. */
function rawFrame(ws: WebSocket, opcode: number, payload: Buffer) {
  const header =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, 0x80 | payload.length])
      : Buffer.from([0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  (ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(
    Buffer.concat([header, Buffer.alloc(4), payload]),
  );
}

describe('browser mode under hostile input', () => {
  it('answers every request, even a malformed one, as long as it names an id', async () => {
    const { connect } = await serve();
    const ws = await connect();
    expect((await ask(ws, { type: 'request', id: 'a', channel: 'app.info', input: {} })).result.ok).toBe(true);
    expect((await ask(ws, { type: 'request', id: 'b', channel: 42, input: {} })).result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await ask(ws, { type: 'nonsense', id: 'c' })).result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    ws.send('not json at all');
    ws.send(Buffer.from([1, 2, 3]));
    expect((await ask(ws, { type: 'request', id: 'd', channel: 'app.info', input: {} })).result.ok).toBe(true);
    ws.close();
  });

  it('closes a connection that sends bad frames, and keeps serving the next one', async () => {
    const { connect } = await serve();
    const abuses: [string, (ws: WebSocket) => void, number][] = [
      ['an oversized message', (ws) => ws.send('x'.repeat(MAX_MESSAGE_BYTES + 10)), 1009],
      ['invalid UTF-8 in a text frame', (ws) => rawFrame(ws, 0x1, Buffer.from([0xc3, 0x28])), 1007],
      ['a close frame with an invalid code', (ws) => rawFrame(ws, 0x8, Buffer.from([0x03, 0xe7])), 1002],
      ['a reserved opcode', (ws) => rawFrame(ws, 0x3, Buffer.from('x')), 1002],
    ];
    for (const [label, abuse, code] of abuses) {
      const ws = await connect();
      const end = closed(ws);
      abuse(ws);
      expect(await end, label).toBe(code);
      const next = await connect();
      expect((await ask(next, { type: 'request', id: label, channel: 'app.info', input: {} })).result.ok, label).toBe(
        true,
      );
      next.close();
    }
  });

  it(`refuses live query number ${MAX_LIVE_QUERIES + 1} on one connection`, async () => {
    const { connect } = await serve();
    const ws = await connect();
    for (let i = 0; i < MAX_LIVE_QUERIES; i++)
      ws.send(JSON.stringify({ type: 'subscribe', id: `s${i}`, channel: 'backup.status', input: {} }));
    const refused = await ask(ws, { type: 'subscribe', id: 'one-too-many', channel: 'backup.status', input: {} });
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    ws.close();
  });

  it('answers a malformed escape in a path with 400 and the security headers', async () => {
    const { server } = await serve();
    const response = await fetch(`http://127.0.0.1:${server.port}/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
  });

  it('closes at once while a browser holds a connection with a request half sent', async () => {
    const { server } = await serve();
    const socket = connectTcp(server.port);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Headers without their blank line: the server waits for the rest (for a minute by default).
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    socket.destroy();
  });
});
