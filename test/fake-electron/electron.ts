/**
 * What `import … from 'electron'` gives the app under the fake (hooks.ts points the specifier
 * here). Every export is the process-wide fake that bin.ts installed before loading the app.
 */
import { current } from './runtime.ts';

const electron = current();

export const {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
  webContents,
} = electron;
export default electron;
