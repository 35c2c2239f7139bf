import { describe, expect, it } from 'vitest';
import type { AnnouncementDraftView } from '../../../shared/ipc/channels/network.ts';
import { formDrafts } from '../../ui/drafts/draft-store.ts';
import { forgetTypedAbout } from '../person/forget-typed.ts';
import { AnnouncementForm, EMPTY_FORM } from './announcement-form.ts';
import {
  announcementSlot,
  editMessage,
  mergedMessageLine,
  Messages,
  messagesSlot,
  NO_MESSAGES,
  redraft,
  withoutRecipients,
} from './announcement-drafts.ts';

const to = (id: string, body = `Hi ${id}`): AnnouncementDraftView => ({
  person: { id, displayName: id.toUpperCase() },
  subject: 'News',
  body,
  opening: 'ask',
});
const bodies = (m: Messages) => Object.fromEntries((m.drafts ?? []).map((d) => [d.person.id, d.body]));

describe('drafting the messages again', () => {
  const first = redraft(NO_MESSAGES, [to('ana'), to('ben'), to('cy')]).messages;

  it('replaces the untouched messages and leaves the edited one as the user wrote it', () => {
    const edited = editMessage(first, 'ana', 'Hi Ana, you first heard it at lunch');
    const again = redraft(edited, [to('ana', 'Hi ana, signed Sam'), to('ben', 'Hi ben, signed Sam'), to('cy')]);
    expect(bodies(again.messages)).toEqual({
      ana: 'Hi Ana, you first heard it at lunch',
      ben: 'Hi ben, signed Sam',
      cy: 'Hi cy',
    });
    expect(again.keptEdits).toEqual(['ANA']);
    expect(again.noLongerMatching).toEqual([]);
  });

  it('drops untouched messages to people who no longer match, keeps one edited or sent, and says so', () => {
    const touched = { ...editMessage(first, 'ana', 'Hi Ana!'), sent: ['ben'] };
    const again = redraft(touched, [to('dee')]);
    expect(again.messages.drafts?.map((d) => d.person.id)).toEqual(['dee', 'ana', 'ben']);
    expect(again.messages.sent).toEqual(['ben']);
    expect(again.keptEdits).toEqual(['ANA']);
    expect(again.noLongerMatching).toEqual(['ANA', 'BEN']);
  });

  it('keeps every message of drafts kept before edits were recorded, as edited', () => {
    const legacy = { drafts: [to('ana', 'Hi Ana, changed')], sent: [] };
    expect(bodies(redraft(legacy, [to('ana')]).messages)).toEqual({ ana: 'Hi Ana, changed' });
  });

  it('takes a removed recipient’s message away, edited or not', () => {
    const edited = editMessage(first, 'ben', 'Hi Ben!');
    const without = withoutRecipients({ ...edited, sent: ['ben'] }, ['ben']);
    expect(bodies(without)).toEqual({ ana: 'Hi ana', cy: 'Hi cy' });
    expect([without.sent, without.edited]).toEqual([[], []]);
  });
});

