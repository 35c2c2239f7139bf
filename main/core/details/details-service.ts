import { randomUUID } from 'node:crypto';
import { map, type Observable } from 'rxjs';
import type { Detail, DetailFields } from '../../../shared/domain/detail.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { todayOf, type Clock } from '../clock.ts';
import type { RapportDatabase } from '../db/database.ts';

export interface DetailsService {
  add(fields: DetailFields): Promise<Detail>;
  /** Marks a detail resolved today (asked about, done). @throws AppError `not_found`. */
  resolve(id: string): Promise<Detail>;
  /** Brings a resolved detail back to open. */
  reopen(id: string): Promise<Detail>;
  update(id: string, fields: DetailFields): Promise<Detail>;
  /** A person's open details, newest first. */
  watchOpen(contactId: string): Observable<Detail[]>;
  openFor(contactId: string): Promise<Detail[]>;
}

export function createDetailsService(
  db: RapportDatabase,
  clock: Clock,
  newId: () => string = randomUUID,
): DetailsService {
  const find = async (id: string) => {
    const doc = await db.details.findOne(id).exec();
    if (!doc) throw new AppError('not_found', 'That detail no longer exists.');
    return doc;
  };
  const openQuery = (contactId: string) =>
    db.details.find({
      selector: { contactId, status: 'open' },
      sort: [{ contactId: 'desc' }, { learnedOn: 'desc' }, { id: 'desc' }],
      index: ['contactId', 'learnedOn'],
    });
  const setStatus = async (id: string, status: 'open' | 'resolved') => {
    const doc = await find(id);
    const next = await doc.incrementalModify((d) => {
      d.status = status;
      if (status === 'resolved') d.resolvedOn = todayOf(clock);
      else delete d.resolvedOn;
      d.updatedAt = clock.now().toISOString();
      return d;
    });
    return next.toMutableJSON() as Detail;
  };

  return {
    async add(fields) {
      if (!(await db.contacts.findOne(fields.contactId).exec()))
        throw new AppError('not_found', 'That person no longer exists.');
      const stamp = clock.now().toISOString();
      const detail: Detail = { ...fields, id: newId(), createdAt: stamp, updatedAt: stamp };
      await db.details.insert(detail);
      return detail;
    },
    resolve: (id) => setStatus(id, 'resolved'),
    reopen: (id) => setStatus(id, 'open'),
    async update(id, fields) {
      const existing = await find(id);
      const detail: Detail = { ...fields, id, createdAt: existing.createdAt, updatedAt: clock.now().toISOString() };
      await db.details.upsert(detail);
      return detail;
    },
    watchOpen(contactId) {
      return openQuery(contactId).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as Detail)));
    },
    async openFor(contactId) {
      return (await openQuery(contactId).exec()).map((d) => d.toMutableJSON() as Detail);
    },
  };
}
