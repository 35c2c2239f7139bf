/**
 * Test helper process: `node lock-holder.ts <dataDir> [hold|try]`.
 * hold: takes the lock, prints "locked", waits until stdin closes.
 * try:  tries to take the lock and prints one JSON line with the outcome.
 */
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const [dataDir, mode = 'hold'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-holder.ts <dataDir> [hold|try]');

if (mode === 'try') {
  try {
    acquireDataDirLock(dataDir).release();
    console.log(JSON.stringify({ ok: true }));
  } catch (error) {
    const e = error as DataDirLockedError;
    console.log(
      JSON.stringify({
        ok: false,
        isLockError: e instanceof DataDirLockedError,
        code: e.code,
        pid: e.pid,
        message: e.message,
      }),
    );
  }
} else {
  const lock = acquireDataDirLock(dataDir);
  process.stdout.write('locked\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
}
