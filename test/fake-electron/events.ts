import { EventEmitter } from 'node:events';
import type { Recorder } from './recorder.ts';

/** Electron's event object: the given parameters plus `preventDefault()` / `defaultPrevented`. */
export type ElectronEvent<T extends object = object> = T & {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
};

export function electronEvent<T extends object>(params: T = {} as T): ElectronEvent<T> {
  let prevented = false;
  return Object.defineProperties(
    { ...params },
    {
      preventDefault: { value: () => void (prevented = true) },
      defaultPrevented: { get: () => prevented, enumerable: true },
    },
  ) as ElectronEvent<T>;
}

/** An EventEmitter whose emits are recorded under `source` (except the noisy ones in `quiet`). */
export class RecordingEmitter extends EventEmitter {
  readonly #recorder: Recorder;
  readonly #source: () => string;
  readonly #quiet: ReadonlySet<string>;

  constructor(recorder: Recorder, source: () => string, quiet: readonly string[] = []) {
    super();
    this.#recorder = recorder;
    this.#source = source;
    this.#quiet = new Set(quiet);
  }

  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string' && !this.#quiet.has(name)) this.#recorder.event(this.#source(), name, args);
    return super.emit(name, ...args);
  }
}

/** Lets pending promise callbacks and I/O run, as a real browser process would between steps. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What Electron throws when a destroyed object (window, tray, web contents) is used. */
export function assertAlive(destroyed: boolean): void {
  if (destroyed) throw new TypeError('Object has been destroyed');
}
