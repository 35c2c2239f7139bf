/**
 * Runs npm scripts side by side and fails if any fails: `node test/run-together.ts lint typecheck build`.
 * `npm test` runs lint, typecheck, the production build and the unit tests this way: none needs
 * another's output, and lint and typecheck are each single-threaded (together with the build they
 * used 109 CPU-seconds in 63 s, leaving a core idle for a fifth of the time), so the unit tests' two
 * workers fill the cores they leave. Each script's output is printed whole once it ends, so they
 * never interleave; the unit tests' report therefore comes at the end.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);

const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise<{ script: string; code: number; output: string; seconds: number }>((resolve) => {
        const started = performance.now();
        const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code, signal) => {
          const seconds = (performance.now() - started) / 1000;
          resolve({ script, code: code ?? (signal ? 1 : 0), output, seconds });
          process.stdout.write(`\n> ${script} (${seconds.toFixed(1)} s, exit ${code ?? signal})\n${output}`);
        });
      }),
  ),
);
const failed = results.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
