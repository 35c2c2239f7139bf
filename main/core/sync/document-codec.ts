import { open, OpenFailed, seal, type SyncKey } from './crypto.ts';
import { SyncError, UPDATE_REQUIRED_MESSAGE } from './errors.ts';
import { oneOf } from '../db/collections.ts';

/**
 * What a document looks like on the wire, and how it is sealed for the server. The server sees
 * `{ _id, _rev, _deleted?, c }`: `c` is the AES-GCM sealed JSON `{ v: schemaVersion, d: body }`,
 * bound to the collection and the document id, so a sealed body can't be moved to another id.
 */
export interface CouchDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [field: string]: unknown;
}

export interface DocumentCodec {
  /** For `_bulk_docs`: the document as the server will store it. */
  encode(doc: CouchDocument): CouchDocument;
  /** For `_all_docs`/`_changes` rows: the readable document, upgraded to this device's schema. */
  decode(doc: CouchDocument): Promise<CouchDocument>;
}

export interface CodecOptions {
  key: SyncKey;
  /** The RxDB collection name; part of the binding, so bodies can't move between collections. */
  collection: string;
  /** This device's schema version of the collection; written into every sealed document. */
  schemaVersion: number;
  /** Brings a body written with an older schema version up to `schemaVersion`. */
  upgrade: (doc: CouchDocument, fromVersion: number) => Promise<CouchDocument>;
}

interface Envelope {
  v: number;
  d: Record<string, unknown>;
}

/** Checked by hand: a zod parse here copied every document body and doubled the decode cost. */
function asEnvelope(value: unknown): Envelope {
  const envelope = value as Partial<Envelope> | null;
  if (
    !envelope ||
    typeof envelope !== 'object' ||
    !Number.isInteger(envelope.v) ||
    (envelope.v as number) < 0 ||
    !envelope.d ||
    typeof envelope.d !== 'object' ||
    Array.isArray(envelope.d)
  ) {
    throw new Error('Not a { v, d } envelope');
  }
  return envelope as Envelope;
}

/**
 * Ids travel in plain text, so they must never carry personal data. The app's ids are random
 * UUIDs or fixed area names; this refuses anything that looks like an email, a name or free text.
 */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function documentAad(collection: string, id: string): string {
  return `rapport-sync/v1/${collection}/${id}`;
}

export function createEncryptingCodec(options: CodecOptions): DocumentCodec {
  const { key, collection, schemaVersion } = options;
  return {
    encode(doc) {
      const { _id, _rev, _deleted, ...body } = doc;
      if (!SAFE_ID.test(_id)) {
        throw new SyncError(
          'integrity',
          `${oneOf(collection)} has an id that could reveal personal data on the sync server; it was not sent.`,
        );
      }
      const sealed: CouchDocument = {
        _id,
        c: seal(key, documentAad(collection, _id), JSON.stringify({ v: schemaVersion, d: body })),
      };
      if (_rev !== undefined) sealed._rev = _rev;
      if (_deleted === true) sealed._deleted = true;
      return sealed;
    },
    async decode(doc) {
      const { _id, _rev, _deleted, c } = doc;
      if (typeof c !== 'string') {
        // A bare tombstone (deleted with a plain DELETE, e.g. in Fauxton) carries nothing to read.
        if (_deleted === true) return doc;
        throw new SyncError(
          'integrity',
          `${oneOf(collection)} on the sync server was not encrypted by Rapport, so it was not read (server id ${_id}).`,
        );
      }
      let envelope: Envelope;
      try {
        envelope = asEnvelope(JSON.parse(open(key, documentAad(collection, _id), c)));
      } catch (error) {
        const reason = error instanceof OpenFailed ? 'does not open with this sync key' : 'is not one Rapport wrote';
        throw new SyncError(
          'integrity',
          `${oneOf(collection)} on the sync server ${reason}; nothing was written (server id ${_id}).`,
          {
            cause: error,
          },
        );
      }
      if (envelope.v > schemaVersion) throw new SyncError('update-required', UPDATE_REQUIRED_MESSAGE);
      let plain: CouchDocument = { ...envelope.d, _id };
      if (envelope.v < schemaVersion) plain = { ...(await options.upgrade(plain, envelope.v)), _id };
      if (_rev !== undefined) plain._rev = _rev;
      if (_deleted === true) plain._deleted = true;
      return plain;
    },
  };
}

/**
 * The same document shape without encryption: for the benchmark's baseline and nothing else. It
 * still stamps and checks the schema version, so the comparison isolates the cipher's cost.
 */
export function createPlainCodec(options: Omit<CodecOptions, 'key'>): DocumentCodec {
  return {
    encode: (doc) => ({ ...doc, v: options.schemaVersion }),
    async decode(doc) {
      const version = typeof doc.v === 'number' ? doc.v : 0;
      if (version > options.schemaVersion) throw new SyncError('update-required', UPDATE_REQUIRED_MESSAGE);
      const { v: _v, ...plain } = doc;
      return version < options.schemaVersion ? { ...(await options.upgrade(plain, version)), _id: doc._id } : plain;
    },
  };
}
