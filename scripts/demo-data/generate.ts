// Realistic, deterministic demo data for Rapport: invented people, three years of interactions
// ending on `today`, and the personal details learned along the way. Pure: no clock, no
// Math.random, no database. Same options, same output, byte for byte.
import { generateDemoContacts, type DemoContact } from './contacts.ts';
import {
  generateDemoInteractions,
  type DemoDetail,
  type DemoInteraction,
  type DemoInteractionBatch,
} from './interactions.ts';

export { generateDemoContacts, generateDemoInteractions };
export type { DemoContact, DemoDetail, DemoInteraction, DemoInteractionBatch };

export interface DemoDataOptions {
  contacts: number;
  interactions: number;
  /** Defaults to 1. */
  seed?: number;
  /** `YYYY-MM-DD`; the dataset ends here and nothing except future follow-ups is later. */
  today: string;
}

export interface DemoData {
  contacts: DemoContact[];
  /** Oldest first; contactIds reference generated contacts. */
  interactions: DemoInteraction[];
  /** contactId and interactionId reference generated items. */
  details: DemoDetail[];
}

export function generateDemoData(options: DemoDataOptions): DemoData {
  const contacts = generateDemoContacts(options);
  const interactions: DemoInteraction[] = new Array(options.interactions);
  const details: DemoDetail[] = [];
  let i = 0;
  for (const batch of generateDemoInteractions(contacts, options)) {
    interactions[i++] = batch.interaction;
    for (const detail of batch.details) details.push(detail);
  }
  return { contacts, interactions, details };
}
