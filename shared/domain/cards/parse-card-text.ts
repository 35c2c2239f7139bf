/**
 * Turns the text OCR read off a business card into the fields of a CardDraft. Cards have no
 * fixed layout, so every line is classified on its own (an email, a phone, a web address, a job
 * title, an organisation, a name) and what is left goes into the note for the user to review.
 */
import { CardDraft } from './card-draft.ts';

const EMAIL = /[\w.+-]+\s?@\s?[\w-]+(?:\s?\.\s?[\w-]+)+/;
const URL_LIKE =
  /(?:https?:\/\/)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|dev|app|ai|uk|de|fr|eu|us|me|info|biz|example|studio|design|tech)(?:\.[a-z]{2})?(?:\/[^\s,;]*)?/i;
/** A run of phone characters holding at least seven digits. */
const PHONE = /\+?\(?\d[\d\s().\-/]{5,}\d/;
const LABEL =
  /^(?:(?:e-?mail|mail|tel|telephone|phone|mobile|mob|cell|office|direct|fax|web|website)\b\s*[:.|]?|(?:e|w|t|m|p|ph|f)\s*[:.|])\s*/i;
const FAX = /^(?:fax|f)\s*[:.|]/i;

const TITLE_WORDS =
  /\b(?:head|director|manager|engineer|designer|ceo|cto|cfo|coo|cmo|founder|co-founder|officer|lead|consultant|partner|analyst|developer|architect|president|vp|vice|chief|specialist|coordinator|professor|scientist|advisor|adviser|associate|executive|strategist|researcher|editor|writer|producer|recruiter|counsel|attorney|lawyer|accountant|nurse|doctor|teacher|lecturer|owner|principal|intern|assistant|representative|administrator|planner|therapist|photographer|chair|secretary|treasurer|supervisor|technician|agent|broker)\b/i;
const ORG_WORDS =
  /\b(?:ltd|limited|inc|llc|llp|plc|gmbh|ag|sa|bv|co|corp|corporation|company|group|labs?|studios?|analytics|partners|consulting|consultancy|systems|technologies|technology|tech|solutions|software|university|college|institute|agency|bank|foundation|trust|associates|industries|holdings|ventures|capital|media|health|networks|logistics|works|collective|society|council|school|hospital|clinic|digital|design|robotics|energy|bakery|press)\b\.?/i;
const ADDRESS_WORDS =
  /\b(?:street|st|road|rd|avenue|ave|lane|ln|square|sq|suite|floor|building|blvd|boulevard|way|place|pl|drive|dr|court|ct|house|park|po box)\b\.?/i;

/** Undoes the most common OCR slips inside an email or web address. */
function cleanAddress(value: string): string {
  return value.replace(/\s+/g, '').replace(/[,;:]+$/, '');
}

function stripLabel(line: string): string {
  return line.replace(LABEL, '').trim();
}

/** Letters of a line, lower-cased, for comparing it with an email's local part or domain. */
const letters = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (TITLE_WORDS.test(line) || ORG_WORDS.test(line) || /\d/.test(line)) return false;
  return words.every((word) => /^(?:\p{Lu}[\p{L}'’.-]*|d[aeiu]|van|von|de|la|le|bin|al-?)$/u.test(word));
}

/** How well a line matches the email's local part (`amara.okafor`, `aokafor`): 0 to 1. */
function nameScore(line: string, email: string): number {
  const local = letters(email.split('@')[0] ?? '');
  if (!local) return 0;
  const words = line.split(/\s+/).map(letters).filter(Boolean);
  const hits = words.filter((word) => word.length > 1 && local.includes(word)).length;
  const initials = words.map((w) => w[0]).join('');
  const initialHit = words.length > 1 && local.startsWith(initials.slice(0, -1)) && local.endsWith(words.at(-1)!);
  return Math.max(hits / Math.max(words.length, 1), initialHit ? 1 : 0);
}

/** Whether a line names the organisation the email or web address belongs to. */
function matchesDomain(line: string, domains: string[]): boolean {
  const compact = letters(line);
  if (compact.length < 3) return false;
  return domains.some((domain) => {
    const label = letters(domain.split('.')[0] ?? '');
    return label.length >= 3 && (compact.startsWith(label) || label.startsWith(compact));
  });
}

function domainsOf(email: string, url: string): string[] {
  const fromEmail = email.split('@')[1] ?? '';
  const fromUrl =
    url
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .split('/')[0] ?? '';
  return [fromEmail, fromUrl].filter(Boolean);
}

/** Reads a business card's OCR text into a draft; fields not found stay empty. */
export function parseCardText(ocrText: string): CardDraft {
  const lines = ocrText
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[|©®™•·]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => /[\p{L}\d]/u.test(line));

  let email = '';
  let phone = '';
  let url = '';
  const rest: string[] = [];
  for (const line of lines) {
    const bare = stripLabel(line);
    const emailMatch = EMAIL.exec(line);
    if (emailMatch) {
      if (!email) email = cleanAddress(emailMatch[0]).toLowerCase();
      const left = stripLabel(line.replace(emailMatch[0], ' ').trim());
      if (left) rest.push(left);
      continue;
    }
    const phoneMatch = PHONE.exec(bare);
    const digits = phoneMatch ? phoneMatch[0].replace(/\D/g, '').length : 0;
    if (phoneMatch && digits >= 7 && digits <= 15 && !ADDRESS_WORDS.test(bare)) {
      if (!phone && !FAX.test(line)) phone = phoneMatch[0].replace(/\s+/g, ' ').trim();
      const left = stripLabel(bare.replace(phoneMatch[0], ' ').trim());
      if (left && !URL_LIKE.test(left) && !/^[A-Za-z]{1,3}[:.]?$/.test(left)) rest.push(left);
      else if (left && URL_LIKE.test(left) && !url) url = cleanAddress(URL_LIKE.exec(left)![0]);
      continue;
    }
    const urlMatch = URL_LIKE.exec(bare);
    if (urlMatch && (urlMatch[0].length >= bare.length - 2 || /www\.|https?:|\//i.test(urlMatch[0]))) {
      if (!url) url = cleanAddress(urlMatch[0]);
      continue;
    }
    rest.push(line);
  }

  const domains = domainsOf(email, url);
  const taken = new Set<number>();
  const pick = (test: (line: string) => boolean) => {
    const index = rest.findIndex((line, i) => !taken.has(i) && test(line));
    if (index < 0) return '';
    taken.add(index);
    return rest[index]!;
  };

  // The name: the line most like the email's local part, else the first line shaped like a name.
  let name = '';
  if (email) {
    const scored = rest
      .map((line, index) => ({ index, score: looksLikeName(line) || /\s/.test(line) ? nameScore(line, email) : 0 }))
      .filter((s) => s.score >= 0.5 && !TITLE_WORDS.test(rest[s.index]!))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    if (scored[0]) {
      name = rest[scored[0].index]!;
      taken.add(scored[0].index);
    }
  }
  if (!name) name = pick(looksLikeName);

  const organisation =
    pick((line) => matchesDomain(line, domains) && !TITLE_WORDS.test(line)) ||
    pick((line) => ORG_WORDS.test(line) && !TITLE_WORDS.test(line) && !ADDRESS_WORDS.test(line)) ||
    pick((line) => line.length > 2 && line === line.toUpperCase() && /\p{L}{3}/u.test(line) && !/\d/.test(line));
  const title = pick((line) => TITLE_WORDS.test(line) && !/\d/.test(line));
  const note = rest.filter((_, index) => !taken.has(index)).join('\n');

  return CardDraft.parse({
    name: name ? titleCaseIfShouting(name) : '',
    email,
    phone,
    organisation,
    title,
    url,
    note: note.slice(0, 2000),
  });
}

/** "AMARA OKAFOR" → "Amara Okafor"; mixed case is kept as printed. */
function titleCaseIfShouting(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, before: string, first: string) => before + first.toUpperCase());
}
