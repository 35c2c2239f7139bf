/**
 * Runs npm scripts side by side and fails if any fails: `node test/run-together.ts lint typecheck build`.
 * An argument of several scripts joined by commas (`smoke:desktop,test:desktop`) runs them in that
 * order, stopping at the first that fails, beside the other arguments.
 * `npm test` runs lint, typecheck, the production build and the unit tests this way: none needs
 * another's output, and lint and typecheck are each single-threaded (together with the build they
 * used 109 CPU-seconds in 63 s, leaving a core idle for a fifth of the time), so the unit tests' two
 * workers fill the cores they leave. Then the desktop smoke and package tests beside the end-to-end
 * tests: both only read the build, and the desktop ones mostly wait on the app processes they start
 * (44 CPU-seconds in 70 s). Each script's output is printed whole once it ends, so they never
 * interleave; the unit tests' report therefore comes at the end.
 */
import { spawn } from 'node:child_process';

interface Result {
  script: string;
  code: number;
}

function run(script: string): Promise<Result> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\n> ${script} (${seconds.toFixed(1)} s, exit ${code ?? signal})\n${output}`);
      resolve({ script, code: code ?? (signal ? 1 : 0) });
    });
  });
}

async function runInOrder(scripts: string[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const script of scripts) {
    const result = await run(script);
    results.push(result);
    if (result.code !== 0) break;
  }
  return results;
}

const chains = process.argv.slice(2).map((argument) => argument.split(',').filter(Boolean));
const results = (await Promise.all(chains.map(runInOrder))).flat();
const failed = results.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
