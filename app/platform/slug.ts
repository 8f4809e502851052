// Web addresses made from titles: "Đổi mới sáng tạo 2027" → "doi-moi-sang-tao-2027".
// Pure, shared by the browser (prefilling as the title is typed) and the server (the authority).

/** The longest slug the address schemas accept. */
export const SLUG_MAX = 63;

/**
 * A title as an address: diacritics stripped (đ/Đ too, which Unicode does not decompose),
 * lowercase, anything else between words a single hyphen, at most `max` characters, never
 * starting or ending with a hyphen. Empty when the title has no Latin letters or digits.
 */
export function slugify(title: string, max = SLUG_MAX): string {
  const plain = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return plain.slice(0, max).replace(/-+$/, "");
}
