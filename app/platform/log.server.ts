import pino from "pino";

// Structured JSON logs; every request logs its id (see http/request-id).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
});
