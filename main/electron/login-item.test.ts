import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyOpenAtLogin, autostartEntry, launchedHidden } from './login-item.ts';

describe('open at login', () => {
  it('sets a hidden login item on macOS and Windows', async () => {
    const app = { setLoginItemSettings: vi.fn(), getPath: () => '/unused' };
    await applyOpenAtLogin(app, true, 'darwin');
    await applyOpenAtLogin(app, false, 'win32');
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }],
      [{ openAtLogin: false, openAsHidden: true, args: ['--hidden'] }],
    ]);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const appData = mkdtempSync(join(tmpdir(), 'rapport-autostart-'));
    try {
      const app = { setLoginItemSettings: vi.fn(), getPath: () => appData };
      const file = join(appData, 'autostart', 'rapport.desktop');
      await applyOpenAtLogin(app, true, 'linux', '/opt/Rapport/rapport');
      expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Rapport/rapport --hidden');
      await applyOpenAtLogin(app, false, 'linux');
      expect(existsSync(file)).toBe(false);
      expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    } finally {
      rmSync(appData, { recursive: true, force: true });
    }
  });

  it('quotes an executable path with spaces and knows a hidden launch', () => {
    expect(autostartEntry('/home/a b/Rapport')).toContain('Exec="/home/a b/Rapport" --hidden');
    expect(launchedHidden(['rapport', '--hidden'])).toBe(true);
    expect(launchedHidden(['rapport'], true)).toBe(true);
    expect(launchedHidden(['rapport'])).toBe(false);
  });
});
