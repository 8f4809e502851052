// The page entry.server rendered, kept beside its Response so the server can send the bytes in one
// write instead of reading them back through the Response's web stream. The build and the server
// bundle this module apart, hence a registered symbol. A Response without it (a HEAD answer, a
// resource route, a redirect) is sent the adapter's way.
const DOCUMENT = Symbol.for("innovation-region.document-body");

type WithDocument = Response & { [DOCUMENT]?: Uint8Array };

/**
 * A rendered page as a Response whose body stream is made only if something reads the body: the
 * server sends the bytes beside it, and building undici's ReadableStream around them (a copy of the
 * bytes, a transferable stream) was 3-4 % of an empty page's CPU (decision 008, sixth pass). Every
 * reader (`body`, `text()`, `clone()`, …) gets the same bytes as from `new Response(page)`.
 */
class DocumentResponse extends Response {
  readonly #page: Uint8Array<ArrayBuffer>;
  #read: Response | undefined;

  constructor(page: Uint8Array<ArrayBuffer>, init: ResponseInit) {
    super(null, init);
    this.#page = page;
  }

  /** A Response of the page's bytes with this one's headers (for `blob()`'s type), made on first read. */
  #reader(): Response {
    return (this.#read ??= new Response(this.#page, { headers: this.headers }));
  }

  override get body() {
    return this.#reader().body;
  }
  override get bodyUsed() {
    return this.#read?.bodyUsed ?? false;
  }
  override arrayBuffer() {
    return this.#reader().arrayBuffer();
  }
  override blob() {
    return this.#reader().blob();
  }
  override bytes() {
    return this.#reader().bytes();
  }
  override formData() {
    return this.#reader().formData();
  }
  override json() {
    return this.#reader().json() as Promise<unknown>;
  }
  override text() {
    return this.#reader().text();
  }
  override clone(): Response {
    if (this.bodyUsed) return this.#reader().clone(); // throws, as Response's does once the body was read
    return withDocument(new DocumentResponse(this.#page, { status: this.status, statusText: this.statusText, headers: this.headers }), this.#page);
  }
}

/** A rendered page's Response, carrying its bytes for `documentBody`. */
export function documentResponse(page: Uint8Array<ArrayBuffer>, init: ResponseInit): Response {
  return withDocument(new DocumentResponse(page, init), page);
}

function withDocument(response: Response, body: Uint8Array): Response {
  (response as WithDocument)[DOCUMENT] = body;
  return response;
}

export const documentBody = (response: Response): Uint8Array | undefined => (response as WithDocument)[DOCUMENT];
