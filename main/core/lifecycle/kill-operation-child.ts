/**
 * The child of the small-operation kill test (kill-operations.ts): runs one operation on a data
 * folder and SIGKILLs itself at the chosen storage write (kill-operation-run.ts).
 *   node kill-operation-child.ts <dataDir> <operation> <eventId> <kill: "before:N" | "after:N">
 */
import { runSmallOperation } from './kill-operation-run.ts';
import type { SmallOperation } from './kill-operations.ts';

const [dataDir, operation, eventId, kill] = process.argv.slice(2) as [string, SmallOperation, string, string];
await runSmallOperation(dataDir, operation, eventId, kill);
