import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A fake Supabase Storage at its HTTP boundary (the few endpoints of storage-api we call), for the
 * real supabase-js on our side. Errors come in Storage's legacy shape, which it still serves: HTTP
 * 400 with the meaning in the body's statusCode ("404", "409", "403"). Only the service role key
 * bypasses Storage's policies; our bucket has none, so any other key can neither read nor write,
 * and a private bucket's objects have no public URL. Objects stay in memory for the test to read.
 */
export type StoredObject = { bytes: Buffer; contentType: string; cacheControl: string | undefined };
type Bucket = { id: string; public: boolean; fileSizeLimit: number | null; allowedMimeTypes: string[] | null };

class StorageHttpError extends Error {
  constructor(
    readonly statusCode: string,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}
const notFound = (what: "Object" | "Bucket") => new StorageHttpError("404", "not_found", `${what} not found`);

export function createFakeSupabaseStorage() {
  const secret = randomBytes(32);
  const sign = (payload: Record<string, unknown>) => {
    const head = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${head}.${body}.${createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url")}`;
  };
  const serviceRoleKey = sign({ iss: "supabase", role: "service_role", iat: 0, exp: 4_000_000_000 });
  const buckets = new Map<string, Bucket>();
  const objects = new Map<string, StoredObject>();
  const requests: { method: string; path: string }[] = [];
  // A test sets `down` to see Storage down: every request answers 503; `deletesDown`: deletes alone do.
  const state = { down: false, deletesDown: false };

  const isService = (req: IncomingMessage) => req.headers.apikey === serviceRoleKey && req.headers.authorization === `Bearer ${serviceRoleKey}`;

  function bucketOf(id: string) {
    const bucket = buckets.get(id);
    if (!bucket) throw notFound("Bucket");
    return bucket;
  }

  function put(req: IncomingMessage, bucketId: string, path: string, body: Buffer, update: boolean) {
    if (!isService(req)) throw new StorageHttpError("403", "Unauthorized", "new row violates row-level security policy");
    const bucket = bucketOf(bucketId);
    const key = `${bucketId}/${path}`;
    const contentType = String(req.headers["content-type"] ?? "application/octet-stream");
    if (bucket.fileSizeLimit !== null && body.length > bucket.fileSizeLimit) throw new StorageHttpError("413", "Payload too large", "The object exceeded the maximum allowed size");
    if (bucket.allowedMimeTypes && !bucket.allowedMimeTypes.includes(contentType)) throw new StorageHttpError("415", "invalid_mime_type", `mime type ${contentType} is not supported`);
    const exists = objects.has(key);
    if (update && !exists) throw notFound("Object");
    if (!update && exists && req.headers["x-upsert"] !== "true") throw new StorageHttpError("409", "Duplicate", "The resource already exists");
    objects.set(key, { bytes: body, contentType, cacheControl: req.headers["cache-control"] });
    return { Id: randomUUID(), Key: key };
  }

  /** Answers one request under /storage/v1; `rest` is the path after it. */
  async function handle(req: IncomingMessage, res: ServerResponse, rest: string) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    requests.push({ method, path: rest });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(value));
    };
    try {
      if (state.down || (state.deletesDown && method === "DELETE")) return json(503, { statusCode: "503", error: "Service Unavailable", message: "storage is down" });
      if (!req.headers.apikey && !rest.startsWith("/object/public/")) throw new StorageHttpError("403", "Unauthorized", "headers must have required property 'authorization'");
      const [, kind = "", ...segments] = rest.split("/").map(decodeURIComponent);
      if (kind === "bucket") {
        if (method === "POST" && segments.length === 0) {
          if (!isService(req)) throw new StorageHttpError("403", "Unauthorized", "new row violates row-level security policy");
          const spec = JSON.parse(body.toString("utf8")) as { id: string; public?: boolean; file_size_limit?: number; allowed_mime_types?: string[] };
          if (buckets.has(spec.id)) throw new StorageHttpError("409", "Duplicate", "The resource already exists");
          buckets.set(spec.id, { id: spec.id, public: spec.public === true, fileSizeLimit: spec.file_size_limit ?? null, allowedMimeTypes: spec.allowed_mime_types ?? null });
          return json(200, { name: spec.id });
        }
        if (method === "GET" && segments.length === 1) {
          if (!isService(req)) throw notFound("Bucket");
          const bucket = bucketOf(segments[0]!);
          return json(200, { id: bucket.id, name: bucket.id, owner: "", public: bucket.public, file_size_limit: bucket.fileSizeLimit, allowed_mime_types: bucket.allowedMimeTypes, created_at: "", updated_at: "" });
        }
      }
      if (kind === "object") {
        const access = segments[0] === "public" || segments[0] === "authenticated" ? segments.shift() : undefined;
        const [bucketId = "", ...pathParts] = segments;
        const path = pathParts.join("/");
        if (method === "DELETE" && pathParts.length === 0) {
          if (!isService(req)) return json(200, []);
          bucketOf(bucketId);
          const { prefixes } = JSON.parse(body.toString("utf8")) as { prefixes: string[] };
          const removed = prefixes.filter((p) => objects.delete(`${bucketId}/${p}`));
          return json(200, removed.map((name) => ({ name, bucket_id: bucketId, id: randomUUID() })));
        }
        if ((method === "POST" || method === "PUT") && !access) return json(200, put(req, bucketId, path, body, method === "PUT"));
        if (method === "GET") {
          const bucket = buckets.get(bucketId);
          const allowed = access === "public" ? bucket?.public === true : isService(req);
          const object = allowed ? objects.get(`${bucketId}/${path}`) : undefined;
          if (!object) throw notFound("Object");
          res.writeHead(200, { "Content-Type": object.contentType, "Content-Length": object.bytes.length });
          return res.end(object.bytes);
        }
      }
      throw new StorageHttpError("404", "not_found", `fake Supabase Storage does not implement ${method} ${rest}`);
    } catch (error) {
      if (error instanceof StorageHttpError) json(400, { statusCode: error.statusCode, error: error.error, message: error.message });
      else json(500, { statusCode: "500", error: "internal", message: String(error) });
    }
  }

  return {
    serviceRoleKey,
    buckets,
    objects,
    requests,
    state,
    handle,
    /** A bucket made by hand in the dashboard before the app first ran. */
    addBucket(id: string, opts: { public: boolean }) {
      buckets.set(id, { id, public: opts.public, fileSizeLimit: null, allowedMimeTypes: null });
    },
  };
}

export type FakeSupabaseStorage = ReturnType<typeof createFakeSupabaseStorage>;
