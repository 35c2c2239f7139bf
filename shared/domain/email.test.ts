import { describe, expect, it } from 'vitest';
import { isEmailAddress } from './email.ts';

describe('isEmailAddress', () => {
  it.each(['ann@example.com', 'first.last+tag@mail.example.co.uk', "o'brien@example.ie", ' ann@example.com '])(
    'accepts %s',
    (value) => expect(isEmailAddress(value)).toBe(true),
  );

  it.each(['bob@example', 'bob@', '@example.com', 'bob example.com', 'bob@@example.com', 'bob@example.c', ''])(
    'refuses %j',
    (value) => expect(isEmailAddress(value)).toBe(false),
  );
});
