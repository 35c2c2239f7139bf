/** Social profiles: which network a URL or handle belongs to. */
import type { SocialKind } from '../../../../shared/domain/contact.ts';
import { detectSocialKind } from '../../../../shared/domain/social-kind.ts';

/** Which network a URL or handle belongs to (shared with the person form). */
export const detectKind = detectSocialKind;

const TYPE_KINDS: Record<string, SocialKind> = {
  linkedin: 'linkedin',
  twitter: 'x',
  x: 'x',
  github: 'github',
  mastodon: 'mastodon',
  website: 'website',
  homepage: 'website',
  other: 'other',
};

/** The kind an X-SOCIALPROFILE TYPE names, if we model it. */
export function kindFromType(type: string | undefined): SocialKind | undefined {
  return type ? TYPE_KINDS[type.trim().toLowerCase()] : undefined;
}
