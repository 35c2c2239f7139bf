/**
 * Maps a card's properties onto a ContactDraft. Whatever Rapport does not model is kept as an
 * extension (as written, in vCard escaping) so export → import loses nothing.
 */
import {
  IsoDate,
  type ContactDraft,
  type LabelledValue,
  type PostalAddress,
  type SocialProfile,
  type VCardExtension,
} from '../../../../shared/domain/contact.ts';
import { parseBirthday } from './birthday.ts';
import { structured } from './escape.ts';
import { cleanAbLabel, isPreferred, labelFromTypes } from './labels.ts';
import { componentsOf, listOf, paramList, textOf, type VProp } from './parse-card.ts';
import { inlinePhoto } from './photo.ts';
import { CONNECTED_ON, RAPPORT_FIELDS } from './rapport-fields.ts';
import { detectKind, kindFromType } from './social.ts';

/** Structure only; Rapport writes its own on export. BEGIN/END are never properties to keep. */
const DROPPED = new Set(['VERSION', 'PRODID', 'REV', 'BEGIN', 'END']);

const MODELLED = new Set([
  'FN',
  'N',
  'ORG',
  'NICKNAME',
  'TITLE',
  'ROLE',
  'EMAIL',
  'TEL',
  'ADR',
  'URL',
  'X-SOCIALPROFILE',
  'IMPP',
  'CATEGORIES',
  'NOTE',
  'PHOTO',
  'BDAY',
  'UID',
]);

export interface CardMapping {
  draft: ContactDraft;
  uid?: string;
  /** From X-RAPPORT-CONNECTED-ON, which also stays an extension so the next export writes it. */
  connectedOn?: string;
  /** Things worth telling the user, e.g. a BDAY that is not a date. */
  notices: Array<{ line: number; message: string }>;
  /** False when the card holds nothing but structure (VERSION, PRODID…). */
  hasContent: boolean;
}

type Outcome = 'field' | 'extension' | 'dropped';

