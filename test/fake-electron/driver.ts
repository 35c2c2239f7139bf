import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  RUNTIME_OPTIONS_ENV,
  type ChildMessage,
  type Command,
  type FakeRecord,
  type FakeRuntimeOptions,
  type ParentMessage,
} from './protocol.ts';

const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

export interface LaunchOptions {
  /** The app folder: a repository checkout, a copy, or an extracted app.asar. */
  appDir: string;
  args?: string[];
  /** The app's environment (HOME, XDG_CONFIG_HOME, TZ…); nothing else from the test's leaks in. */
  env: Record<string, string>;
  runtime?: Partial<FakeRuntimeOptions>;
}

export type CallRecord = Extract<FakeRecord, { kind: 'call' }>;
export type EventRecord = Extract<FakeRecord, { kind: 'event' }>;

/** An app running under the fake Electron in a child Node process, seen from the test. */
export class FakeElectronApp {
  readonly records: FakeRecord[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly pid: number;
  output = '';
  readonly #child: ChildProcess;
  readonly #replies = new Map<number, (message: Extract<ChildMessage, { type: 'reply' }>) => void>();
  readonly #watchers = new Set<() => void>();
  #nextCommand = 1;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(options: LaunchOptions) {
    this.#child = spawn(process.execPath, [BIN, options.appDir, ...(options.args ?? [])], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH ?? '',
        ...options.env,
        [RUNTIME_OPTIONS_ENV]: JSON.stringify(options.runtime ?? {}),
      },
    });
    this.pid = this.#child.pid ?? -1;
    const collect = (chunk: Buffer) => (this.output += chunk.toString());
    this.#child.stdout?.on('data', collect);
    this.#child.stderr?.on('data', collect);
    this.#child.on('message', (message: ChildMessage) => {
      if (message.type === 'record') {
        this.records.push(message.record);
        for (const watcher of [...this.#watchers]) watcher();
      } else this.#replies.get(message.id)?.(message);
    });
    this.exited = new Promise((resolve) =>
      this.#child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        for (const watcher of [...this.#watchers]) watcher();
        for (const [id, reply] of this.#replies)
          reply({ type: 'reply', id, ok: false, error: `The app exited (code ${code}) before replying` });
        resolve(this.#exit);
      }),
    );
  }

  static launch(options: LaunchOptions): FakeElectronApp {
    return new FakeElectronApp(options);
  }

  /** Runs a command in the fake process and resolves to its result; rejects with its error. */
  command(command: Command, timeoutMs = 30_000): Promise<unknown> {
    if (this.#exit) return Promise.reject(new Error(`The app has exited; cannot run ${command.name}${this.#crash()}`));
    const id = this.#nextCommand++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command.name} got no reply in ${timeoutMs} ms`)), timeoutMs);
      this.#replies.set(id, (reply) => {
        clearTimeout(timer);
        this.#replies.delete(id);
        if (reply.ok) resolve(reply.value);
        else reject(new Error(reply.error));
      });
      this.#child.send({ type: 'command', id, command } satisfies ParentMessage);
    });
  }

  /**
   * Resolves with the first non-undefined result of `find` over the records so far, re-checked on
   * every new record. Rejects after `timeoutMs`, or when the app exits first.
   */
  waitFor<T>(description: string, find: (records: FakeRecord[]) => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, value?: T) => {
        clearTimeout(timer);
        this.#watchers.delete(check);
        if (error) reject(error);
        else resolve(value as T);
      };
      const check = () => {
        const found = find(this.records);
        if (found !== undefined) finish(undefined, found);
        else if (this.#exit)
          finish(new Error(`The app exited (code ${this.#exit.code}) before ${description}${this.#crash()}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`)),
        timeoutMs,
      );
      this.#watchers.add(check);
      check();
    });
  }

  /** Why the app died, if it reported an uncaught error. */
  #crash(): string {
    const uncaught = this.records.find((record) => record.kind === 'uncaught');
    return uncaught?.kind === 'uncaught' ? `: ${uncaught.message}` : '';
  }

  calls(api: string | RegExp): CallRecord[] {
    return this.records.filter(
      (record): record is CallRecord =>
        record.kind === 'call' && (typeof api === 'string' ? record.api === api : api.test(record.api)),
    );
  }

  events(source: string | RegExp, name?: string): EventRecord[] {
    return this.records.filter(
      (record): record is EventRecord =>
        record.kind === 'event' &&
        (typeof source === 'string' ? record.source === source : source.test(record.source)) &&
        (name === undefined || record.name === name),
    );
  }

  /** Ends a run that got stuck (only the process this driver started). */
  kill(): void {
    if (!this.#exit) this.#child.kill('SIGKILL');
  }
}
