/**
 * What a QR code on a card holds: a vCard (read by the core's vCard layer), a profile or web
 * address (LinkedIn's own QR codes, a personal site), an email or phone link, or anything else.
 */
import { CardDraft } from './card-draft.ts';

export type QrContent =
  { kind: 'vcard'; text: string } | { kind: 'url'; draft: CardDraft } | { kind: 'other'; draft: CardDraft };

/** `amara-okafor-4b1a2c` → "Amara Okafor": the words of a profile's slug, without its id. */
function nameFromSlug(slug: string): string {
  const words = decodeURIComponent(slug)
    .split(/[-_.]+/)
    .filter((word) => /^\p{L}+$/u.test(word));
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

const PROFILE_PATHS: Array<[RegExp, RegExp]> = [
  [/(?:^|\.)linkedin\.com$/i, /^\/in\/([^/?#]+)/],
  [/(?:^|\.)github\.com$/i, /^\/([^/?#]+)\/?$/],
  [/(?:^|\.)(?:twitter|x)\.com$/i, /^\/([^/?#]+)\/?$/],
  [/./, /^\/@([^/?#]+)\/?$/],
];

/** A draft from a profile address: the URL itself and, for a profile with a readable slug, a name to check. */
export function draftFromProfileUrl(address: string): CardDraft {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return CardDraft.parse({ url: address.slice(0, 2000) });
  }
  let name = '';
  for (const [host, path] of PROFILE_PATHS) {
    const slug = host.test(url.hostname) ? path.exec(url.pathname)?.[1] : undefined;
    if (slug) {
      name = nameFromSlug(slug);
      break;
    }
  }
  return CardDraft.parse({ name: name.includes(' ') ? name : '', url: url.href.slice(0, 2000) });
}

export function classifyQr(text: string): QrContent {
  const trimmed = text.trim();
  if (/^BEGIN:VCARD/i.test(trimmed)) return { kind: 'vcard', text: trimmed };
  if (/^https?:\/\//i.test(trimmed)) return { kind: 'url', draft: draftFromProfileUrl(trimmed) };
  const mailto = /^mailto:([^?]+)/i.exec(trimmed);
  if (mailto) return { kind: 'other', draft: CardDraft.parse({ email: decodeURIComponent(mailto[1]!) }) };
  const tel = /^tel:(.+)$/i.exec(trimmed);
  if (tel) return { kind: 'other', draft: CardDraft.parse({ phone: decodeURIComponent(tel[1]!) }) };
  return { kind: 'other', draft: CardDraft.parse({ note: trimmed.slice(0, 2000) }) };
}
