import type { ChildMessage, FakeRecord } from './protocol.ts';

/** Fake objects (windows, images, menus) describe themselves in records through this method. */
export const SNAPSHOT = Symbol('fake-electron.snapshot');

type Snapshottable = { [SNAPSHOT](): unknown };
type RecordBody = FakeRecord extends infer R ? (R extends FakeRecord ? Omit<R, 'at'> : never) : never;

/** Turns call arguments into JSON: functions, buffers and fake objects become short descriptions. */
export function snapshot(value: unknown, depth = 0): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (value === undefined) return undefined;
  if (typeof value === 'function') return '[function]';
  if (typeof value !== 'object') return String(value);
  if (SNAPSHOT in value) return (value as Snapshottable)[SNAPSHOT]();
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((item) => snapshot(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, snapshot(item, depth + 1)]));
}

/**
 * Everything the app did to the fake, in order. Kept in memory and, in a fake Electron process
 * started by the driver, streamed to the test as it happens.
 */
export class Recorder {
  readonly records: FakeRecord[] = [];
  /** Set by the fake's executable when a parent test is listening. */
  sink: ((message: ChildMessage) => void) | undefined;
  readonly #isReady: () => boolean;

  constructor(isReady: () => boolean) {
    this.#isReady = isReady;
  }

  push(body: RecordBody): void {
    const record = { at: Math.round(performance.now() * 10) / 10, ...body } as FakeRecord;
    this.records.push(record);
    this.sink?.({ type: 'record', record });
  }

  call(api: string, args: readonly unknown[] = []): void {
    this.push({ kind: 'call', api, args: args.map((arg) => snapshot(arg)), beforeReady: !this.#isReady() });
  }

  event(source: string, name: string, args: readonly unknown[] = []): void {
    this.push({ kind: 'event', source, name, args: args.map((arg) => snapshot(arg)) });
  }
}
