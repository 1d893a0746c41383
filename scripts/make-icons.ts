/**
 * Draws the app's two Teams icons with nothing but Node (PNG bytes written here, zlib for IDAT):
 * - manifest/color.png, 192×192: a white shield on the accent blue holding three board rows, each
 *   a red, amber or green status dot and a line of text;
 * - manifest/outline.png, 32×32: the same shield as a white outline with two rows, on transparent.
 * Run with `npx tsx scripts/make-icons.ts`; the output is deterministic, so re-running changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** Paints one sample point: the colour there, or undefined where nothing is drawn. */
type Painter = (x: number, y: number) => Rgb | undefined;

const ACCENT: Rgb = [0x1d, 0x4f, 0x91]; // manifest accentColor #1D4F91
const WHITE: Rgb = [255, 255, 255];
const RAG: Rgb[] = [
  [0xd1, 0x34, 0x38], // red
  [0xf2, 0xa9, 0x00], // amber
  [0x10, 0x7c, 0x10], // green
];
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A heater shield: straight sides, a slightly dipped top, curving to a point at the bottom. */
function inShield(b: Box, x: number, y: number): boolean {
  const cx = b.left + b.width / 2;
  const half = b.width / 2;
  const dx = Math.abs(x - cx);
  if (dx > half) return false;
  const dip = b.height * 0.05 * (1 - (dx / half) ** 2);
  if (y < b.top + dip) return false;
  const shoulder = b.top + b.height * 0.42;
  if (y <= shoulder) return true;
  const t = (y - shoulder) / (b.top + b.height - shoulder);
  return t <= 1 && dx <= half * Math.cos((t * Math.PI) / 2);
}

function inCircle(cx: number, cy: number, r: number, x: number, y: number): boolean {
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A bar with round ends from (x1, y) to (x2, y), `thick` high. */
function inBar(x1: number, x2: number, y: number, thick: number, x: number, py: number): boolean {
  const r = thick / 2;
  const nx = Math.min(Math.max(x, x1 + r), x2 - r);
  return inCircle(nx, y, r, x, py);
}

function colorIcon(): Painter {
  const shield: Box = { left: 46, top: 30, width: 100, height: 134 };
  const rows = [
    { y: 68, from: 84, to: 126 },
    { y: 96, from: 84, to: 126 },
    { y: 124, from: 84, to: 114 },
  ];
  return (x, y) => {
    if (!inShield(shield, x, y)) return ACCENT;
    for (const [i, row] of rows.entries()) {
      if (inCircle(70, row.y, 8, x, y)) return RAG[i];
      if (inBar(row.from, row.to, row.y, 9, x, y)) return ACCENT;
    }
    return WHITE;
  };
}

function outlineIcon(): Painter {
  // Whole-pixel edges and 2 px strokes keep the 32 px glyph crisp.
  const outer: Box = { left: 5, top: 3, width: 22, height: 26 };
  const inner: Box = { left: 7, top: 5, width: 18, height: 21.2 };
  return (x, y) => {
    const stroke = inShield(outer, x, y) && !inShield(inner, x, y);
    const rows = inBar(10, 22, 11, 2, x, y) || inBar(10, 22, 16, 2, x, y);
    return stroke || rows ? WHITE : undefined;
  };
}

/** Renders a painter to RGBA (alpha = coverage) or RGB (uncovered samples are an error). */
function render(size: number, paint: Painter, alpha: boolean): Buffer {
  const channels = alpha ? 4 : 3;
  const rows = Buffer.alloc(size * (size * channels + 1)); // each row starts with filter byte 0
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          covered++;
          for (let k = 0; k < 3; k++) sum[k]! += c[k]!;
        }
      if (!alpha && covered < SAMPLES * SAMPLES)
        throw new Error(`pixel ${px},${py} is not painted`);
      const at = py * (size * channels + 1) + 1 + px * channels;
      for (let k = 0; k < 3; k++) rows[at + k] = covered ? Math.round(sum[k]! / covered) : 0;
      if (alpha) rows[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit truecolour PNG (colour type 6 with alpha, 2 without). */
function png(size: number, paint: Painter, alpha: boolean): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(alpha ? 6 : 2, 9); // colour type; compression, filter, interlace stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(render(size, paint, alpha), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = resolve(import.meta.dirname, '..', 'manifest');
writeFileSync(resolve(out, 'color.png'), png(192, colorIcon(), false));
writeFileSync(resolve(out, 'outline.png'), png(32, outlineIcon(), true));
console.log(`wrote ${out}/color.png (192×192) and ${out}/outline.png (32×32)`);
