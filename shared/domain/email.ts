import { z } from 'zod';

/**
 * The one rule for what an email address is, wherever one is typed or imported: the person
 * forms, My card, quick capture and the vCard/CSV import. It is zod's `z.email()` pattern: ASCII,
 * with a dotted domain that ends in two or more letters. `bob@example` fails it, because a domain
 * without a dot is a typo far more often than a host on a private network.
 */
export const EMAIL_HINT = 'Enter an email address like name@example.org';

let schema: z.ZodEmail | undefined;
/** Built at first use, like the domain's other schemas (shared/lazy-schema.ts). */
export const emailSchema = (): z.ZodEmail => (schema ??= z.email({ error: EMAIL_HINT }));

export const isEmailAddress = (value: string): boolean => emailSchema().safeParse(value.trim()).success;

/** What is said about a value that fails the rule, quoting it. */
export const notAnEmail = (value: string): string => `“${value}” is not an email address`;
