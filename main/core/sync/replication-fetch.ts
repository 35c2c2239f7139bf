import { z } from 'zod';
import type { CouchDocument, DocumentCodec } from './document-codec.ts';
import { SyncError } from './errors.ts';
import type { SyncTransport } from './transport.ts';

/**
 * The `fetch` handed to RxDB's replication-couchdb plugin: end-to-end encryption at the HTTP layer.
 *
 * rxdb 17.6's plugin uses exactly these endpoints (read in node_modules/rxdb/dist/esm/plugins/
 * replication-couchdb/index.js):
 *   - POST `_bulk_docs` `{docs}`: the push. Every document is sealed here.
 *   - POST `_all_docs` `{keys, include_docs, deleted}`: the master state before a push;
 *     GET `_all_docs?include_docs=true&keys=[…]`: the state after a push conflict. `rows[].doc` is opened.
 *   - GET `_changes?…include_docs=true` (feed normal or longpoll): the pull. `results[].doc` is opened.
 * Anything else passes through untouched. Everything above this layer, conflict handling included,
 * sees plaintext; the server sees only `_id`, `_rev`, `_deleted` and the sealed body.
 */

const BulkDocsRequest = z.looseObject({ docs: z.array(z.looseObject({ _id: z.string().min(1) })) });
const AllDocsResponse = z.looseObject({ rows: z.array(z.looseObject({ doc: z.unknown().optional() })) });
const ChangesResponse = z.looseObject({ results: z.array(z.looseObject({ doc: z.unknown().optional() })) });

export interface ReplicationFetchOptions {
  transport: SyncTransport;
  codec: DocumentCodec;
  /** Called with every failure before it is thrown to RxDB (which only keeps a plain copy). */
  onError: (error: SyncError) => void;
  /** Aborts in-flight and waiting requests when the replication stops. */
  signal?: AbortSignal;
}

export function createReplicationFetch(options: ReplicationFetchOptions): typeof fetch {
  const { transport, codec, signal } = options;

  async function replicationFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const endpoint = new URL(url).pathname.split('/').pop();
    let body = init.body;
    if (endpoint === '_bulk_docs' && typeof body === 'string') {
      const request = parse(BulkDocsRequest, JSON.parse(body), '_bulk_docs request');
      body = JSON.stringify({ ...request, docs: request.docs.map((doc) => codec.encode(doc as CouchDocument)) });
    }
    const response = await transport.request(url, { ...init, body }, signal);
    if (!response.ok && (endpoint === '_all_docs' || endpoint === '_changes' || endpoint === '_bulk_docs')) {
      // RxDB would retry these every second forever (a deleted database, a broken proxy): stop instead.
      await response.body?.cancel();
      throw new SyncError(
        'server',
        `The sync server answered ${response.status} to ${endpoint}; check that the database still exists.`,
      );
    }
    if (endpoint !== '_all_docs' && endpoint !== '_changes') return response;

    const json = await transport.readJson(response, url);
    // zod returns copies: decode into the parsed reply and send that on.
    const allDocs = endpoint === '_all_docs' ? parse(AllDocsResponse, json, '_all_docs reply') : null;
    const changes = allDocs ? null : parse(ChangesResponse, json, '_changes reply');
    const reply = allDocs ?? changes!;
    const rows = allDocs ? allDocs.rows : changes!.results;
    for (const row of rows) {
      if (row.doc && typeof row.doc === 'object') row.doc = await codec.decode(row.doc as CouchDocument);
    }
    return new Response(JSON.stringify(reply), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  }

  return async (input, init) => {
    try {
      return await replicationFetch(input, init);
    } catch (error) {
      const failure =
        error instanceof SyncError
          ? error
          : error instanceof Error && error.name === 'AbortError'
            ? error
            : new SyncError('server', `The sync failed: ${error instanceof Error ? error.message : String(error)}`, {
                cause: error,
              });
      if (failure instanceof SyncError) options.onError(failure);
      throw failure;
    }
  };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new SyncError('server', `The sync server sent an unexpected ${what} (at ${paths}).`);
  }
  return result.data;
}
