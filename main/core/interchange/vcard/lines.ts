/**
 * Physical lines → logical (unfolded) lines → cards.
 *
 * Works on a "binary string" (one char per byte, see decode.ts) so that folds which split a
 * UTF-8 sequence, and 2.1 quoted-printable soft breaks, are joined before any text decoding.
 */
import type { ImportProblem } from '../types.ts';
import { unescapeText } from './escape.ts';
import { startsProperty } from './names.ts';

export interface LogicalLine {
  /** 1-based number of the physical line where this property starts in the original file. */
  line: number;
  text: string;
}

export interface RawCard {
  line: number;
  lines: LogicalLine[];
  /** False when the file ended before END:VCARD. */
  closed: boolean;
  /** Set on a nested AGENT card: the card it was the agent of. */
  agentOf?: RawCard;
}

interface PhysicalLine {
  text: string;
  /** The break that ended the previous line: lets us spot a stray CR inside a CRLF file. */
  brokenBy: string;
}

/** Any of CR CR LF (old iOS), CRLF, LF, CR counts as one line break. */
const BREAK = /\r\r\n|\r\n|\n|\r/g;

export function physicalLines(text: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let last = 0;
  let brokenBy = '';
  for (const m of text.matchAll(BREAK)) {
    out.push({ text: text.slice(last, m.index), brokenBy });
    brokenBy = m[0];
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), brokenBy });
  return out;
}

const isQuotedPrintable = (text: string) => /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i.test(headOf(text));
const isBase64 = (text: string) => /;\s*(ENCODING\s*=\s*)?(BASE64|B)\s*(;|$)/i.test(headOf(text));
const BASE64_CHUNK = /^[A-Za-z0-9+/=]+$/;
/** A bare `END`, `END VCARD` or `END.`: a broken END line that has lost its colon. */
const BARE_END = /^END\b[\s.]*(VCARD)?[\s.]*$/i;
const hasEmptyValue = (text: string) => valueColon(text) === text.length - 1;

