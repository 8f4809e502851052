import { createConnection, createServer, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that can freeze: while frozen it still accepts connections
 * but passes no byte either way, as a hung server or a silent network does. Thawing lets
 * everything through again, old connections and new.
 */
export async function startFreezableProxy(target: { host: string; port: number }) {
  let frozen = false;
  const pairs: [Socket, Socket][] = [];
  const waiting: Socket[] = [];

  const connect = (client: Socket) => {
    const upstream = createConnection(target);
    pairs.push([client, upstream]);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  };

  const server = createServer((client) => {
    if (frozen) {
      client.pause();
      client.on("error", () => client.destroy());
      waiting.push(client);
    } else connect(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };

  return {
    port,
    freeze() {
      frozen = true;
      for (const [a, b] of pairs) {
        a.pause();
        b.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const [a, b] of pairs) {
        a.resume();
        b.resume();
      }
      for (const client of waiting.splice(0)) if (!client.destroyed) connect(client);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...pairs.flat(), ...waiting]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
