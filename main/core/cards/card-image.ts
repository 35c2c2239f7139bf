/**
 * The image a card is read from. The renderer sends a PNG (it converts photos and scales them
 * down first); the header is checked before decoding, so a small file that unpacks to a huge
 * bitmap is refused instead of filling memory.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { MAX_CARD_IMAGE_BYTES, MAX_CARD_IMAGE_PIXELS } from '../../../shared/ipc/channels/cards.ts';
import { AppError } from '../../../shared/ipc/result.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface CardImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** @throws AppError `invalid_input` naming the file when it is not a PNG, is empty, or is too large. */
export function checkCardImage(fileName: string, bytes: Uint8Array): CardImage {
  if (bytes.length === 0) throw new AppError('invalid_input', `${fileName} is empty.`);
  if (bytes.length > MAX_CARD_IMAGE_BYTES) {
    throw new AppError(
      'invalid_input',
      `${fileName} is too large to read (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CARD_IMAGE_BYTES / 1024 / 1024} MB).`,
    );
  }
  if (bytes.length < 24 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    throw new AppError('invalid_input', `${fileName} is not a PNG image.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width * height > MAX_CARD_IMAGE_PIXELS) {
    throw new AppError(
      'invalid_input',
      `${fileName} is ${width} × ${height} pixels; Rapport reads images up to ${MAX_CARD_IMAGE_PIXELS / 1e6} megapixels.`,
    );
  }
  return { png: bytes, width, height };
}

/** The text of the first QR code in the image, if there is one. */
export function findQrCode(fileName: string, image: CardImage): string | undefined {
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength));
  } catch {
    throw new AppError('invalid_input', `${fileName} could not be read as a PNG image (it may be damaged).`);
  }
  const pixels = new Uint8ClampedArray(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
  const code = jsQR(pixels, decoded.width, decoded.height, { inversionAttempts: 'attemptBoth' });
  return code?.data || undefined;
}
