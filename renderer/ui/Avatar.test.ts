import { describe, expect, it } from 'vitest';
import { initials } from './Avatar.tsx';

describe('initials', () => {
  it.each([
    ['Ada King Lovelace', 'AL'],
    ['Dr. Erika Mustermann', 'EM'],
    ['Mr. John Quinlan Public Doe Sr.', 'JD'],
    ['Prof Ngozi Adeyemi PhD', 'NA'],
    ['Ms', 'M'],
    ['ümit yılmaz', 'ÜY'],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
