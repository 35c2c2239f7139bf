import { createRequire } from 'node:module';

/** electron-builder's configuration as electron-builder itself reads it (app-builder-lib has no exports map). */
export interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

export const loadBuilderConfig = (projectDir: string): Promise<BuilderConfig> =>
  getConfig(projectDir, 'electron-builder.yml', null);

/** electron-builder's own validator; rejects with the offending key. */
export const validateBuilderConfig = (config: BuilderConfig): Promise<void> =>
  validateConfiguration(config, new DebugLogger(false));
