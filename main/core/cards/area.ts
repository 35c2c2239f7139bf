import { z } from 'zod';
import { Profile, profileToContact } from '../../../shared/domain/cards/card-draft.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import type { Area, CoreContext } from '../context.ts';
import { toVCard } from '../interchange/vcard/serialise.ts';
import { settingsKey } from '../settings/settings-store.ts';
import { createOcrEngine, type OcrAssets } from './ocr-engine.ts';

/** Your own details for "My card"; synced, since they are the same on every device. */
export const PROFILE = settingsKey({
  id: 'profile',
  label: 'your own card',
  schema: z.object({ profile: Profile.optional() }),
  fallback: {},
  scope: 'synced',
});

type CardsChannel = 'cards.getProfile' | 'cards.setProfile' | 'cards.myCard' | 'cards.read' | 'cards.cancelRead';

/**
 * The cards area: your own card as a vCard, and reading other people's cards from images. It
 * owns no collection; the profile is a settings key. Reads run one at a time in the OCR worker.
 */
export function createCardsArea(ctx: CoreContext, ocrAssets?: OcrAssets): Area<CardsChannel, never> {
  const ocr = createOcrEngine(ocrAssets);
  const running = new Map<string, AbortController>();

  return {
    requests: {
      'cards.getProfile': () => ctx.settings.read(PROFILE),
      'cards.setProfile': async (profile) => (await ctx.settings.write(PROFILE, { profile })).profile ?? profile,
      'cards.myCard': async () => {
        const { profile } = await ctx.settings.read(PROFILE);
        if (!profile) throw new AppError('not_found', 'Fill in your details first: your name at least.');
        return { vcard: toVCard([profileToContact(profile)], '3.0') };
      },
      'cards.read': async ({ readId, fileName, base64, uploadId }) => {
        if (running.has(readId)) throw new AppError('conflict', 'That card is already being read.');
        const bytes = uploadId ? ctx.uploads.read(uploadId).bytes : Buffer.from(base64 ?? '', 'base64');
        const controller = new AbortController();
        running.set(readId, controller);
        try {
          // Loaded at the first card: the PNG and QR decoders are not needed to start the app.
          const { readCard } = await import('./read-card.ts');
          return await readCard({
            fileName,
            bytes,
            ocr,
            signal: controller.signal,
            onProgress: (phase, progress) => ctx.emit('cards.progress', { readId, phase, progress }),
          });
        } finally {
          running.delete(readId);
          if (uploadId) ctx.uploads.discard(uploadId);
        }
      },
      'cards.cancelRead': async ({ readId }) => {
        const controller = running.get(readId);
        controller?.abort();
        return { cancelled: controller !== undefined };
      },
    },
    subscriptions: {},
    close: () => ocr.close(),
  };
}
