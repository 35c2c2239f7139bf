import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Seeded data folders for specs that need many people. Seeding runs child processes for seconds,
 * so each kind is seeded once per run into a template that every test copies. The templates live
 * in the folder global-setup.ts makes for the run (and removes at its end), shared by the workers:
 * the first worker to need a kind seeds it while the others wait for it. The seeding programs exit
 * before the template is renamed into place, so no lock or open database is ever copied.
 */
const TEMPLATES_ENV = 'RAPPORT_E2E_TEMPLATES';

/** `node <script> <args>` for each step, with `{dir}` standing for the folder being seeded. */
export type SeedSteps = readonly (readonly string[])[];

/** A fresh copy of the folder `steps` make; the caller removes it. */
export async function seededFolder(kind: string, steps: SeedSteps): Promise<string> {
  const root = process.env[TEMPLATES_ENV];
  if (!root) throw new Error(`${TEMPLATES_ENV} is not set: playwright.config.ts's globalSetup makes it.`);
  const template = join(root, kind);
  const claim = `${template}.seeding`;
  while (!existsSync(template)) {
    try {
      mkdirSync(claim);
    } catch {
      await sleep(250); // another worker is seeding this kind
      continue;
    }
    try {
      const building = mkdtempSync(`${template}.building-`);
      for (const [script, ...args] of steps)
        execFileSync(process.execPath, [script!, ...args.map((arg) => (arg === '{dir}' ? building : arg))], {
          stdio: 'ignore',
        });
      renameSync(building, template);
    } finally {
      // On a failed seed the next worker to ask tries again, and fails with its own error.
      rmSync(claim, { recursive: true, force: true });
    }
  }
  const copy = mkdtempSync(join(tmpdir(), `rapport-e2e-${kind}-`));
  cpSync(template, copy, { recursive: true });
  return copy;
}

/** Makes the run's template folder; returns the teardown that removes it. */
export function makeTemplatesFolder(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'rapport-e2e-templates-'));
  process.env[TEMPLATES_ENV] = root;
  return () => rmSync(root, { recursive: true, force: true });
}

/** The demo profile the accessibility checks walk: 60 people, 400 interactions, ending 10 March 2026. */
export const DEMO_60: SeedSteps = [
  ['scripts/seed-demo.ts', '--contacts', '60', '--interactions', '400', '--data-dir', '{dir}', '--today', '2026-03-10'],
];
