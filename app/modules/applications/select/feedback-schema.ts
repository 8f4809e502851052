import { z } from "zod";
import { uuid } from "~/platform/ids";

// The feedback page's buttons: release (or withdraw) one application's feedback, or release it for
// every decided application of the call. Nothing else is sent from the page.
export const FeedbackIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("release"), applicationId: uuid }),
  z.object({ intent: z.literal("withdraw"), applicationId: uuid }),
  z.object({ intent: z.literal("releaseDecided") }),
]);
export type FeedbackIntent = z.output<typeof FeedbackIntentSchema>;
