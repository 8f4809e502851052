import { PNG } from "pngjs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrPng } from "~/modules/events/checkin/qr-png.server";

// The ticket mail's QR image is drawn by our 1-bit encoder instead of qrcode's pngjs renderer
// (decision 008, sixth pass, txn): the picture a scanner sees must be the same, pixel for pixel.
describe("a ticket's QR image", () => {
  it("has the pixels qrcode's own PNG has, for codes of every length and several widths", async () => {
    for (let i = 0; i < 60; i++) {
      const text = `${i}-${"0123456789ABCDEFGHJKMNPQRSTVWXYZ".slice(i % 20)}-${"X".repeat(i)}`;
      const width = [400, 333, 120, 21][i % 4]!;
      const theirs = PNG.sync.read(await QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 2, width }));
      const ours = PNG.sync.read(qrPng(text, { width, margin: 2 }));
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      expect(ours.data.equals(theirs.data), `${text} at ${width} px`).toBe(true);
    }
  });
});
