import { describe, expect, it } from 'vitest';
import { introOptInDrafts } from './intro-drafts.ts';

describe('introOptInDrafts', () => {
  const ana = { displayName: 'Ana Costa', givenName: 'Ana', lookingFor: 'a Rust mentor.' };
  const ben = {
    displayName: 'Ben Okafor',
    role: 'Staff engineer',
    organisation: 'Globex',
    canHelpWith: 'Rust mentoring',
  };

  it('asks each side separately, naming what one needs and the other offers', () => {
    const [toSeeker, toHelper] = introOptInDrafts(ana, ben, 'Sam');
    expect(toSeeker.to).toBe('seeker');
    expect(toSeeker.subject).toBe('An introduction to Ben Okafor?');
    expect(toSeeker.body).toContain(
      'looking for a Rust mentor. I know Ben Okafor (Staff engineer at Globex), who is good on Rust mentoring.',
    );
    expect(toSeeker.body).toContain('I’ll check with Ben too');
    expect(toHelper.to).toBe('helper');
    expect(toHelper.body).toMatch(/^Hi Ben,\n\nI know Ana Costa, who is looking for a Rust mentor\./);
    expect(toHelper.body).toContain('I won’t pass on your details unless you say yes');
    expect(toHelper.body.endsWith('Best wishes,\nSam')).toBe(true);
  });

  it('still reads without looking-for or can-help text', () => {
    const [toSeeker, toHelper] = introOptInDrafts({ displayName: 'Ana' }, { displayName: 'Ben' });
    expect(toSeeker.body).toContain('looking for something you might know about');
    expect(toHelper.body).toContain('experience with this');
  });
});
