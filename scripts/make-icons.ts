/**
 * Draws Rapport's icons (app and tray, 1× and 2×, and the Linux icon-theme sizes) as PNGs into
 * build/icons. Original artwork: two overlapping circles, two people meeting. Run
 * `node scripts/make-icons.ts` after changing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
type Shader = (x: number, y: number) => Rgba | null;

const GREEN: Rgba = [11, 110, 79, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const MINT: Rgba = [160, 230, 200, 255];

function roundedSquare(x: number, y: number, r: number): boolean {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
}
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Coordinates are 0..1 across the icon. */
const appIcon: Shader = (x, y) => {
  if (!roundedSquare(x, y, 0.2)) return null;
  const left = inCircle(x, y, 0.39, 0.5, 0.2);
  const right = inCircle(x, y, 0.61, 0.5, 0.2);
  if (left && right) return MINT;
  if (left || right) return WHITE;
  return GREEN;
};

const trayIcon: Shader = (x, y) => {
  const left = inCircle(x, y, 0.35, 0.5, 0.3);
  const right = inCircle(x, y, 0.65, 0.5, 0.3);
  if (left && right) return [11, 110, 79, 150];
  return left || right ? GREEN : null;
};

/** 4×4 supersampling gives smooth edges without a graphics library. */
function render(size: number, shade: Shader): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          const a = c[3] / 255;
          sum[0]! += c[0] * a;
          sum[1]! += c[1] * a;
          sum[2]! += c[2] * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[offset + i] = sum[3]! ? Math.round(sum[i]! / sum[3]!) : 0;
      raw[offset + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, raw);
}

function encodePng(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../build/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
const files: [string, number, Shader][] = [
  ['icon.png', 512, appIcon],
  ['icon@2x.png', 1024, appIcon],
  ['tray.png', 16, trayIcon],
  ['tray@2x.png', 32, trayIcon],
];
for (const [name, size, shader] of files) writeFileSync(new URL(name, out), render(size, shader));
writeFileSync(new URL('../renderer-public/icon.png', out), render(64, appIcon));
// The Linux packages install these into the hicolor icon theme (electron-builder.yml linux.icon).
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const linux = new URL('linux/', out);
mkdirSync(linux, { recursive: true });
for (const size of LINUX_ICON_SIZES) writeFileSync(new URL(`${size}x${size}.png`, linux), render(size, appIcon));
console.log(
  `Wrote ${files.map(([n]) => n).join(', ')} to build/icons, ${LINUX_ICON_SIZES.length} sizes to build/icons/linux ` +
    'and the favicon to build/renderer-public.',
);
