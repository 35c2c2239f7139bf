/**
 * Module resolution hooks for a fake Electron process (registered by bin.ts with
 * `module.register`, so they run on Node's loader thread):
 * - `electron` resolves to the fake;
 * - built-ins this simulated Electron lacks fail as they would in Electron's Node;
 * - a module inside the app folder may only load files inside it, as in a packaged app, where
 *   nothing outside app.asar ships.
 */
import type { ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface HookData {
  fakeElectronUrl: string;
  /** `file:` URL of the app folder, ending in `/`. */
  appDirUrl: string;
  missingBuiltins: string[];
}

let data: HookData;

export function initialize(hookData: HookData): void {
  data = hookData;
}

function moduleError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  if (specifier === 'electron' || specifier === 'electron/main')
    return { url: data.fakeElectronUrl, shortCircuit: true };
  if (data.missingBuiltins.includes(specifier) || data.missingBuiltins.includes(`node:${specifier}`))
    throw moduleError('ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
  const resolved = await nextResolve(specifier, context);
  const parent = context.parentURL;
  const escapes = resolved.url.startsWith('file:') && !resolved.url.startsWith(data.appDirUrl);
  if (parent?.startsWith(data.appDirUrl) && escapes) {
    throw moduleError(
      'ERR_MODULE_NOT_FOUND',
      `Cannot find package '${specifier}' imported from ${fileURLToPath(parent)}: it is only found outside ` +
        `the app folder (${fileURLToPath(resolved.url)}), which a packaged app does not contain.`,
    );
  }
  return resolved;
};
