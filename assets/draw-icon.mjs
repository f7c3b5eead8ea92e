#!/usr/bin/env node
/**
 * Draws the app icon, assets/icon.png (512×512, transparent corners): a sheet of minutes with a
 * heading, ruled lines and a bookmark ribbon on a rounded navy tile. Written with zlib alone so
 * the icon can be redrawn without an image editor or another dependency:
 *   node assets/draw-icon.mjs
 * electron-builder converts this one PNG into the Windows .ico and macOS .icns it needs.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
/** Samples per pixel along each axis; edges are averaged so curves and corners are smooth. */
const SUPERSAMPLE = 4;

const NAVY = [35, 64, 107];
const PAPER = [253, 250, 243];
const INK = [35, 64, 107];
const RULE = [159, 179, 200];
const RIBBON = [224, 160, 48];

function roundedRect(left, top, right, bottom, radius) {
  return (x, y) => {
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** The ribbon: a strip with a swallow-tail notch cut into its lower end. */
function ribbon(left, top, right, bottom, notch) {
  const middle = (left + right) / 2;
  const half = (right - left) / 2;
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const notchTop = bottom - notch * (1 - Math.abs(x - middle) / half);
    return y < notchTop;
  };
}

// Painted in order; the last shape that covers a point gives its colour.
const shapes = [
  { color: NAVY, covers: roundedRect(16, 16, 496, 496, 100) },
  { color: PAPER, covers: roundedRect(132, 92, 380, 420, 22) },
  { color: INK, covers: roundedRect(168, 140, 282, 158, 9) },
  { color: RULE, covers: roundedRect(168, 198, 344, 210, 6) },
  { color: RULE, covers: roundedRect(168, 238, 344, 250, 6) },
  { color: RULE, covers: roundedRect(168, 278, 344, 290, 6) },
  { color: RULE, covers: roundedRect(168, 318, 300, 330, 6) },
  { color: INK, covers: roundedRect(168, 362, 232, 376, 7) },
  { color: RIBBON, covers: ribbon(306, 92, 346, 190, 18) },
];

function pixel(px, py) {
  const sum = [0, 0, 0];
  let covered = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      let color;
      for (const shape of shapes) if (shape.covers(x, y)) color = shape.color;
      if (!color) continue;
      covered += 1;
      for (let channel = 0; channel < 3; channel += 1) sum[channel] += color[channel];
    }
  }
  if (covered === 0) return [0, 0, 0, 0];
  const alpha = Math.round((255 * covered) / (SUPERSAMPLE * SUPERSAMPLE));
  return [...sum.map((total) => Math.round(total / covered)), alpha];
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  // Each row starts with filter type 0 (none), followed by RGBA bytes.
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x += 1) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL('./icon.png', import.meta.url), png());
