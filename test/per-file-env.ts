/**
 * A setup file of the unit projects whose workers run many files in turn (isolate: false in
 * vitest.config.ts). Vitest runs it before each file: it puts back the environment variables the
 * worker started with, so a file that sets one (TZ = 'Europe/London' in the reminder tests) does
 * not change the files that run after it in the same worker. Vitest's own (VITEST_*, set per file)
 * are left alone.
 */
const key = Symbol.for('rapport.test.startingEnv');
const store = globalThis as { [key]?: Record<string, string | undefined> };
const starting = (store[key] ??= { ...process.env });

for (const name of new Set([...Object.keys(process.env), ...Object.keys(starting)])) {
  if (name.startsWith('VITEST')) continue;
  const value = starting[name];
  if (value === undefined) delete process.env[name];
  else if (process.env[name] !== value) process.env[name] = value;
}
