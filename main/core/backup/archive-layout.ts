/**
 * How `archive.json` is laid out on disk: the same JSON document (format and version) as ever,
 * with one document per line, so it can be written and read back a line at a time:
 *
 *     {"format":"rapport-archive","version":1,"exportedAt":"…","collections":{
 *     "contacts":{"schemaVersion":1,"documents":[
 *     {…},
 *     {…}
 *     ]},
 *     "details":{"schemaVersion":0,"documents":[
 *     ]}
 *     }}
 *
 * JSON.stringify never writes a raw line break (it escapes them inside strings), so every line
 * is one piece. Archives written before this layout are one compact line; `isLayoutStart` says
 * which kind a file is from its first line, and readers of the old kind parse it whole.
 */
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-schemas.ts';

/** The first line: the envelope up to the opening of `collections`. */
export const layoutStart = (exportedAt: string) =>
  JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt, collections: {} }).slice(0, -2) + '\n';

/** Opens a collection's document list; `first` says whether a collection came before it. */
export const layoutCollection = (name: string, schemaVersion: number, first: boolean) =>
  `${first ? '' : ',\n'}${JSON.stringify(name)}:{"schemaVersion":${schemaVersion},"documents":[`;

/** One document's line; `first` says whether it is the first of its collection. */
export const layoutDocument = (document: unknown, first: boolean) =>
  `${first ? '\n' : ',\n'}${JSON.stringify(document)}`;

export const LAYOUT_COLLECTION_END = '\n]}';
export const LAYOUT_END = '\n}}\n';

const START = /^\{"format":.*"collections":\{$/;
const COLLECTION = /^"[^"\\]+":\{"schemaVersion":\d+,"documents":\[$/;

/** Whether a file's first line opens the line layout (and not a compact or hand-formatted archive). */
export const isLayoutStart = (line: string) => START.test(line);

/** What one line of the layout holds. */
export type LayoutLine =
  | { kind: 'start'; envelope: unknown }
  | { kind: 'collection'; name: string; schemaVersion: number }
  | { kind: 'document'; value: unknown }
  | { kind: 'collection-end' }
  | { kind: 'end' };

/** A line that breaks the layout: the message says what was expected. */
export class LayoutError extends Error {}

/**
 * Reads the layout one line at a time. Each call takes the next line (1-based numbering is the
 * caller's) and says what it held. @throws LayoutError when the line is not what the layout has
 * there, SyntaxError (from JSON.parse) when a document line is not JSON.
 */
export function layoutReader(): (line: string) => LayoutLine | undefined {
  let state: 'start' | 'collections' | 'documents' | 'done' = 'start';
  return (line) => {
    switch (state) {
      case 'start':
        if (!isLayoutStart(line)) throw new LayoutError('not the start of a Rapport archive');
        state = 'collections';
        return { kind: 'start', envelope: parsed(`${line}}}`) };
      case 'collections': {
        if (line === '}}') {
          state = 'done';
          return { kind: 'end' };
        }
        if (!COLLECTION.test(line)) throw new LayoutError('expected a collection or the end of the archive');
        const [name, { schemaVersion }] = Object.entries(
          parsed(`{${line}]}}`) as Record<string, { schemaVersion: number }>,
        )[0]!;
        state = 'documents';
        return { kind: 'collection', name, schemaVersion };
      }
      case 'documents':
        if (line === ']}' || line === ']},') {
          state = 'collections';
          return { kind: 'collection-end' };
        }
        return { kind: 'document', value: JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) };
      case 'done':
        if (line.trim() !== '') throw new LayoutError('text after the end of the archive');
        return undefined;
    }
  };
}

/**
 * Splits text arriving in pieces into lines (without their `\n`). Only the new piece is searched,
 * so a file of one long line (an archive in the old compact layout) costs no more than reading it.
 */
export class LineSplitter {
  private rest: string[] = [];
  /** The lines this piece completes. */
  feed(piece: string): string[] {
    const at = piece.indexOf('\n');
    if (at < 0) {
      this.rest.push(piece);
      return [];
    }
    const lines = piece.split('\n');
    this.rest.push(lines[0]!);
    lines[0] = this.rest.join('');
    this.rest = [lines.pop()!];
    return lines;
  }
  /** The last line, when the text does not end with a line break. */
  end(): string[] {
    const last = this.rest.join('');
    this.rest = [];
    return last ? [last] : [];
  }
}

/** JSON.parse for the layout's own lines, whose breakage is a layout problem. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LayoutError(`not valid JSON (${(error as Error).message})`);
  }
}
