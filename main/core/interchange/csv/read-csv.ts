/**
 * CSV rows with the line each starts on, so problems can point into the file even when quoted
 * fields hold commas or line breaks.
 */
import Papa from 'papaparse';
import { decodeFile } from '../decode.ts';
import type { ImportProblem } from '../types.ts';

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
  let start = 0;
  Papa.parse<string[]>(text, {
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(start);
      start = result.meta.cursor + 1;
      const cells = result.data;
      for (const error of result.errors)
        problems.push({ file, line, severity: 'warning', message: `Line ${line}: ${error.message}` });
      if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
    },
  });
  return { rows, problems };
}
