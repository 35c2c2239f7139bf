import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Launched at login: start hidden in the tray instead of opening the window. */
export const HIDDEN_ARG = '--hidden';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  getPath(name: 'appData'): string;
}

/** An XDG autostart entry: what Linux desktops read at login (Electron's API is macOS/Windows only). */
export function autostartEntry(execPath: string): string {
  const quoted = /[\s"]/.test(execPath) ? `"${execPath.replace(/"/g, '\\"')}"` : execPath;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Rapport',
    `Exec=${quoted} ${HIDDEN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');
}

/**
 * Applies the "Open at login" setting: the login item on macOS and Windows, an autostart
 * `.desktop` file on Linux. Either way the app starts with `--hidden`.
 */
export async function applyOpenAtLogin(
  app: LoginItemApp,
  openAtLogin: boolean,
  platform: NodeJS.Platform = process.platform,
  execPath = process.execPath,
): Promise<void> {
  if (platform === 'linux') {
    const dir = join(app.getPath('appData'), 'autostart');
    const file = join(dir, 'rapport.desktop');
    if (openAtLogin) {
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartEntry(execPath), 'utf8');
    } else await rm(file, { force: true });
    return;
  }
  app.setLoginItemSettings({ openAtLogin, openAsHidden: true, args: [HIDDEN_ARG] });
}

/** Whether this launch came from the login item (start in the tray, no window). */
export function launchedHidden(argv: readonly string[], wasOpenedAtLogin = false): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}
