import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, fieldErrors, formFrom, purposeOf, toRequest } from './announcement-form.ts';

describe('toRequest', () => {
  it('sends only the fields of the chosen kind, blank ones left out, and splits lists on commas', () => {
    expect(
      toRequest({
        ...EMPTY_FORM,
        kind: 'moving',
        city: 'Lisbon',
        role: 'ignored',
        tags: ' rust, , design ',
        signature: ' ',
      }),
    ).toEqual({
      announcement: { kind: 'moving', city: 'Lisbon', movingOn: undefined },
      segment: { tags: ['rust', 'design'], organisations: [], tiers: [], contactIds: [] },
      signature: undefined,
    });
  });

  it('round-trips an event the events screen passes in', () => {
    const event = { name: 'RustConf', startsOn: '2027-03-14', endsOn: '2027-03-16', place: 'Lisbon' };
    expect(toRequest(formFrom({ kind: 'at-event', event })).announcement).toEqual({ kind: 'at-event', event });
  });
});

describe('purposeOf', () => {
  it.each([
    ['changing-jobs', 'ask', 'announcement-ask'],
    ['at-event', 'ask', 'invitation'],
    ['new-role', 'give-first', 'announcement-give-first'],
    ['at-event', 'give-first', 'announcement-give-first'],
  ] as const)('%s with a %s opening is logged as %s', (kind, opening, purpose) =>
    expect(purposeOf(kind, opening)).toBe(purpose),
  );
});

describe('fieldErrors', () => {
  it('keys each message by the last name in its path, and falls back to the form', () => {
    expect(
      fieldErrors(
        [
          { path: ['announcement', 'event', 'name'], message: 'Name the event' },
          { path: ['announcement', 'event', 'startsOn'], message: 'Use a date' },
        ],
        'Could not draft',
      ),
    ).toEqual({ name: 'Name the event', startsOn: 'Use a date' });
    expect(fieldErrors(undefined, 'Could not draft')).toEqual({ form: 'Could not draft' });
  });
});
