import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

// A QR code as a black-and-white PNG of 1 bit a pixel, the same pixels `QRCode.toBuffer(text,
// { type: "png", width, margin })` draws with its default colours. qrcode draws through pngjs: 4
// bytes a pixel (640 kB for 400 × 400), each row filtered five ways to pick the best, then
// deflated; about 15 CPU ms a ticket, the largest part of a free registration's post. One bit a
// pixel is 20 kB, filtered once and deflated in a fraction of a millisecond.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** The PNG of `text`'s QR code (error correction M), `width` pixels wide with `margin` modules of white around it. */
export function qrPng(text: string, { width, margin }: { width: number; margin: number }): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: "M" }).modules;
  // qrcode's own geometry (renderer/utils.js): a fractional scale, each pixel taking the module it falls in
  const scale = width >= size + margin * 2 ? width / (size + margin * 2) : 4;
  const pixels = Math.floor((size + margin * 2) * scale);
  const edge = margin * scale;
  const rowBytes = 1 + Math.ceil(pixels / 8); // filter byte "none", then 8 pixels a byte, 1 = white
  const raw = Buffer.alloc(rowBytes * pixels);
  const moduleOf = (p: number) => (p >= edge && p < pixels - edge ? Math.floor((p - edge) / scale) : -1);
  const columns = Array.from({ length: pixels }, (_, j) => moduleOf(j));
  let previous = -2;
  for (let i = 0; i < pixels; i++) {
    const row = raw.subarray(i * rowBytes, (i + 1) * rowBytes);
    const r = moduleOf(i);
    if (r === previous && i > 0) {
      raw.copy(row, 0, (i - 1) * rowBytes, i * rowBytes); // the same module row as the pixel row above
      continue;
    }
    previous = r;
    for (let j = 0; j < pixels; j++) {
      const c = columns[j]!;
      const dark = r >= 0 && c >= 0 && data[r * size + c];
      const k = 1 + (j >> 3);
      if (!dark) row[k] = row[k]! | (0x80 >> (j & 7));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
