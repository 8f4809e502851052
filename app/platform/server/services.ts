// What the server build's entry exports for the processes that run it (see app/entry.server.tsx):
// background services started from the same build, so they share its modules and connection pool.
export type Services = {
  startMailWorker: () => Promise<() => Promise<void>>;
  startJobs: () => Promise<() => Promise<void>>;
  closeSql: () => Promise<void>;
  checkFileStore: () => Promise<"disk" | "supabase">;
};
