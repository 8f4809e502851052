import { createElement, type FunctionComponent } from "react";
import { templates, type TemplateName, type TemplateProps } from "~emails/index";
import { asServiceWithin, returnFromService, type Tx } from "~/platform/db/transaction.server";
import { mailHtml, mailText } from "./render.server";

export type RenderedMail = { subject: string; html: string; text: string };
/**
 * An attachment, sent as it is stored: text (an ICS invitation), or base64 bytes (a ticket's QR
 * image). With a contentId it is inline: the HTML shows it as <img src="cid:…">, which mail clients
 * display where they block data: URIs.
 */
export type MailAttachment = { filename: string; contentType: string; content: string; encoding?: "base64"; contentId?: string };

/** A mail as its reader will see it: subject, HTML and plain text (also what a preview shows). */
export async function renderMail<N extends TemplateName>(name: N, props: TemplateProps<N>): Promise<RenderedMail> {
  const template = templates[name] as unknown as {
    component: FunctionComponent<TemplateProps<N>>;
    subject: (p: TemplateProps<N>) => string;
  };
  const element = createElement(template.component as FunctionComponent<object>, props as object);
  // Rendered once: `render(element, { plainText: true })` renders the same markup again only to
  // convert it; the conversion skips the doctype the HTML document adds (decision 008, sixth pass).
  // Both steps are React Email's, done cheaper (render.server.ts; seventh pass, posts).
  const html = await mailHtml(element);
  return { subject: template.subject(props), html, text: mailText(html) };
}

/** A mail's subject alone, without rendering it (a list of mails to come names each by its subject). */
export function mailSubject<N extends TemplateName>(name: N, props: TemplateProps<N>): string {
  return (templates[name] as unknown as { subject: (p: TemplateProps<N>) => string }).subject(props);
}

/**
 * Queue a mail in the same transaction as the change it reports: if the change rolls back, no
 * mail; if it commits, the worker delivers it. Rendered now, so the mail shows what was true then.
 */
export async function enqueueMail<N extends TemplateName>(
  tx: Tx,
  to: string,
  name: N,
  props: TemplateProps<N>,
  attachments: MailAttachment[] = [],
): Promise<string> {
  const { subject, html, text } = await renderMail(name, props);
  // The outbox is closed to users; queueing is the service's job, done within the same transaction.
  const [row] = await asServiceWithin(
    tx,
    (t) => t<{ id: string }[]>`
      insert into public.email_outbox (to_email, locale, template, subject, html, text_body, attachments)
      values (${to}, ${(props as { locale: string }).locale}, ${name}, ${subject}, ${html}, ${text}, ${t.json(attachments as never)})
      returning id`,
  );
  return row!.id;
}

/** A mail to queue with others (`queueMails`): its reader, template, props and attachments. */
export type QueuedMail<N extends TemplateName = TemplateName> = { to: string; name: N; props: TemplateProps<N>; attachments?: MailAttachment[] };

/**
 * Queue mails for work that already runs as the service (inside `asService`, or the work of an
 * `asServiceWithin` that read what the mails say): each rendered, all inserted in one statement.
 * A caller that reads as the service and then mails pays one switch of role and back for both,
 * instead of one more for each mail (decision 008, sixth pass, txn). Same transaction as the caller.
 */
export async function queueMails(service: Tx, mails: readonly QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const rows = await outboxRows(mails);
  await insertOutbox(service, rows);
  return rows.length;
}

/** The insert of rendered rows, one statement whatever their number. */
const insertOutbox = (service: Tx, rows: Awaited<ReturnType<typeof outboxRows>>) => service`
  insert into public.email_outbox (to_email, locale, template, subject, html, text_body, attachments)
  select to_email, locale, template, subject, html, text_body, attachments
    from jsonb_to_recordset(${service.json(rows as never)})
         as r(to_email text, locale text, template text, subject text, html text, text_body text, attachments jsonb)`;

async function outboxRows(mails: readonly QueuedMail[]) {
  const rows = [];
  for (const m of mails) {
    const { subject, html, text } = await renderMail(m.name, m.props as never);
    rows.push({ to_email: m.to, locale: (m.props as { locale: string }).locale, template: m.name, subject, html, text_body: text, attachments: m.attachments ?? [] });
  }
  return rows;
}

/**
 * `queueMails` after `switchToService`, and the switch back in the insert's own statement: the
 * insert's rights are checked as the service when it starts, and the aggregate consumes it whole
 * before the role changes. One round trip where `asServiceWithin` + `queueMails` take two. Should
 * the switch have failed, the insert runs as the caller, the outbox's policies refuse it and the
 * transaction rolls back: no mail without its change, no change without its mail.
 */
export async function queueMailsAndReturn(service: Tx, mails: readonly QueuedMail[]): Promise<number> {
  if (mails.length === 0) {
    await returnFromService(service);
    return 0;
  }
  const rows = await outboxRows(mails);
  await service`
    with queued as (${insertOutbox(service, rows)} returning 1)
    select set_config('role', current_setting('app.outer_role'), true) from (select count(*) from queued) q`;
  return rows.length;
}

/**
 * The same mail to many people (a message to an event's attendees): rendered once per language,
 * queued in one statement whatever the number of readers, in the caller's transaction.
 */
export async function enqueueMailToMany<N extends TemplateName>(
  tx: Tx,
  recipients: readonly { to: string; locale: "vi" | "en" }[],
  name: N,
  propsFor: (locale: "vi" | "en") => TemplateProps<N>,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const [vi, en] = await Promise.all([renderMail(name, propsFor("vi")), renderMail(name, propsFor("en"))]);
  const to = recipients.map((r) => r.to);
  const locales = recipients.map((r) => r.locale);
  await asServiceWithin(
    tx,
    (t) => t`
      insert into public.email_outbox (to_email, locale, template, subject, html, text_body)
      select r.email, r.locale, ${name},
             case r.locale when 'vi' then ${vi.subject} else ${en.subject} end,
             case r.locale when 'vi' then ${vi.html} else ${en.html} end,
             case r.locale when 'vi' then ${vi.text} else ${en.text} end
        from unnest(${to}::text[], ${locales}::text[]) as r(email, locale)`,
  );
  return recipients.length;
}
