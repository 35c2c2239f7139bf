/** The interchange area's IPC channels; joined into the contract by ../contract.ts. */
export const interchangeRequests = {} as const;
export const interchangeSubscriptions = {} as const;
export const interchangeEvents = {} as const;
