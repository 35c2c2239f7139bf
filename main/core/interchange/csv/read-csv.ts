/**
 * CSV rows with the line each starts on, so problems can point into the file even when quoted
 * fields hold commas or line breaks.
 */
import Papa from 'papaparse';
import { decodeFile } from '../decode.ts';
import type { ImportProblem } from '../types.ts';

/** Lines with a quote that never closes that are left out and read past; after them reading stops. */
const MAX_BROKEN_LINES = 20;

export interface CsvRow {
  line: number;
  cells: string[];
}

export function readCsv(bytes: Uint8Array, file: string): { rows: CsvRow[]; problems: ImportProblem[] } {
  const decoded = decodeFile(bytes);
  // One line-break style makes papaparse's cursor and our line count agree.
  const text = decoded.text.replace(/\r\n|\r/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  if (decoded.guessedCharset)
    problems.push({
      file,
      line: 1,
      severity: 'warning',
      message: `charset: guessed ${decoded.guessedCharset} (the file is not UTF-8 and does not say what it is)`,
    });
  // A quote opened and never closed swallows every line after it into one field: that line is left
  // out, said so, and reading starts again on the next line, so the people after it still come in.
  let from = 0;
  let delimiter: string | undefined;
  let broken = 0;
  /** Cells of the first line (the header): a line that swallowed the next one has more. */
  let headerCells: number | undefined;
  while (from < text.length) from = readFrom(from);
  return { rows, problems };

  /** Reads rows from `offset` to the end, or up to a broken row; returns where reading goes on. */
  function readFrom(offset: number): number {
    let start = offset;
    let resume = text.length;
    Papa.parse<string[]>(text.slice(offset), {
      newline: '\n',
      // Read on after a broken line, the rest is split as the file began: its few lines alone may
      // not say which delimiter it uses.
      ...(delimiter ? { delimiter } : {}),
      skipEmptyLines: false,
      step: (result, parser) => {
        const line = lineAt(start);
        const end = offset + result.meta.cursor;
        if (result.errors.some((e) => e.code === 'MissingQuotes') || swallowedNextLine(result, headerCells)) {
          const last = lineAt(Math.max(start, end - 1));
          const ranOn = last > line ? `, so lines ${line}–${last} ran together` : '';
          const next = lineStarts[line];
          const linesAfter = next !== undefined && text.slice(next).trim() !== '';
          const say = (severity: ImportProblem['severity'], message: string) =>
            problems.push({ file, line, severity, message });
          if (line === 1) {
            say('error', `The first line opens a quote (") that is never closed${ranOn}; fix it and import again.`);
          } else if (!linesAfter) {
            // The last line: nothing was swallowed, so it comes in as it reads.
            say('warning', 'A quote (") opens here and is never closed; the line was read as it stands.');
            if (result.data.some((c) => c.trim() !== '')) rows.push({ line, cells: result.data });
          } else if (++broken > MAX_BROKEN_LINES) {
            // Each restart reads the rest of the file again: a file broken on every line is not read on.
            say(
              'error',
              `More than ${MAX_BROKEN_LINES} lines open a quote that is never closed; reading stopped here.`,
            );
          } else {
            say(
              'error',
              `A quote (") opens here and is never closed${ranOn}: this line was left out, and the lines after it were read on their own.`,
            );
            resume = next;
          }
          parser.abort();
          return;
        }
        start = end + 1;
        delimiter ??= result.meta.delimiter;
        headerCells ??= result.data.length;
        const cells = result.data;
        // Each thing said once per line (two stray quotes in one field are two errors to papaparse).
        const said = new Set<string>();
        for (const error of result.errors) {
          // The delimiter papaparse falls back to split the line: nothing to say.
          if (error.code === 'UndetectableDelimiter' && cells.length > 1) continue;
          const message = csvErrorText(error);
          if (!said.has(message)) problems.push({ file, line, severity: 'warning', message });
          said.add(message);
        }
        if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
      },
    });
    return resume;
  }
}

/**
 * A quote left open in a file that quotes every field: the next line's opening quote closes it,
 * papaparse says `InvalidQuotes` (text after a closing quote) instead of `MissingQuotes`, and the
 * line after is swallowed, its fields added to this line's. Three signs together: that error, a
 * cell with a line break followed by a quote, and more cells than the header. A quoted note over
 * several lines, even one whose line starts with a quote ("Great speaker" she said), keeps the
 * header's count.
 */
const swallowedNextLine = (result: Papa.ParseStepResult<string[]>, headerCells: number | undefined) =>
  headerCells !== undefined &&
  result.data.length > headerCells &&
  result.errors.some((e) => e.code === 'InvalidQuotes') &&
  result.data.some((cell) => cell.includes('\n"'));

/** papaparse's words for what it could still read, in ours. */
function csvErrorText(error: Papa.ParseError): string {
  if (error.code === 'InvalidQuotes')
    return 'A quoted field has text after its closing quote; it was read as it stands.';
  if (error.code === 'UndetectableDelimiter')
    return 'Could not tell which character separates the columns, so each line was read as one column. If the file has several, save it again as CSV with commas between them.';
  return `${error.message}.`;
}