export function toDraft(props: VProp[]): CardMapping {
  const emails: LabelledValue[] = [];
  const phones: LabelledValue[] = [];
  const addresses: PostalAddress[] = [];
  const social: SocialProfile[] = [];
  const tags: string[] = [];
  const d: ContactDraft = { displayName: '', emails, phones, addresses, social, tags, extensions: [] };
  const notices: CardMapping['notices'] = [];
  const labels = groupLabels(props);
  const outcomes = new Map<VProp, Outcome>();
  /** N and ORG parts we do not model; kept first so a round trip puts them back in the same place. */
  const remainders: VCardExtension[] = [];
  const notes: string[] = [];
  let fn: string | undefined;
  let uid: string | undefined;
  let connectedOn: string | undefined;
  let sawN = false;
  let sawOrg = false;
  // An empty X-ABLabel is no label: export writes nothing for it, so import must read nothing.
  const labelOf = (p: VProp) => (p.group ? labels.get(p.group.toLowerCase()) || undefined : undefined);

  for (const p of props) {
    if (p.name === 'X-ABLABEL') continue; // decided below, once we know what its group became
    if (DROPPED.has(p.name)) {
      outcomes.set(p, 'dropped');
      continue;
    }
    const text = textOf(p).trim();
    // An empty modelled property (`URL:`, `EMAIL:`) carries nothing to keep.
    if (!text && MODELLED.has(p.name)) {
      outcomes.set(p, 'dropped');
      continue;
    }
    const field = (ok: boolean) => outcomes.set(p, ok ? 'field' : 'extension');
    switch (p.name) {
      case 'FN':
        field(!fn && !!text);
        fn ||= text || undefined;
        break;
      case 'N': {
        if (sawN) {
          field(false);
          break;
        }
        sawN = true;
        const parts = componentsOf(p).map((c) => c.filter(Boolean));
        d.familyName = parts[0]?.join(' ') || undefined;
        d.givenName = parts[1]?.join(' ') || undefined;
        const rest = parts.slice(2);
        if (rest.some((c) => c.length) || Object.keys(p.params).length) {
          remainders.unshift({
            ...(p.group ? { group: p.group } : {}),
            name: 'N',
            params: p.params,
            value: structured(['', '', ...rest]),
          });
        }
        field(true);
        break;
      }
      case 'ORG': {
        if (sawOrg) {
          field(false);
          break;
        }
        sawOrg = true;
        const [org = [], ...units] = componentsOf(p, false);
        d.organisation = org.join(' ').trim() || undefined;
        if (units.some((u) => u.some(Boolean)) || Object.keys(p.params).length) {
          remainders.push({
            ...(p.group ? { group: p.group } : {}),
            name: 'ORG',
            params: p.params,
            value: structured(['', ...units]),
          });
        }
        field(true);
        break;
      }
      case 'NICKNAME':
        field(!d.nickname);
        if (!d.nickname)
          d.nickname =
            listOf(p)
              .map((s) => s.trim())
              .filter(Boolean)
              .join(', ') || undefined;
        break;
      case 'TITLE':
      case 'ROLE':
        field(!d.role && !!text);
        d.role ||= text || undefined;
        break;
      case 'EMAIL':
      case 'TEL': {
        const value = text.replace(p.name === 'EMAIL' ? /^mailto:/i : /^tel:/i, '');
        const types = paramList(p, 'type');
        const entry = {
          value,
          ...optional('label', labelOf(p) ?? labelFromTypes(types)),
          ...(isPreferred(types, paramList(p, 'pref')) ? { preferred: true } : {}),
        };
        (p.name === 'EMAIL' ? emails : phones).push(entry);
        field(true);
        break;
      }
      case 'ADR':
        addresses.push(address(p, labelOf(p)));
        field(true);
        break;
      case 'URL':
      case 'X-SOCIALPROFILE':
      case 'IMPP':
        social.push(socialProfile(p, text, labelOf(p)));
        field(true);
        break;
      case 'CATEGORIES':
        for (const tag of listOf(p).map((t) => t.trim())) if (tag && !tags.includes(tag)) tags.push(tag);
        field(true);
        break;
      case 'NOTE':
        if (text) notes.push(text);
        field(true);
        break;
      case 'PHOTO': {
        const inline = inlinePhoto(p);
        if (inline && 'problem' in inline) {
          notices.push({ line: p.line, message: inline.problem });
          outcomes.set(p, 'dropped');
        } else field(!d.photo && !!inline);
        if (!d.photo && inline && 'photo' in inline) d.photo = inline.photo;
        break;
      }
      case 'BDAY': {
        const birthday = d.birthday ? undefined : parseBirthday(p.raw, paramList(p, 'x-apple-omit-year').length > 0);
        if (birthday) d.birthday = birthday;
        else if (!d.birthday)
          notices.push({
            line: p.line,
            message: `BDAY "${p.raw.slice(0, 40)}" is not a date Rapport can store; kept as written`,
          });
        field(!!birthday);
        break;
      }
      case 'UID':
        uid ??= text || undefined;
        field(false);
        break;
      case CONNECTED_ON:
        if (IsoDate.safeParse(text).success) connectedOn ??= text;
        field(false);
        break;
      default: {
        const rapport = RAPPORT_FIELDS.find((f) => f.property === p.name);
        const free = rapport !== undefined && d[rapport.field] === undefined;
        if (free) rapport.read(d, text);
        field(free && d[rapport.field] !== undefined);
      }
    }
  }
  if (notes.length) d.notes = notes.join('\n\n');

  // Export treats N/ORG extensions at the head of the list as remainders; a second N or ORG
  // (kept whole, further down) must never be mistaken for one, so give the first an empty one.
  for (const name of ['N', 'ORG'] as const) {
    const all = props.filter((p) => p.name === name && outcomes.get(p) !== 'dropped');
    if (all.length > 1 && !remainders.some((r) => r.name === name)) {
      const first = all[0]!;
      const empty: VCardExtension = {
        ...(first.group ? { group: first.group } : {}),
        name,
        params: first.params,
        value: name === 'N' ? ';' : '',
      };
      if (name === 'N') remainders.unshift(empty);
      else remainders.push(empty);
    }
  }
  const extensions: VCardExtension[] = [...remainders];
  for (const p of props) {
    const outcome = outcomes.get(p) ?? abLabelOutcome(p, props, outcomes);
    if (outcome === 'extension')
      extensions.push({ ...(p.group ? { group: p.group } : {}), name: p.name, params: p.params, value: p.raw });
  }
  d.extensions = extensions;
  d.displayName = fn ?? nameFromParts(d) ?? d.nickname ?? d.organisation ?? emails[0]?.value ?? phones[0]?.value ?? '';
  const hasContent = [...outcomes.values()].some((o) => o !== 'dropped');
  for (const key of Object.keys(d) as Array<keyof ContactDraft>) if (d[key] === undefined) delete d[key];
  return { draft: d, ...optional('uid', uid), ...optional('connectedOn', connectedOn), notices, hasContent };
}

