/**
 * Reading someone's card from an image: a QR code first (a vCard through our own vCard import,
 * or a profile address), else the printed text through OCR, turned into fields by the pure
 * parser in shared/domain/cards. The answer is a draft for review; nothing is written here.
 */
import { draftFromContact, emptyCardDraft } from '../../../shared/domain/cards/card-draft.ts';
import { parseCardText } from '../../../shared/domain/cards/parse-card-text.ts';
import { classifyQr } from '../../../shared/domain/cards/qr-content.ts';
import type { CardProgress, CardReading } from '../../../shared/ipc/channels/cards.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { importVCard, UNNAMED } from '../interchange/vcard/import.ts';
import { checkCardImage, findQrCode } from './card-image.ts';
import { OcrCancelled, type OcrEngine } from './ocr-engine.ts';

export interface ReadCardOptions {
  fileName: string;
  bytes: Uint8Array;
  ocr: OcrEngine;
  signal: AbortSignal;
  onProgress: (phase: CardProgress['phase'], progress: number) => void;
}

/** A vCard from a QR code, through the same reader as a vCard file. */
function readQrVCard(fileName: string, text: string): CardReading {
  const { cards, problems } = importVCard(new TextEncoder().encode(text), fileName);
  const first = cards[0];
  if (!first) {
    const why = problems.find((p) => p.severity === 'error')?.message ?? 'it holds no card';
    throw new AppError(
      'invalid_input',
      `The QR code in ${fileName} looks like a vCard, but it could not be read: ${why}`,
    );
  }
  const draft = draftFromContact(first.draft);
  return { outcome: 'read', source: 'qr-vcard', draft: draft.name === UNNAMED ? { ...draft, name: '' } : draft, text };
}

export async function readCard({ fileName, bytes, ocr, signal, onProgress }: ReadCardOptions): Promise<CardReading> {
  const image = checkCardImage(fileName, bytes);
  onProgress('looking-for-qr', 0);
  const qr = findQrCode(fileName, image);
  onProgress('looking-for-qr', 1);
  if (signal.aborted) return { outcome: 'cancelled' };
  if (qr) {
    const content = classifyQr(qr);
    if (content.kind === 'vcard') return readQrVCard(fileName, content.text);
    return {
      outcome: 'read',
      source: content.kind === 'url' ? 'qr-url' : 'qr-text',
      draft: content.draft,
      text: qr.slice(0, 20_000),
    };
  }
  try {
    const text = await ocr.recognise(image.png, onProgress, signal);
    const draft = text.trim() ? parseCardText(text) : emptyCardDraft();
    return { outcome: 'read', source: 'ocr', draft, text: text.slice(0, 20_000) };
  } catch (error) {
    if (error instanceof OcrCancelled) return { outcome: 'cancelled' };
    throw error;
  }
}
