import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMailbox, mailboxEnabled } from "~/platform/mail/mailbox.server";
import { formatDateTime } from "~/platform/i18n/format";
import { useViewerZone } from "~/ui/locale";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("mailbox.title");

export const handle = routeStrings("mailbox");

export async function loader(_: LoaderFunctionArgs) {
  if (!mailboxEnabled()) throw new NotFoundError();
  return { mails: await listMailbox() };
}

export default function Mailbox() {
  const { t } = useTranslation();
  const { mails } = useLoaderData<typeof loader>();
  const { locale, timeZone } = useViewerZone();
  return (
    <section className="page">
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.lead")}</p>
      {mails.length === 0 ? (
        <p className="empty">{t("mailbox.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("mailbox.to")}</th>
              <th scope="col">{t("mailbox.subject")}</th>
              <th scope="col">{t("mailbox.sentAt")}</th>
              <th scope="col">{t("mailbox.status")}</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{m.toEmail}</td>
                <td>
                  <Link to={`/dev/mailbox/${m.id}`} reloadDocument>
                    {m.subject}
                  </Link>
                  {m.attachments.map((name, i) => (
                    <span key={i}>
                      {" · "}
                      <a href={`/dev/mailbox/${m.id}/attachments/${i}`} download={name}>
                        {name}
                      </a>
                    </span>
                  ))}
                </td>
                <td>{formatDateTime(m.createdAt, locale, timeZone)}</td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
