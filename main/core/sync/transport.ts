import { BehaviorSubject } from 'rxjs';
import { ConnectionGate, isAbort } from './connection-gate.ts';
import { SyncError } from './errors.ts';

/**
 * HTTP to one CouchDB-protocol server: credentials on every request, the shared back-off gate,
 * timeouts, and failures turned into SyncErrors. Shared by the setup calls and every replication.
 */
export interface SyncCredentials {
  username: string;
  password: string;
}

export interface TransportOptions {
  credentials?: SyncCredentials;
  gate?: ConnectionGate;
  /** Abort a request (other than a long-poll) that takes longer than this. Default 120 s. */
  requestTimeoutMs?: number;
  /** The underlying fetch (Node's global by default). */
  fetch?: typeof fetch;
  /** Ends every request, waiting or in flight, when sync stops. */
  closed?: AbortSignal;
}

export const NEEDS_CREDENTIALS_MESSAGE =
  'The sync server refused the user name or password. Enter them again in Settings → Sync.';

export class SyncTransport {
  readonly gate: ConnectionGate;
  /** Becomes false on a 401/403 and stays false: new credentials mean a new transport. */
  readonly authorised$ = new BehaviorSubject(true);
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;
  private readonly baseFetch: typeof fetch;
  private readonly closed: AbortSignal | undefined;

  constructor(options: TransportOptions = {}) {
    this.gate = options.gate ?? new ConnectionGate();
    this.timeoutMs = options.requestTimeoutMs ?? 120_000;
    this.baseFetch = options.fetch ?? fetch;
    this.closed = options.closed;
    const { credentials } = options;
    if (credentials) {
      this.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    }
  }

  /**
   * Sends one request. Throws SyncError 'needs-credentials' on 401/403 (unless `refusalIsAnAnswer`,
   * for calls where a refusal means "not allowed to do this" rather than "wrong password") and
   * 'offline' when the server does not answer or answers 5xx.
   */
  async request(
    url: string,
    init: RequestInit = {},
    callerSignal?: AbortSignal,
    options: { refusalIsAnAnswer?: boolean } = {},
  ): Promise<Response> {
    const given = [callerSignal, this.closed].filter((s): s is AbortSignal => s !== undefined);
    const signal = given.length > 1 ? AbortSignal.any(given) : given[0];
    if (!this.authorised$.value) throw new SyncError('needs-credentials', NEEDS_CREDENTIALS_MESSAGE);
    const headers = new Headers(init.headers);
    if (this.authorization) headers.set('authorization', this.authorization);
    // A long-poll legitimately waits for the next change; everything else gets a deadline.
    const longPoll = url.includes('feed=longpoll');
    const signals = [signal, longPoll ? undefined : AbortSignal.timeout(this.timeoutMs)].filter(
      (s): s is AbortSignal => s !== undefined,
    );
    const response = await this.gate.run(async () => {
      let answer: Response;
      try {
        answer = await this.baseFetch(url, { ...init, headers, signal: AbortSignal.any(signals) });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw new SyncError('offline', `The sync server at ${origin(url)} is not answering.`, { cause: error });
      }
      if (answer.status >= 500) {
        await answer.body?.cancel();
        throw new SyncError('offline', `The sync server at ${origin(url)} answered ${answer.status}.`);
      }
      return answer;
    }, signal);
    if ((response.status === 401 || response.status === 403) && !options.refusalIsAnAnswer) {
      await response.body?.cancel();
      this.authorised$.next(false);
      throw new SyncError('needs-credentials', NEEDS_CREDENTIALS_MESSAGE);
    }
    return response;
  }

  /** Reads a JSON body; a connection cut mid-body counts as the server going away. */
  async readJson(response: Response, url: string): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (isAbort(error)) throw error;
      this.gate.reportFailure();
      throw new SyncError('offline', `The sync server at ${origin(url)} stopped answering mid-reply.`, {
        cause: error,
      });
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SyncError('server', `The sync server at ${origin(url)} sent something that is not JSON.`, {
        cause: error,
      });
    }
  }
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured address';
  }
}
