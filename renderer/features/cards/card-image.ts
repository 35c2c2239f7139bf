/**
 * Photos are turned into a PNG of at most MAX_SIDE pixels before they are sent: phone photos
 * are 12+ megapixels and JPEG, HEIC or WebP, and the core reads one format at a size OCR likes.
 * The browser decodes whatever it can show, turning the photo upright from its EXIF orientation.
 */

/** Longest side sent for reading: a business card at this size has ~40 px capital letters. */
export const MAX_SIDE = 2000;
/** Larger files are refused before decoding, so a wrong pick cannot freeze the window. */
export const MAX_PICKED_BYTES = 50 * 1024 * 1024;

export class CardImageError extends Error {}

export async function toReadablePng(file: Blob, name: string): Promise<File> {
  if (file.size > MAX_PICKED_BYTES) {
    throw new CardImageError(
      `${name} is too large (${(file.size / 1024 / 1024).toFixed(0)} MB). Choose a photo under 50 MB.`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new CardImageError(`${name} is not an image Rapport can open. Use a PNG or JPEG photo or screenshot.`);
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new CardImageError('This window cannot draw images, so the card cannot be read here.');
  // White under transparent screenshots: OCR reads dark text on light ground.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: 'image/png' });
  return new File([png], name.replace(/\.[^.]*$/, '') + '.png', { type: 'image/png' });
}
