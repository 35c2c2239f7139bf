/** The practice area's IPC channels; joined into the contract by ../contract.ts. */
export const practiceRequests = {} as const;
export const practiceSubscriptions = {} as const;
export const practiceEvents = {} as const;
