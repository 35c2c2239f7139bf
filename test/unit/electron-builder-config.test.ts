import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// app-builder-lib has no exports map; these are the functions electron-builder itself runs.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => getConfig(process.cwd(), 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validator", async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator rejects an unknown key (so the check above can fail)', async () => {
    const config = { ...(await load()), notAnOption: true };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('names the app, targets every desktop, flips the security fuses and finds its icons', async () => {
    const config = (await load()) as {
      appId: string;
      productName: string;
      linux: { target: string[] };
      win: { target: string; icon: string };
      mac: { target: string; icon: string };
      electronFuses: Record<string, boolean>;
    };
    expect(config.productName).toBe('Rapport');
    expect(config.appId).toBe('app.rapport.desktop');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    for (const icon of [
      config.win.icon,
      config.mac.icon,
      'build/icons/icon.png',
      'build/icons/tray.png',
      'build/icons/tray@2x.png',
    ]) {
      expect(existsSync(icon), icon).toBe(true);
    }
  });
});