/** Properties whose Rapport field has a label an X-ABLabel can fill. */
const LABELLED = new Set(['EMAIL', 'TEL', 'ADR', 'URL', 'X-SOCIALPROFILE', 'IMPP']);

/** An X-ABLabel is consumed when its group's property became a labelled field; otherwise kept. */
function abLabelOutcome(label: VProp, props: VProp[], outcomes: Map<VProp, Outcome>): Outcome {
  const group = label.group?.toLowerCase();
  const siblings = props.filter((p) => p !== label && p.group?.toLowerCase() === group && p.name !== 'X-ABLABEL');
  const consumed =
    !!group &&
    siblings.some((p) => LABELLED.has(p.name) && outcomes.get(p) === 'field') &&
    !siblings.some((p) => outcomes.get(p) === 'extension');
  return consumed ? 'field' : 'extension';
}

function groupLabels(props: VProp[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of props)
    if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group.toLowerCase(), cleanAbLabel(textOf(p)));
  return labels;
}

function address(p: VProp, label: string | undefined): PostalAddress {
  const parts = componentsOf(p).map(
    (c) =>
      c
        .map((v) => v.trim())
        .filter(Boolean)
        .join('\n') || undefined,
  );
  const [poBox, extended, street, locality, region, postalCode, country] = parts;
  const fields = { poBox, extended, street, locality, region, postalCode, country };
  const adr: PostalAddress = {};
  for (const [key, value] of Object.entries(fields)) if (value) adr[key as keyof PostalAddress] = value;
  const finalLabel = label ?? labelFromTypes(paramList(p, 'type'));
  return finalLabel ? { label: finalLabel, ...adr } : adr;
}

function socialProfile(p: VProp, url: string, abLabel: string | undefined): SocialProfile {
  if (p.name === 'URL')
    return { kind: detectKind(url), url, ...optional('label', abLabel ?? labelFromTypes(paramList(p, 'type'))) };
  if (p.name === 'IMPP')
    return {
      kind: 'other',
      url,
      ...optional('label', abLabel ?? (paramList(p, 'x-service-type')[0] || labelFromTypes(paramList(p, 'type')))),
    };
  const type = paramList(p, 'type')[0];
  const known = kindFromType(type);
  // A network we do not model (facebook, flickr…) is "other", named by its type.
  if (!known && type) return { kind: 'other', url, label: abLabel ?? type };
  return { kind: known ?? detectKind(url), url, ...optional('label', abLabel) };
}

function nameFromParts(d: ContactDraft): string | undefined {
  return [d.givenName, d.familyName].filter(Boolean).join(' ') || undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
