#!/usr/bin/env node
/**
 * `rapport`: import, export, back up and count a Rapport data folder from a terminal. Runs with
 * Node's type stripping (no build step). `rapport --help` lists the commands; docs/cli.md has the
 * details and the JSON shapes.
 */
import './compile-cache.ts';

// Loaded after the compile cache is on (./compile-cache.ts).
const { run } = await import('./cli/run.ts');

const code = await run(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
process.exitCode = code;
