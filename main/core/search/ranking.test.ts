/**
 * The search's top results over the demo data, written down with the in-memory index before
 * search moved to SQLite FTS5 (ranking-baseline.json). Any search implementation must return the
 * same top hits, in order, with the same snippets and highlights, except on the rows listed in
 * CHANGED, each with the reason it changed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Rows that changed with FTS5, and why: each query names a person and something from their
 * details, which the in-memory index could not combine (every word had to match inside one
 * document). The people found now are listed; the old hits follow in their old order.
 */
const CHANGED: Record<string, { added: string[] }> = {
  // Kofi Oyelaran's detail: nothing matched both words before.
  'kofi podcast': { added: ['detail Kofi Oyelaran: Launching a podcast about four-day weeks'] },
  // Daniel Hall's detail (the other Daniels have no cabin).
  'daniel cabin': { added: ['detail Daniel Hall: Building a cabin with his brother'] },
};

/**
 * Queries whose hits are the same, in the same order, but where a snippet that opened inside the
 * text's first word ("…apped messages with Inês") now opens at the text's start ("Swapped
 * messages with Inês"), its window moved by those few characters.
 */
const SNIPPET_OPENS_AT_START = ['ines', 'Inês', 'founders breakfast'];

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
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Row[]>;
    expect(Object.keys(baseline)).toEqual(QUERIES);
    const differ = QUERIES.filter((q) => JSON.stringify(actual[q]) !== JSON.stringify(baseline[q]));
    expect(differ).toEqual([...Object.keys(CHANGED), ...SNIPPET_OPENS_AT_START].sort(byQuery));
    for (const q of QUERIES.filter((q) => !(q in CHANGED) && !SNIPPET_OPENS_AT_START.includes(q)))
      expect({ q, hits: actual[q] }).toEqual({ q, hits: baseline[q] });
  });

  it('changes snippets only where one opened inside the first word of its text', () => {
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Row[]>;
    const highlighted = (hit: Row) => hit.highlights.map(([a, b]) => hit.snippet.slice(a, b));
    for (const q of SNIPPET_OPENS_AT_START) {
      const now = actual[q]!;
      const before = baseline[q]!;
      expect(now.map(({ snippet: _s, highlights: _h, ...hit }) => hit)).toEqual(
        before.map(({ snippet: _s, highlights: _h, ...hit }) => hit),
      );
      for (const [i, hit] of now.entries()) {
        const old = before[i]!;
        expect(highlighted(hit), q).toEqual(highlighted(old));
        if (hit.snippet === old.snippet) continue;
        // The old one opened mid-word; the new one opens at the start and reads on to the same first match.
        expect(old.snippet.startsWith('…'), q).toBe(true);
        expect(hit.snippet.startsWith('…'), q).toBe(false);
        const upToMatch = old.snippet.slice(1, old.highlights[0]![1]);
        expect(hit.snippet, q).toMatch(new RegExp(`^\\p{L}{1,11}${escapeRegExp(upToMatch)}`, 'u'));
      }
    }
  });

  it('changes rows only by adding people whose words combine across their fields and details', () => {
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, Row[]>;
    for (const [q, { added }] of Object.entries(CHANGED)) {
      const old = new Set(baseline[q]!.map((h) => h.id));
      const fresh = actual[q]!.filter((h) => !old.has(h.id));
      expect({ q, added: fresh.map((h) => `${h.kind} ${h.title}: ${h.snippet}`) }).toEqual({ q, added });
      // Everything else is the old list, in the old order, moved down by the additions.
      expect(actual[q]!.filter((h) => old.has(h.id))).toEqual(baseline[q]!.slice(0, TOP - fresh.length));
    }
  });
});

const byQuery = (a: string, b: string) => QUERIES.indexOf(a) - QUERIES.indexOf(b);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
