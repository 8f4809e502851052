import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireId } from "~/platform/ids.server";
import { mailboxEnabled, mailboxMessage } from "~/platform/mail/mailbox.server";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";

export const meta = titled("mailbox.title");

// The mail as its recipient would see it. Served as its own document with a CSP that runs no script.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!mailboxEnabled()) throw new NotFoundError();
  const mail = await mailboxMessage(requireId(params.id));
  return new Response(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'none'",
    },
  });
}