/** An odd number of backslashes at the end: the last one escapes the line break (an even number is text). */
function oddBackslashesAtEnd(text: string): boolean {
  let n = 0;
  while (text[text.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

/** Name and parameters: everything before the first colon outside double quotes. */
export function headOf(text: string): string {
  const colon = valueColon(text);
  return colon === -1 ? text : text.slice(0, colon);
}

export function valueColon(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  // An unbalanced quote: fall back to the first colon rather than losing the line.
  return text.indexOf(':');
}

/**
 * Unfolds RFC 6350 folding (CRLF + space/tab), 2.1 quoted-printable soft breaks (`=` at the end
 * of a line) and 2.1 base64 blocks (continuations that may lack indentation, ended by a blank line).
 * Lines that cannot be a property are reported and skipped.
 */
export function unfold(text: string, file: string, firstLine = 1): { lines: LogicalLine[]; problems: ImportProblem[] } {
  const physical = physicalLines(text);
  const crlfFile = /\r\n|\n/.test(text);
  const lines: LogicalLine[] = [];
  const problems: ImportProblem[] = [];
  let current: LogicalLine | undefined;
  let qp = false;
  let base64 = false;

  const finish = () => {
    if (current && current.text.includes(':')) lines.push(current);
    // splitCards decides what a broken END means; here it only must not be lost.
    else if (current && BARE_END.test(current.text.trim())) lines.push({ line: current.line, text: 'END:' });
    else if (current)
      problems.push({
        file,
        line: current.line,
        severity: 'warning',
        message: `Line ${current.line} is not a vCard property and was skipped: "${preview(current.text)}"`,
      });
    current = undefined;
    qp = base64 = false;
  };

  physical.forEach((p, index) => {
    const raw = p.text;
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += base64 ? raw.trim() : raw.slice(1);
      return;
    }
    if (current && qp && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + raw;
      return;
    }
    if (current && base64 && BASE64_CHUNK.test(raw)) {
      current.text += raw;
      return;
    }
    // Android 2.1 ends a line with `\` to continue a value (an address) on the next line.
    if (current?.text.endsWith('\\') && oddBackslashesAtEnd(current.text) && raw.trim() && !startsProperty(raw)) {
      current.text += 'n' + raw;
      return;
    }
    // Old phones write `N;ENCODING=QUOTED-PRINTABLE:` and put the whole value on the next line.
    if (current && hasEmptyValue(current.text) && raw.trim() && !startsProperty(raw) && (qp || !raw.includes(':'))) {
      current.text += raw;
      return;
    }
    if (current && !raw.includes(':') && p.brokenBy === '\r' && crlfFile) {
      // A lone CR inside a CRLF/LF file is a line break typed into a value (Thunderbird does this).
      current.text += '\\n' + raw;
      return;
    }
    finish();
    // Blank lines end a 2.1 base64 block and are otherwise meaningless between properties.
    if (raw.trim() === '') return;
    current = { line: index + firstLine, text: raw };
    qp = isQuotedPrintable(raw);
    base64 = isBase64(raw);
  });
  finish();
  return { lines, problems };
}

type Marker =
  { kind: 'begin' | 'end' | 'agent' | 'skip'; note?: string } | { kind: 'inline-agent'; text: string } | undefined;

const MARKER_START = /^\s*(?:[^:;]*\.)?(?:BEGIN|END|AGENT)\s*[:;]/i;

/** What a BEGIN, END or AGENT line means for the card structure; undefined for other lines. */
function marker(l: LogicalLine): Marker {
  // Most lines are none of these; say so before any work on a (possibly 40 KB photo) line.
  if (!MARKER_START.test(l.text)) return undefined;
  const colon = valueColon(l.text);
  const head = l.text.slice(0, colon).split(';')[0]!;
  const name = head
    .slice(head.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  const value = l.text.slice(colon + 1).trim();
  const upper = value.toUpperCase();
  const quoted = `"${preview(l.text.trim())}"`;
  const exact = l.text.trim().toUpperCase() === `${name}:VCARD`;
  if (name === 'BEGIN') {
    if (exact) return { kind: 'begin' };
    if (upper.startsWith('VCARD')) return { kind: 'begin', note: `Line ${l.line}: ${quoted} was read as BEGIN:VCARD` };
    return { kind: 'skip', note: `Line ${l.line}: ${quoted} does not begin a vCard and was skipped` };
  }
  if (name === 'END') {
    if (exact) return { kind: 'end' };
    // `END:VCARD.`, `END:` and a bare `END` end the card; they are never kept as properties.
    if (!upper || upper.startsWith('VCARD'))
      return { kind: 'end', note: `Line ${l.line}: the broken END line ${quoted} was read as END:VCARD` };
    return { kind: 'skip', note: `Line ${l.line}: ${quoted} does not end a vCard and was skipped` };
  }
  if (name !== 'AGENT') return undefined;
  // 2.1 writes `AGENT:` or `AGENT:BEGIN:VCARD` with the agent's lines following; 3.0 writes the
  // whole agent escaped into one value (`AGENT:BEGIN:VCARD\nFN:…\nEND:VCARD`).
  if (!value) return { kind: 'agent' };
  if (!upper.startsWith('BEGIN:VCARD')) return undefined;
  if (/\\n\s*END:VCARD/i.test(value)) return { kind: 'inline-agent', text: unescapeText(value) };
  return { kind: 'begin' };
}

/**
 * Splits logical lines into cards on BEGIN:VCARD / END:VCARD. Nested cards (AGENT in 2.1, 3.0
 * and 4.0 forms) become cards of their own, linked to their parent by `agentOf`, so nobody is lost
 * and none of the agent's properties land on the parent. Text outside any card is reported once.
 */
export function splitCards(lines: LogicalLine[], file: string): { cards: RawCard[]; problems: ImportProblem[] } {
  const cards: RawCard[] = [];
  const problems: ImportProblem[] = [];
  const stack: RawCard[] = [];
  let strayFrom: number | undefined;
  /** The last property was a bare `AGENT:`; the BEGIN:VCARD that follows starts the agent. */
  let agentPending = false;
  const warn = (line: number, message: string) => problems.push({ file, line, severity: 'warning', message });

  for (const l of lines) {
    const m = marker(l);
    const top = stack.at(-1);
    const wasPending = agentPending;
    agentPending = false;
    if (m && 'note' in m && m.note) warn(l.line, m.note);
    if (m?.kind === 'skip') continue;
    if (m?.kind === 'agent' && top) {
      agentPending = true;
      continue;
    }
    if (m?.kind === 'begin') {
      const isAgent = (wasPending || /^\s*(?:[\w-]+\.)?AGENT/i.test(l.text)) && top;
      stack.push({ line: l.line, lines: [], closed: false, ...(isAgent ? { agentOf: top } : {}) });
      continue;
    }
    if (m?.kind === 'inline-agent' && top) {
      const inner = physicalLines(m.text).flatMap((p) =>
        p.text.includes(':') ? [{ line: l.line, text: p.text }] : [],
      );
      const nested = splitCards(inner, file);
      problems.push(...nested.problems);
      const [agent] = nested.cards;
      if (agent) agent.agentOf = top;
      cards.push(...nested.cards);
      continue;
    }
    if (m?.kind === 'end') {
      const card = stack.pop();
      if (card) {
        card.closed = true;
        cards.push(card);
      } else warn(l.line, `Line ${l.line}: END:VCARD without a matching BEGIN:VCARD`);
      continue;
    }
    if (top) top.lines.push(l);
    else if (strayFrom === undefined) {
      strayFrom = l.line;
      warn(l.line, `Line ${l.line}: text outside BEGIN:VCARD … END:VCARD was ignored`);
    }
  }
  // Unclosed cards still carry people: keep them, outermost first, and say what happened.
  for (const card of stack.reverse()) {
    warn(card.line, `Card at line ${card.line}: no END:VCARD before the end of the file`);
    cards.push(card);
  }
  cards.sort((a, b) => a.line - b.line);
  return { cards, problems };
}

/** A file is read in segments of about this size so the event loop gets a turn between them. */
export const SEGMENT_CHARS = 256 * 1024;
const CARD_END = /^END:VCARD[ \t]*(?:\r\r\n|\r\n|\n|\r)/gim;
const NEXT_IS_BEGIN = /\s*BEGIN:VCARD/iy;

/**
 * Cuts a file into pieces of whole cards, each with the number of its first line. A cut is only
 * made after an END:VCARD that is followed by BEGIN:VCARD, so a nested 2.1 AGENT card is never
 * split from its outer card.
 */
export function* segments(text: string): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let firstLine = 1;
  while (start < text.length) {
    let end = text.length;
    CARD_END.lastIndex = start + SEGMENT_CHARS;
    for (let m = CARD_END.exec(text); m && text.length - start > SEGMENT_CHARS; m = CARD_END.exec(text)) {
      NEXT_IS_BEGIN.lastIndex = m.index + m[0].length;
      if (NEXT_IS_BEGIN.test(text)) {
        end = m.index + m[0].length;
        break;
      }
    }
    const piece = text.slice(start, end);
    yield { text: piece, firstLine };
    firstLine += piece.match(BREAK)?.length ?? 0;
    start = end;
  }
}

export function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
