/**
 * Test helper: starts `scripts/sync-server.ts` (pouchdb-server's engine) as a child process on a
 * free 127.0.0.1 port and stops it by PID. Not a test file itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../scripts/sync-server.ts', import.meta.url));

export interface TestSyncServer {
  /** `http://127.0.0.1:PORT/`, always with the trailing slash. */
  url: string;
  port: number;
  pid: number;
  /** SIGKILL by default: a crash, not a clean shutdown. Resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface TestSyncServerOptions {
  /** Keep data in this folder (LevelDB); in memory when absent. */
  dir?: string;
  /** 0 picks a free port; pass an earlier server's port to restart "the same" server. */
  port?: number;
  user?: string;
  password?: string;
}

/** Starts the server and resolves once it listens; rejects with its stderr if it fails to start. */
export async function startTestSyncServer(options: TestSyncServerOptions = {}): Promise<TestSyncServer> {
  const args = [script, '--port', String(options.port ?? 0)];
  args.push(...(options.dir ? ['--dir', options.dir] : ['--in-memory']));
  if (options.user) args.push('--user', options.user, '--password', options.password ?? '');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await readReadyPort(child, exited, () => stderr);
  // After start, pass the server's complaints through, so a crash says why.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[sync-server] ${chunk.toString()}`));
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    pid: child.pid as number,
    async stop(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, signal);
      await exited;
    },
  };
}

async function readReadyPort(child: ChildProcess, exited: Promise<void>, stderr: () => string): Promise<number> {
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<number>((resolve) => {
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { ready?: boolean; port?: number };
        if (message.ready && typeof message.port === 'number') resolve(message.port);
      } catch {
        // Not the ready line (the server logs nothing else today); keep reading.
      }
    });
  });
  const failed = exited.then(() => {
    throw new Error(`sync-server exited before it was ready: ${stderr().trim() || 'no message'}`);
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('sync-server did not start within 15 s')), 15_000).unref(),
  );
  return Promise.race([ready, failed, timeout]);
}
