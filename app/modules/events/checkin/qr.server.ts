import QRCode from "qrcode";
import type { MailAttachment } from "~/platform/mail/outbox.server";
import { qrPng } from "./qr-png.server";
import { ticketCode, type TicketKey } from "./token.server";

// A ticket's QR code: a PNG for mail (an inline cid: attachment; Gmail blocks data: images and
// most clients never draw SVG) and an SVG for pages. Both hold the code printed under them.

export async function ticketQr(t: TicketKey): Promise<{ code: string; attachment: MailAttachment }> {
  const code = ticketCode(t);
  const png = qrPng(code, { width: 400, margin: 2 });
  return { code, attachment: { filename: "ticket-qr.png", contentType: "image/png", content: png.toString("base64"), encoding: "base64", contentId: "ticket-qr" } };
}

export async function ticketQrSvg(t: TicketKey): Promise<{ code: string; svg: string }> {
  const code = ticketCode(t);
  return { code, svg: await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) };
}
