import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface SecondInstanceMessage {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

export interface SingleInstanceLock {
  primary: boolean;
  /** Settles once a second instance has told the first one about itself (or failed to). */
  notified: Promise<void>;
  release(): void;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Chromium's process singleton, as Electron uses it on Linux: a `SingletonLock` file in the user
 * data folder names the owning process, and a `SingletonSocket` there carries a second
 * instance's command line to the first, which emits `second-instance`. A lock whose process is
 * gone is stale and taken over.
 */
export function acquireSingleInstance(
  userData: string,
  message: SecondInstanceMessage,
  onSecondInstance: (message: SecondInstanceMessage) => void,
): SingleInstanceLock {
  mkdirSync(userData, { recursive: true });
  const lockPath = join(userData, 'SingletonLock');
  const socketPath = join(userData, 'SingletonSocket');
  const owner = `${hostname()}-${process.pid}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockPath, owner, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').split('-').pop());
      if (alive(pid)) return { primary: false, notified: notifyFirst(socketPath, message), release() {} };
      rmSync(lockPath, { force: true });
      continue;
    }
    const server = listen(socketPath, onSecondInstance);
    return {
      primary: true,
      notified: Promise.resolve(),
      release() {
        server.close();
        rmSync(socketPath, { force: true });
        if (readFileSync(lockPath, 'utf8') === owner) rmSync(lockPath, { force: true });
      },
    };
  }
  throw new Error(`fake electron: could not take ${lockPath}`);
}

function listen(socketPath: string, onSecondInstance: (message: SecondInstanceMessage) => void): Server {
  rmSync(socketPath, { force: true });
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!text.endsWith('\n')) return;
      socket.end('ACK\n');
      onSecondInstance(JSON.parse(text) as SecondInstanceMessage);
    });
  });
  server.listen(socketPath);
  // The socket must not keep a quitting app alive; Electron's singleton lives as long as the app.
  server.unref();
  return server;
}

function notifyFirst(socketPath: string, message: SecondInstanceMessage): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath, () => socket.write(`${JSON.stringify(message)}\n`));
    socket.on('data', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.setTimeout(5000, () => socket.destroy());
  });
}
