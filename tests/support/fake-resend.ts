import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Behaviour = "ok" | "fail-500" | "rate-limit" | "invalid" | "lose-response";

/**
 * A stand-in for Resend's POST /emails at the HTTP boundary, for the real `resend` SDK. Like
 * Resend, it honours the Idempotency-Key header: a repeated key returns the first answer and
 * delivers nothing new. `delivered` is what recipients would actually get.
 */
export async function startFakeResend() {
  const requests: { key: string | undefined; to: string; subject: string }[] = [];
  const delivered: { id: string; key: string | undefined; to: string; subject: string }[] = [];
  const byKey = new Map<string, string>();
  const script: Behaviour[] = [];

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || req.url !== "/emails") return void res.writeHead(404).end();
    if (req.headers.authorization !== "Bearer re_test_key") {
      return void res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ name: "missing_api_key", message: "bad key", statusCode: 401 }));
    }
    const payload = JSON.parse(body) as { to: string | string[]; subject: string };
    const key = req.headers["idempotency-key"] as string | undefined;
    const to = Array.isArray(payload.to) ? payload.to.join(",") : payload.to;
    requests.push({ key, to, subject: payload.subject });
    const behaviour = script.shift() ?? "ok";
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(data));
    if (behaviour === "fail-500") return json(500, { name: "internal_server_error", message: "boom", statusCode: 500 });
    if (behaviour === "rate-limit") return json(429, { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 }, { "retry-after": "7" });
    if (behaviour === "invalid") return json(422, { name: "validation_error", message: "Invalid `to` field", statusCode: 422 });
    const known = key ? byKey.get(key) : undefined;
    const id = known ?? `fake-${delivered.length + 1}`;
    if (!known) {
      delivered.push({ id, key, to, subject: payload.subject });
      if (key) byKey.set(key, id);
    }
    // Accepted and delivered, but the answer never reaches the sender.
    if (behaviour === "lose-response") return void req.socket.destroy();
    json(200, { id });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    /** The next requests behave like this, in order; then "ok". */
    next: (...behaviours: Behaviour[]) => script.push(...behaviours),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
