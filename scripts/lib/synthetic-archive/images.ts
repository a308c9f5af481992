/** Hero images for the generated articles: photo-like JPEGs, the same bytes for the same seed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Random } from './random.ts';

const WIDTH = 1200;
const HEIGHT = 800;
const BLOBS = 6;

type Colour = readonly [number, number, number];
interface Blob {
  x: number;
  y: number;
  r: number;
  /** Brightness added at the centre (negative: darker). */
  v: number;
}

/** Write `count` images anh-01.jpg, anh-02.jpg… into `dir`; returns their file names. */
export async function writeImages(dir: string, count: number, rnd: Random): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `anh-${String(i + 1).padStart(2, '0')}.jpg`;
    writeFileSync(join(dir, name), await photoLikeJpeg(i, rnd));
    names.push(name);
  }
  return names;
}

/** A two-colour gradient with soft blobs and grain. */
async function photoLikeJpeg(index: number, rnd: Random): Promise<Buffer> {
  const from = randomColour(rnd);
  const to = randomColour(rnd);
  const blobs = Array.from({ length: BLOBS }, () => ({
    x: rnd.int(0, WIDTH),
    y: rnd.int(0, HEIGHT),
    r: rnd.int(60, 260),
    v: rnd.int(-90, 90),
  }));
  const pixels = paint(from, to, blobs, (index + 1) * 7919);
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer();
}

function randomColour(rnd: Random): Colour {
  return [rnd.int(20, 235), rnd.int(20, 235), rnd.int(20, 235)];
}

/** RGB pixels: the gradient runs along the diagonal; `noiseSeed` starts the grain's own generator. */
function paint(from: Colour, to: Colour, blobs: readonly Blob[], noiseSeed: number): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  let noise = noiseSeed;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const t = (x + y) / (WIDTH + HEIGHT);
      const shade = blobShade(blobs, x, y);
      noise = (noise * 1103515245 + 12345) >>> 0;
      const grain = ((noise >>> 16) & 31) - 16;
      const o = (y * WIDTH + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[o + c] = Math.max(0, Math.min(255, Math.round(from[c]! * (1 - t) + to[c]! * t + shade + grain)));
    }
  }
  return pixels;
}

function blobShade(blobs: readonly Blob[], x: number, y: number): number {
  let shade = 0;
  for (const b of blobs) {
    const d2 = (x - b.x) ** 2 + (y - b.y) ** 2;
    if (d2 < b.r * b.r) shade += b.v * (1 - d2 / (b.r * b.r));
  }
  return shade;
}
