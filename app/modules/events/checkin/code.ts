// A ticket's code as people see it: its number and a signature, in Crockford's base32 (no I, L, O,
// U; read back forgivingly), grouped for reading out: "4F-7KQM-XA9H-TR3P". The same text is the QR's
// content. Shared by the server (which signs) and the check-in page (which reads what was typed).

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters of signature: 60 bits, so a guess succeeds about once in 10^18 tries. */
export const SIGNATURE_LENGTH = 12;

export function encodeNumber(n: bigint): string {
  let out = "";
  do {
    out = ALPHABET[Number(n % 32n)]! + out;
    n /= 32n;
  } while (n > 0n);
  return out;
}

/** The first `length` base32 characters of some bytes (5 bits each, most significant first). */
export function encodeBits(bytes: Uint8Array, length: number): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(acc >> (bits - 5)) & 31]!;
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

export function formatCode(number: string, signature: string): string {
  return `${number}-${signature.slice(0, 4)}-${signature.slice(4, 8)}-${signature.slice(8)}`;
}

/**
 * What a person typed or a camera read, as the ticket number and signature it names, or null when it
 * cannot be a code. Spaces and dashes are ignored, lower case and the look-alikes O, I, L accepted.
 * A QR holding a link (…/tickets/CODE) is read from its last path segment.
 */
export function parseCode(raw: string): { number: bigint; signature: string } | null {
  const last = raw.trim().split("/").pop() ?? "";
  const text = last
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (text.length <= SIGNATURE_LENGTH || text.length > SIGNATURE_LENGTH + 12) return null;
  if ([...text].some((c) => !ALPHABET.includes(c))) return null;
  const numberPart = text.slice(0, -SIGNATURE_LENGTH);
  let number = 0n;
  for (const c of numberPart) number = number * 32n + BigInt(ALPHABET.indexOf(c));
  if (number === 0n || number > 9_223_372_036_854_775_807n) return null;
  return { number, signature: text.slice(-SIGNATURE_LENGTH) };
}

/** A code as typed, normalised, for comparing two reads of one ticket in the browser's queue. */
export const sameCode = (a: string, b: string) => {
  const x = parseCode(a);
  const y = parseCode(b);
  return !!x && !!y && x.number === y.number && x.signature === y.signature;
};
