import { describe, expect, it } from 'vitest';
import { blankLogDraft, draftKey, forgetLogDraftsAbout, loadLogDraft, saveLogDraft } from './log-draft.ts';

describe('log drafts', () => {
  it('are forgotten when a person they name is deleted, opened with or picked since', () => {
    const withSam = draftKey(['sam'], '');
    const pickedAnn = draftKey([], '');
    const other = draftKey(['bo'], '');
    saveLogDraft(withSam, { ...blankLogDraft(['sam'], ''), notes: 'Sam: sensitive' });
    saveLogDraft(pickedAnn, { ...blankLogDraft([], ''), ids: ['ann'], notes: 'about Ann' });
    saveLogDraft(other, { ...blankLogDraft(['bo'], ''), notes: 'Bo' });
    forgetLogDraftsAbout(['sam', 'ann']);
    expect(loadLogDraft(withSam)).toBeUndefined();
    expect(loadLogDraft(pickedAnn)).toBeUndefined();
    expect(loadLogDraft(other)?.notes).toBe('Bo');
  });
});
