import { makeTemplatesFolder } from './seeded-folder.ts';

/** One folder of seeded templates for the whole run, shared by the workers (seeded-folder.ts). */
export default function globalSetup(): () => void {
  return makeTemplatesFolder();
}
