/**
 * Child process of the key conversion kill test: opens the test table of `<databaseDirectory>`,
 * which converts it to compact keys (key-format.ts), prints "converted" and exits. The test
 * SIGKILLs it at random moments of that conversion. Usage: node key-format-child.ts <databaseDirectory>
 */
import { getRxStorageSqlite } from './index.ts';
import { CONVERSION_TEST, conversionSchema } from './key-format-fixture.ts';
import { createInstance } from './test-helpers.ts';

const [directory] = process.argv.slice(2);
if (!directory) throw new Error('usage: key-format-child.ts <databaseDirectory>');
process.stdout.write('opening\n');
const store = await createInstance(
  getRxStorageSqlite({ databaseDirectory: directory }),
  conversionSchema,
  CONVERSION_TEST.database,
  CONVERSION_TEST.collection,
);
await store.close();
process.stdout.write('converted\n');
