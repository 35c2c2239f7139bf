/**
 * Property and parameter names each vCard version allows, from the IANA vCard registry: RFC 2426
 * (3.0), RFC 6350 (4.0) and the RFCs that added to 4.0 (6474, 6715, 8605, 9554). Any version also
 * allows `X-` names. Import uses the list to tell a property line from a stray value; export
 * (hygiene.ts) uses it so every line it writes is valid for its version.
 */

/** In both 3.0 and 4.0. */
const COMMON = [
  'BEGIN',
  'END',
  'VERSION',
  'SOURCE',
  'FN',
  'N',
  'NICKNAME',
  'PHOTO',
  'BDAY',
  'ADR',
  'TEL',
  'EMAIL',
  'TZ',
  'GEO',
  'TITLE',
  'ROLE',
  'LOGO',
  'ORG',
  'CATEGORIES',
  'NOTE',
  'PRODID',
  'REV',
  'SOUND',
  'UID',
  'URL',
  'KEY',
];

/** RFC 2426 properties that RFC 6350 removed (its appendix A); plus IMPP (RFC 4770) for 3.0. */
const ONLY_3 = ['NAME', 'PROFILE', 'LABEL', 'MAILER', 'AGENT', 'SORT-STRING', 'CLASS', 'IMPP'];

const ONLY_4 = [
  'KIND',
  'XML',
  'ANNIVERSARY',
  'GENDER',
  'IMPP',
  'LANG',
  'MEMBER',
  'RELATED',
  'CLIENTPIDMAP',
  'FBURL',
  'CALADRURI',
  'CALURI',
  // RFC 6474, 6715, 8605
  'BIRTHPLACE',
  'DEATHPLACE',
  'DEATHDATE',
  'EXPERTISE',
  'HOBBY',
  'INTEREST',
  'ORG-DIRECTORY',
  'CONTACT-URI',
  // RFC 9554
  'CREATED',
  'GRAMGENDER',
  'LANGUAGE',
  'PRONOUNS',
  'SOCIALPROFILE',
  'JSPROP',
];

/**
 * 3.0 allows any IANA-registered name (RFC 2426 §4, iana-token), and the registry holds the 4.0
 * names too; 4.0 dropped the 3.0-only ones.
 */
export const PROPERTIES: Record<'3.0' | '4.0', ReadonlySet<string>> = {
  '3.0': new Set([...COMMON, ...ONLY_3, ...ONLY_4]),
  '4.0': new Set([...COMMON, ...ONLY_4]),
};

/** Lines every card has once and the exporter writes itself: never copied from an extension. */
export const STRUCTURE: ReadonlySet<string> = new Set(['BEGIN', 'END', 'VERSION', 'PRODID']);

/**
 * Properties a version allows at most once. RFC 2426 gives 3.0 no cardinalities, but the exporter
 * always writes N, so a kept second N is one too many there as well.
 */
export const AT_MOST_ONCE: Record<'3.0' | '4.0', ReadonlySet<string>> = {
  '3.0': new Set(['N']),
  '4.0': new Set([
    'N',
    'REV',
    'UID',
    'BDAY',
    'ANNIVERSARY',
    'GENDER',
    'KIND',
    'BIRTHPLACE',
    'DEATHPLACE',
    'DEATHDATE',
    'CREATED',
    'LANGUAGE',
  ]),
};

export const PARAMETERS: Record<'3.0' | '4.0', ReadonlySet<string>> = {
  '3.0': new Set(['TYPE', 'ENCODING', 'VALUE', 'LANGUAGE', 'CHARSET', 'CONTEXT']),
  '4.0': new Set([
    'LANGUAGE',
    'VALUE',
    'PREF',
    'ALTID',
    'PID',
    'TYPE',
    'MEDIATYPE',
    'CALSCALE',
    'SORT-AS',
    'GEO',
    'TZ',
    'LABEL',
    'CC',
    'INDEX',
    'LEVEL',
  ]),
};

/** A name RFC 6350 §3.3 allows at all: letters, digits and dashes. */
export const NAME_SYNTAX = /^[A-Za-z0-9-]+$/;

/** Every property name any version knows, upper-case. */
const ANY = new Set([...PROPERTIES['3.0'], ...PROPERTIES['4.0']]);

/**
 * True when a physical line starts like a property (`TEL;…:`, `item1.EMAIL:`, `X-FOO:`), so a
 * value continued on the next line is not mistaken for one.
 */
export function startsProperty(line: string): boolean {
  const m = /^(?:[\w-]+\.)?([\w/-]+)[ \t]*[;:]/.exec(line);
  if (!m) return false;
  const name = m[1]!.toUpperCase();
  return name.startsWith('X-') || ANY.has(name);
}
