/**
 * The settings area: one document per key in the `settings` collection, which only this module
 * writes. Every read is parsed with zod against the key's schema; a value written by a newer or
 * damaged version falls back to the key's default instead of breaking the app, and an update of a
 * synced key refuses to write over it (`conflict`) rather than replace all of it with the default.
 */
import { distinctUntilChanged, map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/result.ts';
import { asArea } from '../area.ts';
import type { Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { Expected } from '../lifecycle/write-journal.ts';

export interface SettingsKey<T> {
  readonly id: string;
  /** What the key holds, in the user's words, for messages ("your snoozes and skips"). */
  readonly label: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: T;
  /** `device`: state of this installation (where backups go, what was notified); never archived or synced. */
  readonly scope: 'synced' | 'device';
}

const deviceKeys = new Set<string>();

/** Declares a settings key; each area declares its own next to the code that uses it. */
export function settingsKey<T>(key: SettingsKey<T>): SettingsKey<T> {
  if (key.scope === 'device') deviceKeys.add(key.id);
  return key;
}

/** Ids of the keys that belong to this installation only. */
export const isDeviceSetting = (id: string): boolean => deviceKeys.has(id);

export interface SettingsStore {
  read<T>(key: SettingsKey<T>): Promise<T>;
  watch<T>(key: SettingsKey<T>): Observable<T>;
  write<T>(key: SettingsKey<T>, value: T): Promise<T>;
  /** Read, change and write one key; updates of the same store never interleave. */
  update<T>(key: SettingsKey<T>, change: (current: T) => T | void): Promise<T>;
  /** Removes a key (it reads as its default again). */
  remove(key: SettingsKey<unknown>): Promise<void>;
}

const parseOr = <T>(key: SettingsKey<T>, value: unknown): T => {
  // Without zod's compiled fast path: each key is parsed a few times per run (a start reads three),
  // and compiling one cost ~1 ms of a cold open, more than it ever saves on documents this small.
  const parsed = key.schema.safeParse(value, { jitless: true });
  return parsed.success ? parsed.data : structuredClone(key.fallback);
};

/**
 * @param expect The write journal's `expect` (read at write time: the journal is made after the
 *   store): inside a journalled operation, a key's document as it was is recorded before the
 *   write, so a crash or a failure puts it back with the operation's other writes.
 */
export function createSettingsStore(
  db: RapportDatabase,
  clock: Clock,
  expect: (expected: Expected) => void = () => {},
): SettingsStore {
  // By id from the storage: a read needs no query or document object, and a start reads three keys
  // before anything else has used RxDB's query path (2.4 ms of a cold open of 10k people). A read
  // after the database closed (a timer at shutdown) gets the default, as RxDB's query gave it.
  const raw = async (id: string) =>
    db.closed ? undefined : (await db.settings.storageInstance.findDocumentsById([id], false))[0]?.value;
  // One write at a time: Done and Snooze from the tray can arrive together.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };
  /** Records the key's document as it is, for an operation this write is part of. */
  const recordBefore = async (id: string) => {
    const existing = await db.settings.findOne(id).exec();
    expect(existing ? { replacedIn: { settings: [existing.toMutableJSON()] } } : { createdIn: { settings: [id] } });
  };
  const put = async <T>(key: SettingsKey<T>, value: T) => {
    // What is saved must read back: a value its schema refuses (a list past its cap) would read as
    // the default from then on, and every later update would be refused over it.
    const checked = key.schema.safeParse(value, { jitless: true });
    if (!checked.success)
      throw new AppError('invalid_input', `Rapport could not save ${key.label}: ${checked.error.issues[0]?.message}.`);
    await recordBefore(key.id);
    // Stored as plain JSON: zod output may hold undefined members that JSON drops anyway.
    await db.settings.upsert({
      id: key.id,
      value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>,
      updatedAt: clock.now().toISOString(),
    });
    return value;
  };

  return asArea('settings', {
    async read<T>(key: SettingsKey<T>) {
      return parseOr(key, await raw(key.id));
    },
    watch<T>(key: SettingsKey<T>) {
      return db.settings.findOne(key.id).$.pipe(
        map((doc) => parseOr(key, doc?.value)),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      );
    },
    write<T>(key: SettingsKey<T>, value: T) {
      return serial(() => put(key, value));
    },
    update<T>(key: SettingsKey<T>, change: (current: T) => T | void) {
      return serial(async () => {
        const stored = await raw(key.id);
        // A synced value this version cannot read (another device's newer version wrote it, or it is
        // damaged) reads as the default, but a change must not be written over it: that would wipe
        // the rest of it (every other snooze) here and, through sync, on the device that wrote it.
        // A device key is this installation's own bookkeeping (what was notified): it starts afresh.
        const parsed = stored === undefined ? undefined : key.schema.safeParse(stored, { jitless: true });
        if (parsed && !parsed.success && key.scope === 'synced') {
          throw new AppError(
            'conflict',
            `Rapport could not read ${key.label} as saved, so it changed nothing: a newer version of Rapport on another device may have saved a form this one does not know, or the saved copy is damaged. Updating Rapport on this device lets it read the newer form.`,
          );
        }
        const current = parsed?.success ? parsed.data : structuredClone(key.fallback);
        const next = change(current) ?? current;
        // Already so: no write, so no new revision for sync to carry (a star clicked twice).
        if (stored !== undefined && JSON.stringify(next) === JSON.stringify(stored)) return next;
        return put(key, next);
      });
    },
    async remove(key: SettingsKey<unknown>) {
      await serial(async () => {
        await recordBefore(key.id);
        await db.settings.findOne(key.id).remove();
      });
    },
  });
}
