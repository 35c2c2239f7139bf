import type { ImportService } from './import-service.ts';

/**
 * The import service, loaded on the first import: its parsers (ical.js for vCards, papaparse for
 * CSV) are a few hundred kB of code that no start-up and no first screen needs.
 */
export function lazyImportService(load: () => Promise<ImportService>): ImportService {
  let service: ImportService | undefined;
  let loading: Promise<ImportService> | undefined;
  const ready = async () => (service ??= await (loading ??= load()));
  return {
    preview: async (...args) => (await ready()).preview(...args),
    previewAgain: async (...args) => (await ready()).previewAgain(...args),
    commit: async (...args) => (await ready()).commit(...args),
    // Before the first preview there is no session to cancel or list.
    cancel: (sessionId) => service?.cancel(sessionId) ?? false,
    planned: (sessionId) => service?.planned(sessionId) ?? [],
    close: async () => {
      if (loading) await (await loading).close();
    },
  };
}
