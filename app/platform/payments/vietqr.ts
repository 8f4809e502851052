// The payload of a VietQR code (NAPAS's profile of the EMVCo merchant-presented QR), which every
// Vietnamese banking app reads to pre-fill a transfer: the bank (its NAPAS BIN), the account, the
// amount and the description, closed by a CRC. Layout from NAPAS "QR Switching, Part IV: QR code
// format" v1.5.2, as summarised in github.com/giautm/emvqr-go's README (tests check public examples):
//   00 format "01" · 01 initiation (11 static, 12 with an amount) · 38 VietQR account
//   { 00 GUID A000000727 · 01 { 00 BIN · 01 account } · 02 service QRIBFTTA (to an account) }
//   53 currency 704 (VND) · 54 amount · 58 country VN · 62 { 08 purpose } · 63 CRC
// Each field is ID, two-digit length, value.

export type VietQrInput = {
  /** the bank's six-digit NAPAS BIN, e.g. 970436 (Vietcombank) */
  bin: string;
  account: string;
  /** whole đồng; omitted for a code the payer fills in */
  amountVnd?: number;
  /** what the transfer's description must say (our payment reference), at most 25 characters */
  purpose?: string;
};

const field = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`VietQR field ${id} is too long`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
};

/** CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF), as EMVCo prescribes, in four upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bin)) throw new Error("A VietQR bank BIN has six digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.account)) throw new Error("A VietQR account is 1 to 19 letters or digits");
  if (input.amountVnd !== undefined && !(Number.isSafeInteger(input.amountVnd) && input.amountVnd > 0 && String(input.amountVnd).length <= 13)) {
    throw new Error("A VietQR amount is a positive whole number of đồng");
  }
  // bank apps drop or reject what is not plain ASCII in the description: keep letters, digits and spaces
  if (input.purpose !== undefined && !/^[0-9A-Za-z ]{1,25}$/.test(input.purpose)) throw new Error("A VietQR purpose is 1 to 25 letters, digits or spaces");
  const account = field("38", field("00", "A000000727") + field("01", field("00", input.bin) + field("01", input.account)) + field("02", "QRIBFTTA"));
  const body =
    field("00", "01") +
    field("01", input.amountVnd === undefined ? "11" : "12") +
    account +
    field("53", "704") +
    (input.amountVnd === undefined ? "" : field("54", String(input.amountVnd))) +
    field("58", "VN") +
    (input.purpose === undefined ? "" : field("62", field("08", input.purpose))) +
    "6304";
  return body + crc16(body);
}
