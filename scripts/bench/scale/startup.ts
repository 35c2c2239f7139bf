/**
 * Process start to listening for browser mode: spawns the browser-mode server (`main/serve.ts`, or `entry`) on a data folder and
 * times until it prints its URL, then stops it (by pid). With `cpuProfileDir` the child writes a
 * `--cpu-prof` profile there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function timeToListening(options: {
  root: string;
  dataDir: string;
  /** The entry to run, relative to root: the source (default) or the built bundle `out/main/serve.js`. */
  entry?: string;
  cpuProfileDir?: string;
  timeoutMs?: number;
}): Promise<number> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'rapport-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const args = [
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    join(options.root, options.entry ?? 'main/serve.ts'),
    ...['--data-dir', options.dataDir, '--renderer-dir', rendererDir],
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`serve did not listen within ${options.timeoutMs ?? 120_000} ms: ${out}`)),
        options.timeoutMs ?? 120_000,
      );
      const read = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('is running')) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code} before listening: ${out}`));
      });
    });
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(rendererDir, { recursive: true, force: true });
  }
}
