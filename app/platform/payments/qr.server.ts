import QRCode from "qrcode";

/** A QR code as an SVG document (no script, no external reference), sized by the page. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
