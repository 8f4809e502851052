import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { templates, type TemplateName, type TemplateProps } from "~emails/index";
import { asServiceWithin, type Tx } from "~/platform/db/transaction.server";

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
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
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

/**
 * Several mails, each to its own reader with its own props (a session's mentor and founders), queued
 * as enqueueMail queues each one, in one statement: one round trip, not three a mail.
 */
export async function enqueueMails<N extends TemplateName>(
  tx: Tx,
  mails: readonly { to: string; name: N; props: TemplateProps<N>; attachments?: MailAttachment[] }[],
): Promise<void> {
  if (mails.length === 0) return;
  const rendered = await Promise.all(mails.map((m) => renderMail(m.name, m.props)));
  const column = <T,>(f: (m: (typeof mails)[number], i: number) => T) => mails.map(f);
  await asServiceWithin(
    tx,
    (t) => t`
      insert into public.email_outbox (to_email, locale, template, subject, html, text_body, attachments)
      select r.to_email, r.locale, r.template, r.subject, r.html, r.text_body, r.attachments::jsonb
        from unnest(${column((m) => m.to)}::text[], ${column((m) => (m.props as { locale: string }).locale)}::text[], ${column((m) => m.name)}::text[],
                    ${column((_, i) => rendered[i]!.subject)}::text[], ${column((_, i) => rendered[i]!.html)}::text[],
                    ${column((_, i) => rendered[i]!.text)}::text[], ${column((m) => JSON.stringify(m.attachments ?? []))}::text[])
          as r(to_email, locale, template, subject, html, text_body, attachments)`,
  );
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
