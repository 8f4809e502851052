import { randomBytes } from "node:crypto";
import { asService } from "~/platform/db/transaction.server";
import { claimsFor, type TestUser } from "./factories";

// Events, ticket types and quotas for tests, created as the service with unique slugs.
const uid = () => randomBytes(4).toString("hex");

export async function createEvent(
  orgId: string,
  opts: { published?: boolean; startsInDays?: number; days?: number; cancelHours?: number | null; offerHours?: number } = {},
) {
  const slug = `event-${uid()}`;
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`
      insert into public.events (org_id, slug, title_vi, title_en, summary_vi, summary_en, venue, starts_at, ends_at, capacity, published,
                                 cancel_hours, offer_hours)
      values (${orgId}, ${slug}, ${"Diễn đàn " + slug}, ${"Forum " + slug}, 'Tóm tắt', 'Summary', 'Hall A, Thu Dau Mot',
              now() + make_interval(days => ${opts.startsInDays ?? 30}), now() + make_interval(days => ${(opts.startsInDays ?? 30) + (opts.days ?? 2)}),
              100, ${opts.published ?? true}, ${opts.cancelHours === undefined ? 24 : opts.cancelHours}, ${opts.offerHours ?? 24})
      returning id`,
  );
  return { id: row!.id, slug };
}

/** A quota of `size` seats for the event. */
export async function createQuota(eventId: string, size: number, name = "Hall") {
  const [row] = await asService(
    (tx) => tx<{ id: string }[]>`insert into public.ticket_quotas (event_id, name, size) values (${eventId}, ${name}, ${size}) returning id`,
  );
  return row!.id;
}

/** A ticket type counted in the quotas given (or in a new quota of `size`). */
export async function createTicketType(
  eventId: string,
  opts: { quotas?: string[]; size?: number; price?: number; hidden?: string; min?: number; max?: number; salesEndInDays?: number; name?: string } = {},
) {
  const quotas = opts.quotas ?? [await createQuota(eventId, opts.size ?? 50)];
  return asService(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into public.ticket_types (event_id, name_vi, name_en, price_vnd, sales_start, sales_end, hidden, min_per_order, max_per_order)
      values (${eventId}, ${"Vé " + (opts.name ?? "thường")}, ${(opts.name ?? "Standard") + " ticket"}, ${opts.price ?? 0}, now() - interval '1 day',
              now() + make_interval(days => ${opts.salesEndInDays ?? 20}), ${opts.hidden !== undefined}, ${opts.min ?? 1}, ${opts.max ?? 10})
      returning id`;
    for (const q of quotas) await tx`insert into public.ticket_type_quotas (ticket_type_id, quota_id) values (${row!.id}, ${q})`;
    if (opts.hidden) await tx`insert into public.ticket_type_codes (ticket_type_id, code) values (${row!.id}, ${opts.hidden})`;
    return row!.id;
  });
}

/** Many signed-in people at once, without the password hashing of createUser (race tests need hundreds). */
export async function createPeople(n: number): Promise<TestUser[]> {
  const rows = await asService(
    (tx) => tx<{ id: string; email: string }[]>`
      insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
      select gen_random_uuid(), 'person-' || ${uid()} || '-' || i || '@example.test', '', now(), jsonb_build_object('display_name', 'Person ' || i)
        from generate_series(1, ${n}) i
      returning id, email`,
  );
  return rows.map((r) => ({ id: r.id, email: r.email, password: "", name: r.email, sessionId: "", claims: claimsFor(r.id, r.email) }));
}

/** Seats taken in a quota, and its size. */
export async function quotaState(quotaId: string) {
  const [row] = await asService((tx) => tx<{ size: number; taken: number }[]>`select size, taken from public.ticket_quotas where id = ${quotaId}`);
  return row!;
}
