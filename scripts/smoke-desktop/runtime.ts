import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assert, type CheckList } from './checks.ts';
import { exitCode, type Launcher, type SmokeEnv } from './harness.ts';

function folderState(dir: string): string {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    })
    .join('\n');
}

/** On an Electron whose Node lacks `node:sqlite`: one clear dialog, exit, the data untouched. */
export async function checkRuntimeCheck(launcher: Launcher, smoke: SmokeEnv, checks: CheckList): Promise<void> {
  await checks.check(
    'without node:sqlite it shows one dialog naming Electron 45 and leaves the data alone',
    async () => {
      const before = folderState(smoke.dataDir);
      const app = launcher.launch({ runtime: { missingBuiltins: ['node:sqlite'] } });
      const code = await exitCode(app);
      assert(code === 1, `the app exited with ${code}:\n${app.output}`);
      const dialogs = app.calls('dialog.showErrorBox');
      assert(dialogs.length === 1, `${dialogs.length} error dialogs were shown:\n${app.output}`);
      assert(!dialogs[0]!.beforeReady, 'the dialog came before ready (Linux then prints it to stderr only)');
      const [title, message] = dialogs[0]!.args as [string, string];
      assert(/Electron 45\b/.test(message) && /node:sqlite/.test(message), `the dialog says: ${title}: ${message}`);
      assert(app.calls('new BrowserWindow').length === 0, 'a window was opened');
      assert(folderState(smoke.dataDir) === before, 'the data folder changed');
      return title;
    },
  );
}
