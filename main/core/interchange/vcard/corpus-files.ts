/**
 * The shared corpus: 195 real vCard files from 15 projects (../shared/vcard-corpus, outside this
 * repo; SOURCES.md lists sources, licences and which files are deliberately malformed).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../../../shared/vcard-corpus/', import.meta.url));
export const corpusPresent = existsSync(dir);
if (!corpusPresent) console.warn(`vCard corpus not found at ${dir}; corpus tests skipped`);

export interface CorpusFile {
  path: string;
  name: string;
  malformed: boolean;
}

/** Files per `## owner/repo` section of SOURCES.md; a row marked **malformed** is broken on purpose. */
export function corpusFiles(): CorpusFile[] {
  if (!corpusPresent) return [];
  const sources = readFileSync(`${dir}SOURCES.md`, 'utf8');
  const malformed = new Set<string>();
  let folder = '';
  for (const line of sources.split('\n')) {
    const section = /^## (\S+)\/(\S+)/.exec(line);
    if (section) folder = `${section[1]}_${section[2]}`;
    const row = /^\| ([^|]+\.vcf) \|/.exec(line);
    if (row && line.includes('**malformed**')) malformed.add(`${folder}/${row[1]!.trim()}`);
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(`${dir}${d.name}`).map((f) => `${d.name}/${f}`))
    .sort()
    .map((name) => ({ path: `${dir}${name}`, name, malformed: malformed.has(name) }));
}
