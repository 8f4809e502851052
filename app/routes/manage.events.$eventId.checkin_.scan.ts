import type { ActionFunctionArgs } from "@remix-run/node";
import { checkIn, undoCheckIn } from "~/modules/events/checkin/checkin.server";
import { CheckInIntent } from "~/modules/events/checkin/schema";
import { requireViewer } from "~/platform/auth/guards.server";
import { withOutcomes } from "~/platform/http/errors.server";
import { parseForm, readForm, type FieldErrors } from "~/platform/http/form.server";
import { tFor, type Locale } from "~/platform/i18n/i18n";

// What the check-in page's script posts (a scan or an undo), answered as JSON so a scan queued
// offline can be sent later by the same code path. A refusal is a 400 with its message in the
// viewer's language; nothing is written.
const refusal = (errors: FieldErrors, locale: Locale) =>
  Response.json({ ok: false, message: tFor(locale)(Object.values(errors)[0] ?? "validation.required") }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseForm(await readForm(request), CheckInIntent);
  if (!parsed.ok) return refusal(parsed.errors, viewer.locale);
  const eventId = params.eventId ?? "";
  const input = parsed.data;
  const done =
    input.intent === "scan"
      ? await withOutcomes(() => checkIn(viewer.claims, eventId, input.code, viewer.locale))
      : await withOutcomes(() => undoCheckIn(viewer.claims, eventId, input.ticketId));
  if (!done.ok) return refusal(done.errors, viewer.locale);
  return Response.json({ ok: true, intent: input.intent, ...done.value }, { headers: { "Cache-Control": "no-store" } });
}
