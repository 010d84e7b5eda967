#!/usr/bin/env node
// Draws the app icon and the tray icons (one per status, colour and macOS template variants,
// 1x and 2x) as real PNGs with nothing but node:zlib, so the artwork is reproducible from this
// script: `node build/generate-icons.mjs` rewrites build/icons/.
// The glyph: two chain links (the proxy chain); the tray adds a status dot (template images
// carry the status as a shape, since macOS recolours them).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels → PNG bytes (8-bit, colour type 6, no filtering). */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes as coverage functions on the unit square, anti-aliased by 4x4 supersampling.
const ring = (cx, cy, rx, ry, w) => (x, y) => {
  const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
  return Math.abs(d - 1) * Math.min(rx, ry) < w / 2;
};
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) < r;
const roundedSquare = (m, r) => (x, y) => {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0);
  return Math.hypot(qx, qy) < r;
};
const links = [ring(0.38, 0.5, 0.2, 0.13, 0.07), ring(0.62, 0.5, 0.2, 0.13, 0.07)];

function paint(size, layers) {
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        let hits = 0;
        for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size)) hits++;
        const ca = (hits / 16) * (color[3] / 255);
        if (ca === 0) continue;
        const na = ca + a * (1 - ca);
        [r, g, b] = [0, 1, 2].map((i) => (color[i] * ca + [r, g, b][i] * a * (1 - ca)) / na);
        a = na;
      }
      px.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * size + x) * 4);
    }
  return encodePng(size, px);
}

const STATUS_COLOURS = { unknown: [140, 149, 159, 255], probing: [56, 139, 253, 255], healthy: [46, 160, 67, 255], degraded: [210, 153, 34, 255], failing: [218, 54, 51, 255] };
const WHITE = [255, 255, 255, 255];
const INK = [36, 41, 47, 255];
const BLACK = [0, 0, 0, 255];
// Template variants tell statuses apart by shape: none, small dot, ring, filled dot, cross bar.
const TEMPLATE_MARK = {
  unknown: null,
  probing: ring(0.8, 0.8, 0.12, 0.12, 0.07),
  healthy: disc(0.8, 0.8, 0.07),
  degraded: disc(0.8, 0.8, 0.13),
  failing: (x, y) => Math.abs(x - y) < 0.06 && x > 0.62 && x < 0.98,
};

/** Every icon, by path under build/icons/, as PNG bytes (pure: the test compares them with the committed files). */
export function renderIcons() {
  const files = {};
  files['icon.png'] = paint(512, [{ shape: roundedSquare(0.04, 0.18), color: [0, 125, 156, 255] }, ...links.map((shape) => ({ shape, color: WHITE }))]);
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) {
    for (const [suffix, size] of [['', 16], ['@2x', 32]]) {
      files[`tray/tray-${status}${suffix}.png`] = paint(size, [...links.map((shape) => ({ shape, color: INK })), { shape: disc(0.8, 0.8, 0.17), color: colour }]);
      const mark = TEMPLATE_MARK[status];
      files[`tray/tray-${status}Template${suffix}.png`] = paint(size, [...links.map((shape) => ({ shape, color: BLACK })), ...(mark ? [{ shape: mark, color: BLACK }] : [])]);
    }
  }
  return files;
}

export function writeIcons(dir = out) {
  const files = renderIcons();
  mkdirSync(path.join(dir, 'tray'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  return Object.keys(files);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${writeIcons().length} icons to ${out}`);
}
