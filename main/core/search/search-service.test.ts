import { describe, expect, it, vi } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';
import { createSearchService } from './search-service.ts';

describe('search', () => {
  it('tries to build its index again after a failed build, instead of staying broken until a restart', async () => {
    const t = await openTestCore();
    await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-10', contactIds: [] },
      newPeople: ['Sam Okafor'],
      details: [{ text: 'new puppy Biscuit' }],
    });
    const search = createSearchService(t.core.db);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const find = vi.spyOn(t.core.db.details, 'find').mockImplementationOnce(() => {
      throw new Error('disk read failed');
    });
    await expect(search.query('biscuit', 10)).rejects.toThrow('disk read failed');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('the next search tries again'), expect.any(Error));
    find.mockRestore();
    const hits = await search.query('biscuit', 10);
    expect(hits.map((h) => [h.kind, h.title])).toEqual([['detail', 'Sam Okafor']]);
    // Nothing from the failed attempt lingers: a person added now is found once, by a fresh build.
    await t.call('contacts.create', { displayName: 'Biscuit Baker' });
    expect((await search.query('biscuit', 10)).map((h) => h.title)).toEqual(['Biscuit Baker', 'Sam Okafor']);
    search.close();
  });
});
