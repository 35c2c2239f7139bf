/**
 * vCard 2.1 / 3.0 / 4.0 import: bytes in, drafts and problems out. Never throws on bad input;
 * each card is read on its own so one broken card never costs the rest of the file.
 */
import type { ImportedCard, ImportProblem, ImportResult } from '../types.ts';
import { toBinaryString } from '../decode.ts';
import { validateDraft } from '../validate.ts';
import { segments, splitCards, unfold, type RawCard } from './lines.ts';
import { runToEnd } from '../sliced.ts';
import { parseCard } from './parse-card.ts';
import { toDraft } from './to-draft.ts';

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
  for (const segment of segments(toBinaryString(bytes))) {
    const unfolded = unfold(segment.text, fileName, segment.firstLine);
    const split = splitCards(unfolded.lines, fileName);
    problems.push(...unfolded.problems, ...split.problems);
    found += split.cards.length;
    yield;
    for (const raw of split.cards) {
      try {
        const card = importCard(raw, fileName, problems);
        if (card) cards.push(card);
      } catch (error) {
        // A bug of ours must not cost the other cards; report it against this one.
        problems.push({
          file: fileName,
          line: raw.line,
          severity: 'error',
          message: `Card at line ${raw.line} could not be read: ${(error as Error).message}`,
        });
      }
      yield;
    }
  }
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

function importCard(raw: RawCard, file: string, problems: ImportProblem[]): ImportedCard | undefined {
  const what = `Card at line ${raw.line}`;
  const parsed = parseCard(raw, file);
  problems.push(...parsed.problems);
  const mapped = toDraft(parsed.props);
  for (const notice of mapped.notices)
    problems.push({ file, line: notice.line, severity: 'warning', message: `${what}: ${notice.message}` });
  if (!mapped.draft.displayName) {
    if (!mapped.hasContent) {
      problems.push({ file, line: raw.line, severity: 'error', message: `${what} is empty; not imported` });
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
  return { line: raw.line, draft: valid.draft, ...(mapped.uid ? { uid: mapped.uid } : {}) };
}
