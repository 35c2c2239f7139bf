/** The reminders area's IPC channels; joined into the contract by ../contract.ts. */
export const remindersRequests = {} as const;
export const remindersSubscriptions = {} as const;
export const remindersEvents = {} as const;
