import { z } from 'zod';
import { lazyObject } from '../lazy-schema.ts';
// Every check's message in words a person reads (installed once, wherever errors are made or shown).
import './validation-messages.ts';

/**
 * Errors cross every process boundary as values, never as thrown objects: Electron's IPC keeps
 * only `message` of a thrown Error, and a WebSocket keeps nothing.
 */
export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'data_dir_locked',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = lazyObject(() => ({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }));
export type FieldIssue = z.infer<typeof FieldIssue>;

export const RapportError = lazyObject(() => ({
  code: ErrorCode,
  message: z.string(),
  /** For `invalid_input`: one entry per failing field, so forms can show each message inline. */
  details: z.array(FieldIssue).optional(),
}));
export type RapportError = z.infer<typeof RapportError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: RapportError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: RapportError): Result<never> => ({ ok: false, error });

/** Thrown inside main to end a request with a specific code; the dispatcher turns it into a value. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, details?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** zod issues as field issues, keeping only what a user or a form needs. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/** One line a person can act on: "displayName: Name is required; emails.0.value: Enter a value". */
export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
