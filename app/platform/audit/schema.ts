import { z } from "zod";

/** An audit page's query: which page; anything else reads as the first. */
export const AuditQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
