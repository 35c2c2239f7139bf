import { z } from 'zod';
import { lazyObject } from '../../lazy-schema.ts';

/** A document id as it crosses IPC. */
export const Id = z.string().min(1).max(200);

/** A value a sync merge set aside on one document: put it back (`use`), or keep the current one (`dismiss`). */
export const SettleSetAside = lazyObject(() => ({
  id: Id,
  conflictId: z.string().min(1).max(400),
  choice: z.enum(['use', 'dismiss']),
}));

/** An upload started with `uploads.begin`; large files travel this way instead of in one message. */
export const UploadId = z.string().regex(/^up-[a-f0-9]{32}$/, 'Not an upload id');
