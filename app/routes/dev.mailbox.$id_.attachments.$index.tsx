import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireId } from "~/platform/ids.server";
import { mailboxAttachment, mailboxEnabled } from "~/platform/mail/mailbox.server";
import { NotFoundError } from "~/platform/db/errors.server";

// An attachment of a mail in the local mailbox (an ICS invitation, a ticket's QR image), as it would arrive.
export async function loader({ params }: LoaderFunctionArgs) {
  const index = Number(params.index);
  if (!mailboxEnabled() || !Number.isInteger(index) || index < 0 || index > 9) throw new NotFoundError();
  const file = await mailboxAttachment(requireId(params.id), index);
  if (!file) throw new NotFoundError();
  const binary = file.encoding === "base64";
  return new Response(binary ? Buffer.from(file.content, "base64") : file.content, {
    headers: {
      "Content-Type": binary ? file.contentType : `${file.contentType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
