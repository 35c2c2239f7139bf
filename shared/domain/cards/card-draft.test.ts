import { describe, expect, it } from 'vitest';
import { Profile } from './card-draft.ts';

describe('my card', () => {
  it('takes a web address as typed, giving it https:// when it has no scheme', () => {
    expect(Profile.parse({ name: 'Ada', url: 'linkedin.com/in/ada' }).url).toBe('https://linkedin.com/in/ada');
    expect(Profile.parse({ name: 'Ada', url: ' https://ada.example.org ' }).url).toBe('https://ada.example.org');
    expect(Profile.parse({ name: 'Ada', url: '' }).url).toBe('');
    expect(Profile.safeParse({ name: 'Ada', url: 'ftp://ada.example.org' }).success).toBe(false);
    expect(Profile.safeParse({ name: 'Ada', url: 'not an address' }).success).toBe(false);
    // No dot in the host: not linkedin.com, and a dead link in the QR code.
    expect(Profile.safeParse({ name: 'Ada', url: 'linkedin/sam' }).error?.issues[0]?.message).toBe(
      'Enter a web address, like linkedin.com/in/you',
    );
  });
});
