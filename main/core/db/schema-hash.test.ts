import { defaultHashSha256 } from 'rxdb';
import { expect, test } from 'vitest';
import { COLLECTION_SCHEMAS } from './collections.ts';
import { sha256 } from './database.ts';

// Databases store each collection's schema hash; a different digest would make RxDB refuse to open
// every existing profile as "another schema with the same version".
test("the schema hash is RxDB's own SHA-256, for every collection's schema and any text", async () => {
  const texts = [
    ...Object.values(COLLECTION_SCHEMAS).map((c) => JSON.stringify(c.schema)),
    '',
    'Zoë · 東京 · 🎉 \u0000 \ud800',
  ];
  for (const text of texts) expect(await sha256(text)).toBe(await defaultHashSha256(text));
});
