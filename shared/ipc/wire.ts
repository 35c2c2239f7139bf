import { z } from 'zod';
import { RapportError } from './result.ts';

/**
 * The message protocol shared by both transports: Electron IPC (one channel, `rapport`) and the
 * browser-mode WebSocket. Main parses every client message with these schemas before acting.
 */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('request'),
    id: z.string().min(1).max(100),
    channel: z.string().max(100),
    input: z.unknown(),
  }),
  z.object({
    type: z.literal('subscribe'),
    id: z.string().min(1).max(100),
    channel: z.string().max(100),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('unsubscribe'), id: z.string().min(1).max(100) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

const WireResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: RapportError }),
]);

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id: z.string(), result: WireResult }),
  z.object({ type: z.literal('push'), id: z.string(), result: WireResult }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** The Electron IPC channel every message travels on. */
export const IPC_CHANNEL = 'rapport';
