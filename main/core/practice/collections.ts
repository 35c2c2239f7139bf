/** The practice area's RxDB collections (schemas and migrations); joined in ../db/database.ts. */
export type PracticeCollections = Record<never, never>;
export const practiceCollections = {};
