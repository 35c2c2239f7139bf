import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Seeded data folders for specs that need many people. Seeding runs child processes for seconds,
 * so each Playwright worker seeds a template once per kind and hands every test its own copy; the
 * seeding programs exit before a copy is taken, so no lock or open database is copied. The
 * templates are removed when the worker exits.
 */
const templates = new Map<string, string>();
process.once('exit', () => {
  for (const dir of templates.values()) rmSync(dir, { recursive: true, force: true });
});

/** `node <script> <args>` for each step, with `{dir}` standing for the folder being seeded. */
export type SeedSteps = readonly (readonly string[])[];

/** A fresh copy of the folder `steps` make; the caller removes it. */
export function seededFolder(kind: string, steps: SeedSteps): string {
  let template = templates.get(kind);
  if (!template) {
    template = mkdtempSync(join(tmpdir(), `rapport-e2e-template-${kind}-`));
    for (const [script, ...args] of steps)
      execFileSync(process.execPath, [script!, ...args.map((arg) => (arg === '{dir}' ? template! : arg))], {
        stdio: 'ignore',
      });
    templates.set(kind, template);
  }
  const copy = mkdtempSync(join(tmpdir(), `rapport-e2e-${kind}-`));
  cpSync(template, copy, { recursive: true });
  return copy;
}

/** The demo profile the accessibility checks walk: 60 people, 400 interactions, ending 10 March 2026. */
export const DEMO_60: SeedSteps = [
  ['scripts/seed-demo.ts', '--contacts', '60', '--interactions', '400', '--data-dir', '{dir}', '--today', '2026-03-10'],
];
