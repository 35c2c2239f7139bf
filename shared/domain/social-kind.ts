import type { SocialKind } from './contact.ts';
import { withWebScheme } from './web-address.ts';

const HOST_KINDS: Array<[RegExp, SocialKind]> = [
  [/^(?:[\w-]+\.)*linkedin\.com$/i, 'linkedin'],
  [/^(?:[\w-]+\.)*(?:twitter|x)\.com$/i, 'x'],
  [/^(?:[\w-]+\.)*github\.com$/i, 'github'],
];

/** `@user@host`, the way Mastodon users write their address. */
const MASTODON_HANDLE = /^@[\w.-]+@[\w-]+(?:\.[\w-]+)+$/;
/** Profile URLs on any Mastodon server look like `https://host/@user`. */
const MASTODON_PATH = /^\/@[\w.-]+\/?$/;

/** Which network a profile URL or handle belongs to; anything unrecognised is a website. */
export function detectSocialKind(url: string): SocialKind {
  const value = url.trim();
  if (MASTODON_HANDLE.test(value)) return 'mastodon';
  const host = hostOf(value);
  if (!host) return 'website';
  for (const [pattern, kind] of HOST_KINDS) if (pattern.test(host.hostname)) return kind;
  if (MASTODON_PATH.test(host.pathname)) return 'mastodon';
  return 'website';
}

function hostOf(value: string): URL | undefined {
  const candidate = withWebScheme(value);
  try {
    const url = new URL(candidate);
    return url.hostname.includes('.') ? url : undefined;
  } catch {
    return undefined;
  }
}
