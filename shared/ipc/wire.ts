import { z } from 'zod';
import { RapportError } from './result.ts';
import { lazyObject } from '../lazy-schema.ts';

/**
 * The message protocol shared by both transports: Electron IPC (one channel, `rapport`) and the
 * browser-mode WebSocket. Main parses every client message with these schemas before acting.
 */
export const ClientMessage = z.discriminatedUnion('type', [
  lazyObject(() => ({
    type: z.literal('request'),
    id: z.string().min(1).max(100),
    channel: z.string().max(100),
    input: z.unknown(),
  })),
  lazyObject(() => ({
    type: z.literal('subscribe'),
    id: z.string().min(1).max(100),
    channel: z.string().max(100),
    input: z.unknown(),
  })),
  lazyObject(() => ({ type: z.literal('unsubscribe'), id: z.string().min(1).max(100) })),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

const WireResult = z.union([
  lazyObject(() => ({ ok: z.literal(true), value: z.unknown() })),
  lazyObject(() => ({ ok: z.literal(false), error: RapportError })),
]);

export const ServerMessage = z.discriminatedUnion('type', [
  lazyObject(() => ({ type: z.literal('response'), id: z.string(), result: WireResult })),
  lazyObject(() => ({ type: z.literal('push'), id: z.string(), result: WireResult })),
  lazyObject(() => ({ type: z.literal('event'), name: z.string(), payload: z.unknown() })),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * The largest message either side sends. The browser bridge refuses bigger frames, and the client
 * refuses to send one: a file too large for a message goes as an upload in parts (`uploads.*`).
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** UTF-8 length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The Electron IPC channel every message travels on. */
export const IPC_CHANNEL = 'rapport';
