import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeSupabaseAuth } from "./fake-supabase-auth";
import { createFakeSupabaseStorage } from "./fake-supabase-storage";

/**
 * One fake Supabase project at one address, as the app sees a real one (SUPABASE_URL serves both
 * /auth/v1 and /storage/v1): Storage answered here, everything else passed to the fake Auth.
 */
export async function startFakeSupabase(databaseUrl: string) {
  const auth = await startFakeSupabaseAuth(databaseUrl);
  const storage = createFakeSupabaseStorage();
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path.startsWith("/storage/v1/")) return void storage.handle(req, res, path.slice("/storage/v1".length).split("?")[0]!);
    void passToAuth(req, res, path);
  });

  async function passToAuth(req: IncomingMessage, res: ServerResponse, path: string) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string" && !["host", "connection", "content-length"].includes(e[0])),
    );
    const answer = await fetch(auth.url + path, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
    const bytes = Buffer.from(await answer.arrayBuffer());
    const kept = [...answer.headers].filter(([name]) => !["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"].includes(name));
    res.writeHead(answer.status, Object.fromEntries(kept));
    res.end(bytes);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    anonKey: auth.anonKey,
    serviceRoleKey: storage.serviceRoleKey,
    auth,
    storage,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await auth.stop();
    },
  };
}

export type FakeSupabase = Awaited<ReturnType<typeof startFakeSupabase>>;
