import { z } from 'zod';
import { CardDraft, Profile } from '../../domain/cards/card-draft.ts';
import { UploadId } from './common.ts';
import { MAX_INLINE_BASE64 } from './interchange.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/**
 * Cards, on the device: your own card as a QR code, and reading someone else's card from a
 * photo or screenshot (a QR code, or a paper card through on-device OCR). Joined into the
 * contract by ../contract.ts. The image comes inline when small, else as an upload.
 */

/** The largest image a card may be read from; the renderer scales photos down well below it. */
export const MAX_CARD_IMAGE_BYTES = 15 * 1024 * 1024;
/** Decoded size limit, checked from the image header before decoding (a small file can unpack huge). */
export const MAX_CARD_IMAGE_PIXELS = 40_000_000;

/** Chosen by the renderer, so it can cancel a read and follow its progress before the answer arrives. */
export const CardReadId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'Not a card read id');

export const CardSource = z.enum(['qr-vcard', 'qr-url', 'qr-text', 'ocr']);
export type CardSource = z.infer<typeof CardSource>;

export const CardReading = z.discriminatedUnion('outcome', [
  lazyObject(() => ({
    outcome: z.literal('read'),
    source: CardSource,
    draft: CardDraft,
    /** What was read, as text: the QR code's contents or the OCR text, for the user to compare. */
    text: z.string().max(20_000),
  })),
  lazyObject(() => ({ outcome: z.literal('cancelled') })),
]);
export type CardReading = z.infer<typeof CardReading>;

export const CardProgress = lazyObject(() => ({
  readId: CardReadId,
  phase: z.enum(['looking-for-qr', 'loading-ocr', 'reading-text']),
  /** 0 to 1 within the phase. */
  progress: z.number().min(0).max(1),
}));
export type CardProgress = z.infer<typeof CardProgress>;

export const cardsRequests = {
  /** Your own details for "My card"; absent until you fill them in. */
  'cards.getProfile': channel(() => ({ input: z.object({}), output: z.object({ profile: Profile.optional() }) })),
  'cards.setProfile': channel(() => ({ input: Profile, output: Profile })),
  /** Your profile as a vCard 3.0 (the text the QR code holds). @throws not_found without a profile. */
  'cards.myCard': channel(() => ({ input: z.object({}), output: z.object({ vcard: z.string().max(4000) }) })),
  /**
   * Reads a card from a PNG or JPEG: a QR code first (a vCard or a profile address), else the
   * printed text through OCR. Nothing is written: the draft is for the user to review.
   */
  'cards.read': channel(() => ({
    input: z
      .object({
        readId: CardReadId,
        fileName: z.string().trim().min(1).max(300),
        base64: z.string().max(MAX_INLINE_BASE64, 'Images over 2 MB are sent as an upload (uploads.begin)').optional(),
        uploadId: UploadId.optional(),
      })
      .refine((v) => (v.base64 === undefined) !== (v.uploadId === undefined), {
        message: 'Send the image either inline or as an upload',
      }),
    output: CardReading,
  })),
  /** Stops a running read; it then answers `cancelled`. */
  'cards.cancelRead': channel(() => ({
    input: z.object({ readId: CardReadId }),
    output: z.object({ cancelled: z.boolean() }),
  })),
} as const;

export const cardsEvents = {
  /** Progress of a running `cards.read`. */
  'cards.progress': CardProgress,
} as const;
