import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were a file at `filePath` and returns the messages of failing rules. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the whole config and its plugins (seconds on a busy 2-core machine).
describe('layering rules', { timeout: 60_000 }, () => {
  it('fail when a file in main/core imports electron', async () => {
    expect(
      await violations('main/core/anything.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([expect.stringContaining('Only main/electron may import electron')]);
  });

  it('allow electron in main/electron', async () => {
    expect(
      await violations('main/electron/anything.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual([]);
  });

  it('fail when shared imports electron, a Node built-in, or uses the DOM or the clock', async () => {
    expect(
      await violations('shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await violations(
        'shared/domain/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await violations('shared/domain/x.ts', "import { join } from 'path';\nexport const a = join;\n"),
    ).toHaveLength(1);
    expect(await violations('shared/domain/x.ts', 'export const w = window.innerWidth;\n')).toHaveLength(1);
    expect(await violations('shared/domain/x.ts', 'export const d = document.title;\n')).toHaveLength(1);
    expect(await violations('shared/domain/x.ts', 'export const today = new Date();\n')).toHaveLength(1);
  });

  it('fail when the renderer imports main', async () => {
    const messages = await violations(
      'renderer/features/x.ts',
      "import { createCore } from '../../main/core/core.ts';\nexport const c = createCore;\n",
    );
    expect(messages).toEqual([expect.stringContaining('import-x/no-restricted-paths')]);
  });

  it('fail when main/core imports the Electron shell', async () => {
    const messages = await violations(
      'main/core/x.ts',
      "import { trayMenuTemplate } from '../electron/tray.ts';\nexport const t = trayMenuTemplate;\n",
    );
    expect(messages.some((m) => m.includes('import-x/no-restricted-paths'))).toBe(true);
  });

  it('fail when main or shared imports date-fns anywhere but shared/date-fns.ts', async () => {
    const code = "import { addDays } from 'date-fns/addDays';\nexport const a = addDays;\n";
    for (const file of ['shared/domain/x.ts', 'main/core/x.ts', 'main/electron/x.ts'])
      expect(await violations(file, code)).toEqual([expect.stringContaining('shared/date-fns.ts')]);
    expect(await violations('shared/date-fns.ts', readFileSync('shared/date-fns.ts', 'utf8'))).toEqual([]);
    // That file stays pure like the rest of shared/.
    expect(
      await violations(
        'shared/date-fns.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).toHaveLength(1);
    // Types cost nothing at run time.
    expect(
      await violations('main/core/x.ts', "import type { Day } from 'date-fns';\nexport const d: Day = 0;\n"),
    ).toEqual([]);
    expect(
      await violations('shared/domain/x.ts', "import { addDays } from '../date-fns.ts';\nexport const a = addDays;\n"),
    ).toEqual([]);
  });

  it('pass for allowed imports', async () => {
    expect(await violations('shared/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual(
      [],
    );
    expect(await violations('main/core/x.ts', "import { join } from 'node:path';\nexport const j = join;\n")).toEqual(
      [],
    );
  });
});
