import { sql } from "~/platform/db/sql.server";
import { logger } from "~/platform/log.server";
import { BATCH, deliverBatch, defaultTransport } from "./deliver.server";

/**
 * Delivers the outbox in the background: woken by NOTIFY when a mail commits, and polling every
 * few seconds for retries that come due. Any number of these can run; they never share a mail.
 */
export async function startMailWorker({ pollMs = 5000 } = {}) {
  const transport = defaultTransport();
  let running = false;
  let again = false;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // Again only after a full batch: a smaller one took every mail then due; one committed since
        // notifies (`again`), and retries coming due are the poll's.
        while ((await deliverBatch(transport)).claimed === BATCH);
      } while (again);
    } catch (error) {
      logger.error({ err: error }, "mail worker tick failed");
    } finally {
      running = false;
    }
  };
  const listener = await sql().listen("email_outbox", () => void tick());
  const timer = setInterval(() => void tick(), pollMs);
  void tick();
  logger.info({ transport: transport.name }, "mail worker started");
  return async () => {
    clearInterval(timer);
    await listener.unlisten();
  };
}
