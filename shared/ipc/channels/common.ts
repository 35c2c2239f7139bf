import { z } from 'zod';

/** A document id as it crosses IPC. */
export const Id = z.string().min(1).max(200);
