// Draws the toolbar icon (a life ring) at each size the manifest lists, as PNG files in
// public/icons/. Run by hand when the design changes: `npx tsx scripts/make-icons.ts`.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const RED: [number, number, number] = [0xd9, 0x3a, 0x2b];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const EDGE: [number, number, number] = [0x7a, 0x1d, 0x14];

function pixel(x: number, y: number, size: number): [number, number, number, number] {
  const c = (size - 1) / 2;
  const dx = x - c;
  const dy = y - c;
  const r = Math.hypot(dx, dy) / (size / 2);
  if (r > 0.98 || r < 0.42) return [0, 0, 0, 0];
  if (r > 0.9 || r < 0.5) return [...EDGE, 255];
  // Four white bands on a red ring, the classic life buoy.
  const angle = (Math.atan2(dy, dx) + Math.PI * 2 + Math.PI / 4) % (Math.PI / 2);
  return [...(angle < Math.PI / 4 ? RED : WHITE), 255];
}

function png(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
