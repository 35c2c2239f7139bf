import type { SecretStore } from '../ports.ts';

/** Secrets kept only while the process runs (browser mode, the CLI, tests). */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    persistent: false,
    read: async (name) => values.get(name),
    write: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  };
}
