/**
 * Turns one card's logical lines into typed properties, parsing each line separately with
 * ical.js so a single bad line costs that property, never the card.
 */
import ICAL from 'ical.js';
import type { ImportProblem } from '../types.ts';
import type { LegacyDecoder } from '../decode.ts';
import { formatForIcal, readContentLine, type ContentLine } from './content-line.ts';
import { splitUnescaped, unescapeText } from './escape.ts';
import { preview, type RawCard } from './lines.ts';

export { paramList, type ParamValue, type VProp } from './prop.ts';
import type { ParamValue, VProp } from './prop.ts';

type DesignSet = typeof ICAL.design.vcard;

/**
 * ical.js's text type leaves `\;` and `\:` escaped outside structured values and vCard 3 URIs
 * unescaped; NOTE in its 3.0 set is split on commas. Our sets fix those without forking the parser.
 */
function adjust(base: DesignSet): DesignSet {
  const text = { ...base.value.text, fromICAL: (v: string) => unescapeText(v) };
  return {
    ...base,
    value: { ...base.value, text, uri: { ...base.value.uri, fromICAL: (v: string) => unescapeText(v) } },
    property: { ...base.property, note: { defaultType: 'text' } },
  };
}

const VCARD3 = adjust(ICAL.design.vcard3);
const VCARD4 = adjust(ICAL.design.vcard);

/** The card's VERSION; a nested AGENT card without one has its parent's. */
export function cardVersion(card: RawCard): string {
  const line = card.lines.find((l) => /^VERSION\s*:/i.test(l.text));
  if (line) return line.text.slice(line.text.indexOf(':') + 1).trim();
  return card.agentOf ? cardVersion(card.agentOf) : '';
}

/** Decodes a value that is not UTF-8 and declares no charset; told the line for the problem report. */
export type UndeclaredDecoder = (line: number) => LegacyDecoder;

export function parseCard(
  card: RawCard,
  file: string,
  undeclared?: UndeclaredDecoder,
): { props: VProp[]; version: string; problems: ImportProblem[] } {
  const version = cardVersion(card);
  const design = version === '4.0' ? VCARD4 : VCARD3;
  const props: VProp[] = [];
  const problems: ImportProblem[] = [];
  for (const logical of card.lines) {
    const content = readContentLine(logical.text, version, undeclared?.(logical.line));
    if (!content) {
      problems.push({
        file,
        line: logical.line,
        severity: 'warning',
        message: `Line ${logical.line} is not a vCard property and was skipped: "${preview(logical.text)}"`,
      });
      continue;
    }
    try {
      props.push(fromIcal(content, logical.line, design));
    } catch {
      // Keep what we can read ourselves: the property survives as an extension. ical.js's own
      // message ("Cannot read properties of undefined") means nothing to the person importing.
      problems.push({
        file,
        line: logical.line,
        severity: 'warning',
        message: `Line ${logical.line}: ${content.name} ${whatIsWrong(content)}; kept as written`,
      });
      props.push(lenient(content, logical.line));
    }
  }
  return { props, version, problems };
}

/** In words, what most likely stopped the parser on this line. */
function whatIsWrong(content: ContentLine): string {
  if (content.params.some((p) => (p.value.match(/"/g)?.length ?? 0) % 2 === 1))
    return 'has a parameter with an unclosed quote';
  if (content.params.some((p) => !p.value)) return 'has a parameter without a value';
  return 'is not written the way vCard expects, so its parameters or value could not be read';
}

function fromIcal(content: ContentLine, line: number, design: DesignSet): VProp {
  const [, rawParams, type, ...values] = ICAL.parse.property(formatForIcal(content), design) as [
    string,
    Record<string, unknown>,
    string,
    ...unknown[],
  ];
  const params: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(rawParams)) if (key !== 'group') params[key] = flatten(value);
  // ical.js consumes VALUE into the type; extensions must keep it to be written back unchanged.
  const valueParam = content.params.find((p) => p.name === 'VALUE');
  if (valueParam) params.value = valueParam.value.replace(/^"|"$/g, '');
  const value = values.length > 1 ? values : values[0];
  return {
    line,
    ...(content.group ? { group: content.group } : {}),
    name: content.name,
    params,
    value,
    type,
    raw: content.value,
  };
}

function lenient(content: ContentLine, line: number): VProp {
  const params: Record<string, ParamValue> = {};
  for (const p of content.params) params[p.name.toLowerCase()] = p.value.replace(/^"|"$/g, '');
  return {
    line,
    ...(content.group ? { group: content.group } : {}),
    name: content.name,
    params,
    value: content.value,
    type: 'unknown',
    raw: content.value,
  };
}

function flatten(value: unknown): ParamValue {
  if (!Array.isArray(value)) return String(value);
  const flat = (value as unknown[]).flat(Infinity).map(String);
  return flat.length === 1 ? (flat[0] as string) : flat;
}

/** Every value of a parameter, as a list. */

/** The property's text: ical.js's decoded value, or our unescaping for types it does not know. */
export function textOf(prop: VProp): string {
  if (prop.type === 'unknown' || typeof prop.value !== 'string') return unescapeText(prop.raw);
  return prop.value;
}

/**
 * Structured value (N, ADR, ORG) as components, each a list of values: `N:a,b;c` → [[a,b],[c]].
 * ORG has no value lists, so its commas stay text (`multi` false).
 */
export function componentsOf(prop: VProp, multi = true): string[][] {
  return splitUnescaped(prop.raw, ';').map((c) => (multi ? splitUnescaped(c, ',') : [c]).map(unescapeText));
}

/** Values of a comma-separated list property (CATEGORIES, NICKNAME). */
export function listOf(prop: VProp): string[] {
  return splitUnescaped(prop.raw, ',').map(unescapeText);
}
