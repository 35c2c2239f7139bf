/**
 * A collection's rows as stored, for comparing derived collections with a rebuild from scratch
 * (projection/rebuild.ts `expectedDerived`): plain objects without RxDB's own fields, by id.
 */
export const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

const strip = <T extends object>(doc: T): T =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))) as T;

export const storedRows = async <T extends { id: string }>(collection: {
  find(): { exec(): Promise<{ toMutableJSON(): unknown }[]> };
}) => byId((await collection.find().exec()).map((d) => strip(d.toMutableJSON() as T)));
