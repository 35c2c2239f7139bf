import { expect, it } from 'vitest';
import { EventFields } from './model.ts';

const event = (link: string) =>
  EventFields.safeParse({ kind: 'meet-up', name: 'Leeds UX', startsOn: '2026-12-03', link });

it('gives a link typed without its scheme https://, keeps mailto:, and refuses what is no address', () => {
  expect(event('meetup.com/leeds-ux').data?.link).toBe('https://meetup.com/leeds-ux');
  expect(event(' http://example.org/x ').data?.link).toBe('http://example.org/x');
  expect(event('mailto:hello@example.org').data?.link).toBe('mailto:hello@example.org');
  expect(event('two words').error?.issues[0]?.message).toBe('Use a web address, like meetup.com/your-group');
});
