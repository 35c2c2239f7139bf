/** Ends every switch over a discriminated union, so a new case is a compile error, not a silent gap. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
