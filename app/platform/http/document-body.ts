// The page entry.server rendered, kept beside its Response so the server can send the bytes in one
// write instead of reading them back through the Response's web stream. The build and the server
// bundle this module apart, hence a registered symbol. A Response without it (a HEAD answer, a
// resource route, a redirect) is sent the adapter's way.
const DOCUMENT = Symbol.for("innovation-region.document-body");

type WithDocument = Response & { [DOCUMENT]?: Uint8Array };

export function withDocument(response: Response, body: Uint8Array): Response {
  (response as WithDocument)[DOCUMENT] = body;
  return response;
}

export const documentBody = (response: Response): Uint8Array | undefined => (response as WithDocument)[DOCUMENT];