describe('deleting or merging a person', () => {
  it('forgets the kept messages to them and takes them out of the chosen people, only them', () => {
    const opening = JSON.stringify({});
    formDrafts.save(announcementSlot(opening), EMPTY_FORM, { ...EMPTY_FORM, contactIds: ['ana', 'ben'] });
    formDrafts.save(
      messagesSlot(opening),
      NO_MESSAGES,
      editMessage(redraft(NO_MESSAGES, [to('ana'), to('ben')]).messages, 'ana', 'Private: ana'),
    );
    forgetTypedAbout(['ana']);
    const messages = formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages);
    expect(bodies(messages!)).toEqual({ ben: 'Hi ben' });
    expect(window.localStorage.getItem('rapport.form-drafts')).not.toContain('Private: ana');
    expect(formDrafts.load(announcementSlot(opening), EMPTY_FORM, AnnouncementForm)?.contactIds).toEqual(['ben']);
  });

  it('brings every message and pick back when the delete is undone', () => {
    const opening = JSON.stringify({ kind: 'new-role' });
    const form = { ...EMPTY_FORM, role: 'Editor', contactIds: ['ana', 'ben'] };
    formDrafts.save(announcementSlot(opening), EMPTY_FORM, form);
    const drafted = redraft(NO_MESSAGES, [to('ana'), to('ben')]).messages;
    const messages = { ...editMessage(drafted, 'ana', 'Private: ana'), sent: ['ben'] };
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, messages);
    // Ben was sent his: without Ana the announcement is out, and the whole composer goes.
    const bringBack = forgetTypedAbout(['ana']);
    expect(formDrafts.load(announcementSlot(opening), EMPTY_FORM, AnnouncementForm)).toBeUndefined();
    bringBack();
    expect(formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)).toEqual(messages);
    expect(formDrafts.load(announcementSlot(opening), EMPTY_FORM, AnnouncementForm)).toEqual(form);
  });

  it('forgets the whole composer when everyone left was sent their message', () => {
    const opening = JSON.stringify({ kind: 'new-role' });
    formDrafts.save(announcementSlot(opening), EMPTY_FORM, { ...EMPTY_FORM, role: 'Editor' });
    const drafted = redraft(NO_MESSAGES, [to('ana'), to('ben')]).messages;
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, { ...drafted, sent: ['ben'] });
    forgetTypedAbout(['ana']);
    expect(formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)).toBeUndefined();
    expect(formDrafts.load(announcementSlot(opening), EMPTY_FORM, AnnouncementForm)).toBeUndefined();
  });

  it('gives the person kept in a merge the message written to the one merged away, and keeps both when both were written', () => {
    const opening = JSON.stringify({ kind: 'promotion' });
    const drafted = redraft(NO_MESSAGES, [to('ann'), to('anne'), to('ben')]).messages;
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, editMessage(drafted, 'ann', 'Written to Ann'));
    forgetTypedAbout(['ann'], 'anne');
    const moved = formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)!;
    expect(bodies(moved)).toEqual({ anne: 'Written to Ann', ben: 'Hi ben' });
    expect(moved.edited).toContain('anne');

    // Both written to: nothing typed is dropped; the kept person's message comes first.
    const both = editMessage(editMessage(drafted, 'ann', 'Written to Ann'), 'anne', 'Written to Anne');
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, both);
    forgetTypedAbout(['ann'], 'anne');
    const joined = formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)!;
    expect(bodies(joined)).toEqual({
      anne: `Written to Anne\n\n${mergedMessageLine('ANN')}\nWritten to Ann`,
      ben: 'Hi ben',
    });
    expect(joined.edited).toContain('anne');

    // The kept person's message already sent: it stays sent, and the other text is kept with it.
    const sentToAnne = { ...both, sent: ['anne'] };
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, sentToAnne);
    forgetTypedAbout(['ann'], 'anne');
    const afterSent = formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)!;
    expect(afterSent.sent).toEqual(['anne']);
    expect(bodies(afterSent).anne).toBe(`Written to Anne\n\n${mergedMessageLine('ANN')}\nWritten to Ann`);

    // Every other message sent too: the composer is kept for the moved text, not forgotten as finished.
    formDrafts.save(messagesSlot(opening), NO_MESSAGES, { ...both, sent: ['anne', 'ben'] });
    forgetTypedAbout(['ann'], 'anne');
    expect(bodies(formDrafts.load(messagesSlot(opening), NO_MESSAGES, Messages)!).anne).toContain('Written to Ann');
  });

  it('puts the person they were merged into among the chosen people, once', () => {
    const opening = JSON.stringify({ kind: 'moving' });
    formDrafts.save(announcementSlot(opening), EMPTY_FORM, { ...EMPTY_FORM, contactIds: ['ann', 'anne', 'ben'] });
    forgetTypedAbout(['ann'], 'anne');
    expect(formDrafts.load(announcementSlot(opening), EMPTY_FORM, AnnouncementForm)?.contactIds).toEqual([
      'anne',
      'ben',
    ]);
  });
});
