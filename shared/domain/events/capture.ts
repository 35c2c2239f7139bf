/**
 * Reading the quick-capture "how to follow up" box: an email address, a phone number or a
 * profile link goes onto the person; anything else ("coffee next week") is kept as a note on the
 * interaction. Pure, so the parsing is table-tested.
 */
import { isEmailAddress } from '../email.ts';
import { withWebScheme } from '../web-address.ts';

export type FollowUpHow =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'linkedin' | 'website'; value: string }
  | { kind: 'note'; value: string }
  | { kind: 'none' };

const PHONE = /^\+?[\d\s().-]{6,}$/;
const URL_LIKE = /^(https?:\/\/)?([\w-]+\.)+[a-z]{2,}(\/\S*)?$/i;

export function parseFollowUpHow(text: string): FollowUpHow {
  const value = text.trim().replace(/^mailto:/i, '');
  if (!value) return { kind: 'none' };
  if (isEmailAddress(value)) return { kind: 'email', value };
  if (PHONE.test(value) && value.replace(/\D/g, '').length >= 6) return { kind: 'phone', value };
  if (URL_LIKE.test(value)) {
    const url = withWebScheme(value);
    return { kind: /(^|\.)linkedin\.com$/i.test(new URL(url).hostname) ? 'linkedin' : 'website', value: url };
  }
  return { kind: 'note', value };
}
