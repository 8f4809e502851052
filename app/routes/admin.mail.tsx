import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/platform/auth/guards.server";
import { badInput } from "~/platform/http/errors.server";
import { parseForm, readForm } from "~/platform/http/form.server";
import { uuid } from "~/platform/ids";
import { formatDateTime } from "~/platform/i18n/format";
import { mailProblems, retryMail } from "~/platform/mail/failures.server";
import { useViewerZone } from "~/ui/locale";
import { RouteError } from "~/ui/route-error";
import { titled } from "~/ui/title";
import { NotFoundError } from "~/platform/db/errors.server";
import { routeStrings } from "~/platform/i18n/strings-client";

export const meta = titled("admin.mailTitle");

export const handle = routeStrings("admin", "mailbox");

const RetrySchema = z.object({ id: uuid });

async function requireAdmin(request: Request) {
  const viewer = await requireViewer(request);
  if (!viewer.isAdmin) throw new NotFoundError();
  return viewer;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { problems: await mailProblems() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  // the page's retry buttons post a mail's id: anything else was not sent from it
  const form = parseForm(await readForm(request), RetrySchema);
  if (!form.ok) throw badInput();
  return { retried: await retryMail(form.data.id) };
}

export default function MailProblems() {
  const { t } = useTranslation();
  const { problems } = useLoaderData<typeof loader>();
  const { locale, timeZone } = useViewerZone();
  const when = (d: string | Date) => formatDateTime(d, locale, timeZone);
  return (
    <section className="page">
      <h1>{t("admin.mailTitle")}</h1>
      <p>{t("admin.mailLead")}</p>
      {problems.length === 0 ? (
        <p className="empty">{t("admin.mailNone")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("mailbox.to")}</th>
              <th scope="col">{t("mailbox.subject")}</th>
              <th scope="col">{t("mailbox.status")}</th>
              <th scope="col">{t("admin.attempts")}</th>
              <th scope="col">{t("admin.lastError")}</th>
              <th scope="col">{t("admin.nextAttempt")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.retry")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr key={p.id}>
                <td>{p.toEmail}</td>
                <td>{p.subject}</td>
                <td>{t(`admin.status.${p.status}`)}</td>
                <td>{p.attempts}</td>
                <td>{p.lastError}</td>
                <td>{p.status === "pending" ? when(p.nextAttemptAt) : "—"}</td>
                <td>
                  {p.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={p.id} />
                      <button type="submit" className="button secondary">
                        {t("admin.retry")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteError;
