/**
 * vCard 2.1 / 3.0 / 4.0 import: bytes in, drafts and problems out. Never throws on bad input;
 * each card is read on its own so one broken card never costs the rest of the file.
 */
import type { ImportedCard, ImportProblem, ImportResult } from '../types.ts';
import { toBinaryString } from '../decode.ts';
import { validateDraft } from '../validate.ts';
import { segments, splitCards, unfold, type RawCard } from './lines.ts';
import { runToEnd } from '../sliced.ts';
import { parseCard, type UndeclaredDecoder } from './parse-card.ts';
import { toDraft } from './to-draft.ts';
import { UndeclaredCharsets } from './undeclared-charset.ts';

export const UNNAMED = 'Unnamed contact';

export function importVCard(bytes: Uint8Array, fileName: string): ImportResult {
  return runToEnd(importVCardSteps(bytes, fileName));
}

/**
 * The import as steps: it yields after each segment of the file and after each card, so
 * `runSliced` can give the event loop a turn while a large file is read (see interchange/sliced.ts).
 */
export function* importVCardSteps(bytes: Uint8Array, fileName: string): Generator<void, ImportResult> {
  const problems: ImportProblem[] = [];
  const cards: ImportedCard[] = [];
  let found = 0;
  const binary = toBinaryString(bytes);
  const charsets = new UndeclaredCharsets(binary, fileName);
  for (const segment of segments(binary)) {
    const unfolded = unfold(segment.text, fileName, segment.firstLine);
    const split = splitCards(unfolded.lines, fileName);
    problems.push(...unfolded.problems, ...split.problems);
    found += split.cards.length;
    yield;
    const indexOf = new Map<RawCard, number>();
    for (const raw of split.cards) {
      try {
        const card = importCard(raw, fileName, problems, charsets.forCard(raw));
        if (card) {
          indexOf.set(raw, cards.length);
          cards.push(card);
        }
      } catch {
        // A bug of ours must not cost the other cards; report it against this one, in words.
        problems.push({
          file: fileName,
          line: raw.line,
          severity: 'error',
          message: `Card at line ${raw.line} could not be read because of an error in Rapport; the other cards were imported`,
        });
      }
      yield;
    }
    linkAgents(split.cards, indexOf, cards);
  }
  problems.push(...charsets.problems());
  if (found === 0) {
    problems.push({
      file: fileName,
      line: 1,
      severity: 'error',
      message: 'No BEGIN:VCARD found: this does not look like a vCard file',
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { cards, problems };
}

/** A nested AGENT card is its own person; its parent lists it in `related`. */
function linkAgents(raws: RawCard[], indexOf: Map<RawCard, number>, cards: ImportedCard[]): void {
  for (const raw of raws) {
    const agent = indexOf.get(raw);
    const parent = raw.agentOf && indexOf.get(raw.agentOf);
    if (agent === undefined || parent === undefined) continue;
    const card = cards[parent]!;
    (card.related ??= []).push({ kind: 'agent', cardIndex: agent });
  }
}

function importCard(
  raw: RawCard,
  file: string,
  problems: ImportProblem[],
  undeclared: UndeclaredDecoder,
): ImportedCard | undefined {
  const what = `Card at line ${raw.line}`;
  const parsed = parseCard(raw, file, undeclared);
  problems.push(...parsed.problems);
  const mapped = toDraft(parsed.props);
  for (const notice of mapped.notices)
    problems.push({ file, line: notice.line, severity: 'warning', message: `${what}: ${notice.message}` });
  if (!mapped.draft.displayName) {
    if (!mapped.hasContent) {
      const why = mapped.notices.length ? 'has nothing left once the values above were left out' : 'is empty';
      problems.push({ file, line: raw.line, severity: 'error', message: `${what} ${why}; not imported` });
      return undefined;
    }
    // Keep the person (a photo, an address, an IM handle) rather than lose them; the user renames.
    mapped.draft.displayName = UNNAMED;
    problems.push({
      file,
      line: raw.line,
      severity: 'warning',
      message: `${what} has no name, organisation, e-mail or phone; imported as "${UNNAMED}"`,
    });
  }
  const valid = validateDraft(mapped.draft, { file, line: raw.line, what });
  problems.push(...valid.problems);
  if (!valid.draft) return undefined;
  return {
    line: raw.line,
    draft: valid.draft,
    ...(mapped.uid ? { uid: mapped.uid } : {}),
    ...(mapped.connectedOn ? { connectedOn: mapped.connectedOn } : {}),
  };
}
