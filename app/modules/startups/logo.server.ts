import { saveFile, sniffImage } from "~/platform/storage/files.server";

/**
 * A logo from an upload field: nothing when none was chosen, an i18n error key when it is not
 * a JPEG, PNG or WebP image by its bytes, else the stored name (under a generated name).
 */
export async function storeLogo(upload: FormDataEntryValue | null): Promise<{ path?: string } | { error: string }> {
  if (!(upload instanceof File) || upload.size === 0) return {};
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) return { error: "validation.image" };
  return { path: await saveFile("startup-logos", image.ext, bytes) };
}
