/**
 * Reading an archive back for a restore: every document checked (archive-check.ts), migrated from
 * older schema versions, ids unique, references pointing somewhere. Reading writes nothing; a
 * restore then builds a new database file from the result (lifecycle/replace-database.ts).
 *
 * Archives in the line layout (archive-layout.ts) are read a line at a time, so only the valid
 * documents are held, never a parsed copy of the whole file; older archives, one compact line,
 * are parsed whole as before.
 */
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../../shared/ipc/result.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import { ArchiveCollector, describeIssue, type ArchiveIssue, type Documents } from './archive-check.ts';
import { isLayoutStart, layoutReader, LayoutError, LineSplitter } from './archive-layout.ts';
import { ARCHIVE_VERSION, ArchiveEnvelope } from './archive-schemas.ts';
import { chunksOf } from './file-chunks.ts';

const MAX_REPORTED = 20;
/** Lines handled between turns of the event loop when reading from text. */
const LINES_PER_TURN = 2000;

/**
 * Parses and validates archive text against this version's collections.
 * @throws AppError `invalid_input` whose message names the file, the line (in the line layout)
 * and the JSON path of each problem.
 */
export async function readArchive(text: string, fileName: string): Promise<Documents> {
  const firstBreak = text.indexOf('\n');
  if (!isLayoutStart(firstBreak < 0 ? text : text.slice(0, firstBreak))) return readCompact(text, fileName);
  return readLayout(linesOfText(text), fileName);
}

/** `readArchive` for a file, read a chunk at a time. @throws also the signal's reason. */
export async function readArchiveFile(path: string, fileName: string, signal?: AbortSignal): Promise<Documents> {
  const batches = lineBatchesOf(path, signal);
  const first = await batches.next();
  const lines = first.done ? [] : first.value;
  if (isLayoutStart(lines[0] ?? '')) return readLayout(prepend(lines, batches), fileName, signal);
  // An archive in the old compact layout (or formatted by hand) is parsed whole, as it always was.
  const rest: string[] = [...lines];
  for await (const batch of batches) rest.push(...batch);
  return readCompact(rest.join('\n'), fileName);
}

async function readLayout(batches: AsyncIterable<string[]>, fileName: string, signal?: AbortSignal) {
  const collector = new ArchiveCollector();
  const read = layoutReader();
  let line = 0;
  let ended = false;
  for await (const batch of batches) {
    signal?.throwIfAborted();
    for (const text of batch) {
      line++;
      let entry;
      try {
        entry = read(text);
      } catch (error) {
        if (error instanceof LayoutError) return fail(fileName, [{ path: [], message: error.message, line }]);
        collector.unreadable(`not valid JSON (${(error as Error).message})`, line);
        continue;
      }
      if (entry?.kind === 'start') checkEnvelope(entry.envelope, fileName, line);
      else if (entry?.kind === 'collection') collector.collection(entry.name, entry.schemaVersion, line);
      else if (entry?.kind === 'document') await collector.document(entry.value, line);
      else if (entry?.kind === 'end') ended = true;
    }
  }
  const issues = collector.finish();
  if (!ended) issues.push({ path: [], message: 'the archive ends early: its closing line is missing', line });
  if (issues.length) fail(fileName, issues);
  return collector.documents;
}

async function readCompact(text: string, fileName: string): Promise<Documents> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(fileName, [{ path: [], message: `not valid JSON (${(error as Error).message})` }]);
  }
  const archive = checkEnvelope(raw, fileName);
  const collector = new ArchiveCollector();
  for (const [name, { schemaVersion, documents }] of Object.entries(archive.collections)) {
    collector.collection(name, schemaVersion);
    for (const document of documents) await collector.document(document);
  }
  const issues = collector.finish();
  if (issues.length) fail(fileName, issues);
  return collector.documents;
}

/** The envelope, or the problems with it (a newer version among them). */
function checkEnvelope(raw: unknown, fileName: string, line?: number): ArchiveEnvelope {
  const envelope = ArchiveEnvelope.safeParse(raw);
  if (!envelope.success)
    return fail(
      fileName,
      envelope.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message, line })),
    );
  const { version } = envelope.data;
  if (version > ARCHIVE_VERSION)
    fail(fileName, [
      {
        path: ['version'],
        message: `archive version ${version} was written by a newer Rapport; this one reads up to ${ARCHIVE_VERSION}`,
        line,
      },
    ]);
  return envelope.data;
}

function fail(fileName: string, issues: ArchiveIssue[]): never {
  const listed = issues.slice(0, MAX_REPORTED).map((i) => describeIssue(fileName, i));
  const more = issues.length > MAX_REPORTED ? `\n… and ${issues.length - MAX_REPORTED} more problems` : '';
  throw new AppError(
    'invalid_input',
    `${fileName} cannot be restored:\n${listed.join('\n')}${more}`,
    issues.slice(0, MAX_REPORTED).map(({ path, message }) => ({ path, message })),
  );
}

/** The lines of a text in batches, with a turn of the event loop between them. */
async function* linesOfText(text: string): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for (let from = 0; from < text.length;) {
    const at = text.indexOf('\n', from);
    const end = at < 0 ? text.length : at;
    batch.push(text.slice(from, end));
    from = end + 1;
    if (batch.length === LINES_PER_TURN) {
      yield batch;
      batch = [];
      await yieldToEventLoop();
    }
  }
  if (batch.length) yield batch;
}

/** A file's lines, a chunk's worth at a time, with a turn of the event loop between chunks. */
export async function* lineBatchesOf(path: string, signal?: AbortSignal): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  for await (const chunk of chunksOf(path, signal)) {
    const lines = splitter.feed(decoder.write(chunk));
    if (lines.length) yield lines;
    await yieldToEventLoop();
  }
  const last = splitter.feed(decoder.end()).concat(splitter.end());
  if (last.length) yield last;
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}
