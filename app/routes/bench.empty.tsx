import { NotFoundError } from "~/platform/db/errors.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { benchEnabled, benchRead, benchTransaction } from "~/platform/db/stats.server";
import { titled } from "~/ui/title";

// The cost of the shell alone (root loader, header, i18n, document render), which every page pays
// before its own work: `npm run bench` compares it with the bare route. Only with BENCH=1.
// `?read` adds a visitor's one statement alone: the least a page with data pays. `?tick` waits one
// turn of the event loop instead, without I/O: what waiting alone costs (tests/load/floor.ts). `?tx`
// sends `?read`'s statement in a visitor's transaction (BEGIN; settings with it; COMMIT), as a
// signed-in page sends its read: what the transaction's round trips add.
export const meta = titled();

export async function loader({ request }: LoaderFunctionArgs) {
  if (!benchEnabled()) throw new NotFoundError();
  const q = new URL(request.url).searchParams;
  if (q.has("read")) await benchRead();
  if (q.has("tx")) await benchTransaction();
  if (q.has("tick")) await new Promise((r) => setImmediate(r));
  return null;
}

export default function EmptyPage() {
  return <p>hello</p>;
}
