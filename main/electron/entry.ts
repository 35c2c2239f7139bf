/**
 * The main bundle's entry (out/main/index.js). It checks the runtime first and loads the app
 * (index.ts) only when the runtime has what the app imports; otherwise it shows one dialog and
 * exits without opening, creating or locking the data folder.
 */
import { app, dialog } from 'electron';
import { missingFeatures, runtimeProblem } from './runtime-check.ts';

const missing = missingFeatures();
if (missing.length === 0) {
  // Awaited at the top level: Electron emits `ready` only after the entry module has settled, and
  // the app must request the single-instance lock and set paths before that.
  await import('./index.ts');
} else {
  // Not awaited: the entry must settle for `ready` to come. Before `ready`, showErrorBox only
  // prints to stderr on Linux.
  void app.whenReady().then(() => {
    const { title, message } = runtimeProblem(missing, process.versions);
    dialog.showErrorBox(title, message);
    app.exit(1);
  });
}
