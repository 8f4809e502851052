import { NotFoundError } from "~/platform/db/errors.server";
import { benchEnabled } from "~/platform/db/stats.server";
import { titled } from "~/ui/title";

// The cost of the shell alone (root loader, header, i18n, document render), which every page pays
// before its own work: `npm run bench` compares it with the bare route. Only with BENCH=1.
export const meta = titled();

export function loader() {
  if (!benchEnabled()) throw new NotFoundError();
  return null;
}

export default function EmptyPage() {
  return <p>hello</p>;
}
