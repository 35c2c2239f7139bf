/**
 * Packs the app with `electron-builder --dir` for Linux against a stub Electron, the way
 * package.test.ts runs it: `node --import ./no-network.ts pack-app.ts <stub dist> <output dir>`.
 * Everything comes from electron-builder.yml except where the stub needs otherwise.
 */
import { Arch, build, Platform } from 'electron-builder';

const [electronDist, output] = process.argv.slice(2);
if (!electronDist || !output) throw new Error('Usage: pack-app.ts <stub electron dist> <output dir>');

await build({
  projectDir: process.cwd(),
  targets: Platform.LINUX.createTarget('dir', Arch.x64),
  publish: 'never',
  config: {
    // A folder with a placeholder binary instead of a downloaded Electron.
    electronDist,
    // Fuses are flipped in the Electron binary itself; a stub has none to flip.
    electronFuses: null,
    directories: { output },
  },
});
