import { readFileSync } from 'node:fs';
import type { ImageSnapshot } from './protocol.ts';
import { SNAPSHOT } from './recorder.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; undefined for anything that is not a PNG. */
export function pngSize(buffer: Buffer): { width: number; height: number } | undefined {
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (buffer.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

interface Representation {
  scaleFactor: number;
  width: number;
  height: number;
  buffer: Buffer;
}

/**
 * A NativeImage holding PNG representations per scale factor. As in Electron, a path that does
 * not exist or is not an image gives an empty image instead of an error, so only checking
 * `isEmpty()` finds a broken asset path. (This fake decodes PNG only.)
 */
export class FakeNativeImage {
  readonly #representations = new Map<number, Representation>();

  [SNAPSHOT](): ImageSnapshot {
    return {
      empty: this.isEmpty(),
      representations: [...this.#representations.values()].map(({ scaleFactor, width, height }) => ({
        scaleFactor,
        width,
        height,
      })),
    };
  }

  isEmpty = () => this.#representations.size === 0;
  getScaleFactors = () => [...this.#representations.keys()].sort();

  getSize(scaleFactor = 1): { width: number; height: number } {
    const representation = this.#representations.get(scaleFactor) ?? [...this.#representations.values()][0];
    if (!representation) return { width: 0, height: 0 };
    return {
      width: Math.round(representation.width / representation.scaleFactor),
      height: Math.round(representation.height / representation.scaleFactor),
    };
  }

  toPNG(options: { scaleFactor?: number } = {}): Buffer {
    return this.#representations.get(options.scaleFactor ?? 1)?.buffer ?? Buffer.alloc(0);
  }

  addRepresentation(options: { scaleFactor?: number; buffer?: Buffer; dataURL?: string }): void {
    const buffer =
      options.buffer ?? (options.dataURL ? Buffer.from(options.dataURL.split(',')[1] ?? '', 'base64') : undefined);
    const size = buffer && pngSize(buffer);
    if (!buffer || !size) return;
    const scaleFactor = options.scaleFactor ?? 1;
    this.#representations.set(scaleFactor, { scaleFactor, ...size, buffer });
  }
}

export const nativeImage = {
  createEmpty: () => new FakeNativeImage(),
  createFromPath(path: string): FakeNativeImage {
    const image = new FakeNativeImage();
    try {
      image.addRepresentation({ buffer: readFileSync(path) });
    } catch {
      // Electron returns an empty image for a missing file.
    }
    return image;
  },
  createFromBuffer(buffer: Buffer, options: { scaleFactor?: number } = {}): FakeNativeImage {
    const image = new FakeNativeImage();
    image.addRepresentation({ buffer, ...options });
    return image;
  },
};
