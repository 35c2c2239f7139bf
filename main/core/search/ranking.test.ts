/**
 * The search's top results over the demo data, written down with the in-memory index before
 * search moved to SQLite FTS5 (ranking-baseline.json). Any search implementation must return the
 * same top hits, in order, with the same snippets and highlights, except on the rows listed in
 * CHANGED, each with the reason it changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import { writeDemoData } from '../../../scripts/demo-data/write.ts';
import { openCore, type Core } from '../core.ts';

const BASELINE_FILE = new URL('./ranking-baseline.json', import.meta.url);
const TOP = 8;

/** Names, organisations, roles, tags, details, interaction words; prefixes, accents, two words. */
const QUERIES = [
  'a',
  's',
  'm',
  'el',
  'ma',
  'jo',
  'kof',
  'kofi',
  'eleanor',
  'eleanor marsh',
  'marsh eleanor',
  'ines',
  'Inês',
  'INES FERREIRA',
  'ruairi',
  'bluestone',
  'bluestone media',
  'solicitor',
  'sales director',
  'data',
  'product',
  'podcast',
  'half marathon',
  'cabin brother',
  'surf',
  'coffee',
  'museum cafe',
  'video call',
  'lighthouse ledger',
  'founders breakfast',
  'portfolio',
  'the',
  'kofi podcast',
  'daniel cabin',
  'megan marathon',
  'eleanor journalist',
  'zzzz',
];

type Row = Pick<SearchHitView, 'kind' | 'id' | 'title' | 'field' | 'snippet' | 'highlights'>;
const row = ({ kind, id, title, field, snippet, highlights }: SearchHitView): Row => ({
  kind,
  id,
  title,
  field,
  snippet,
  highlights,
});

describe('search ranking over the demo data', () => {
  let core: Core;
  const actual: Record<string, Row[]> = {};

  const dir = mkdtempSync(join(tmpdir(), 'rapport-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    core = await openCore({ dataDir: dir, mode: 'browser', version: 'test' });
    await writeDemoData(core.db, { contacts: 200, interactions: 3000, today: '2026-03-18', seed: 1 });
    for (const q of QUERIES) actual[q] = (await core.call('search.query', { q, limit: 30 })).slice(0, TOP).map(row);
    await core.close();
  }, 60_000);

  it('returns the written-down top results', () => {
    if (process.env.WRITE_SEARCH_BASELINE === '1') writeFileSync(BASELINE_FILE, JSON.stringify(actual, null, 1) + '\n');
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Row[]>;
    expect(Object.keys(baseline)).toEqual(QUERIES);
    for (const q of QUERIES) expect({ q, hits: actual[q] }).toEqual({ q, hits: baseline[q] });
  });
});
