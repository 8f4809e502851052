import { z } from "zod";
import { uuid } from "~/platform/ids";

// What a registration form sends: the buyer's contact, then one block per attendee. Answers are
// checked against the event's questions by the module (they live in the database, not here).
const text = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const email = z.string().trim().toLowerCase().max(320, "validation.tooLong").pipe(z.email("validation.email"));
const locale = z.enum(["vi", "en"], { error: "validation.language" });

export const AttendeeSchema = z.object({
  ticketType: uuid,
  name: text(200),
  email,
  locale,
  answers: z.record(z.string(), z.string().max(2000, "validation.tooLong")).default({}),
});

export const RegisterSchema = z.object({
  email,
  locale,
  code: z.string().trim().max(40, "validation.tooLong").optional(),
  offer: uuid.optional(),
  // how a paid order is paid; free orders ignore it
  method: z.enum(["card", "bank_transfer"], { error: "events.register.refused.method" }).optional(),
  attendees: z.array(AttendeeSchema).min(1, "events.register.refused.tooFew").max(50, "events.register.refused.tooMany"),
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const TransferSchema = z.object({ ticketId: uuid, name: text(200), email, locale });
export type TransferInput = z.infer<typeof TransferSchema>;

export const WaitlistJoinSchema = z.object({ ticketType: uuid, name: text(200), email, locale });
export type WaitlistJoinInput = z.infer<typeof WaitlistJoinSchema>;

/** What a visitor does with their registrations on the event's page, by intent. */
export const MineIntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("cancel"), orderId: uuid }),
    TransferSchema.extend({ intent: z.literal("transfer") }),
    z.object({ intent: z.literal("leave"), placeId: uuid }),
  ],
  { error: "validation.required" },
);
