import { render } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import { templates, type TemplateName, type TemplateProps } from "~emails/index";
import { renderMail } from "~/platform/mail/outbox.server";

// renderMail renders a mail's markup once and converts that HTML to its plain text (decision 008,
// sixth pass, txn): the text must be what React Email's own plain-text render gives.
const cases: { [N in TemplateName]?: TemplateProps<N>[] } = {
  "event-ticket": (["vi", "en"] as const).map((locale) => ({
    locale,
    kind: "confirmed" as const,
    name: "Nguyễn Văn An",
    event: "Diễn đàn <Đổi mới> & Sáng tạo",
    ticketType: "Vé tham dự",
    when: "9:00 – 17:00, 3/5/2027 (giờ Đông Dương)",
    venue: "Trung tâm Hội nghị",
    code: "L000000001",
    url: "https://example.test/events/forum",
    ticketCode: "1A2B-C3D4-E5F6-G7H8",
    ticketUrl: "https://example.test/tickets/1A2B-C3D4-E5F6-G7H8",
    qrSrc: "cid:ticket-qr",
  })),
  "mentoring-session": (["vi", "en"] as const).flatMap((locale) =>
    (["booked", "rescheduled", "cancelled"] as const).map((kind) => ({
      locale,
      kind,
      name: "Ngô Gia Huy",
      with: "Anna de Vries",
      when: "10:00 – 10:45, 4/5/2027",
      zone: "Asia/Ho_Chi_Minh",
      was: kind === "rescheduled" ? "9:00 – 9:45, 3/5/2027" : null,
      location: "https://meet.example.test/abc",
      url: "https://example.test/mentoring/sessions",
    })),
  ),
  welcome: [{ locale: "en", name: "Ada", url: "https://example.test/" }],
};

describe("a rendered mail", () => {
  it("has the HTML and the plain text React Email renders for it", async () => {
    for (const [name, list] of Object.entries(cases) as [TemplateName, TemplateProps<TemplateName>[]][]) {
      for (const props of list) {
        const element = createElement(templates[name].component as FunctionComponent<object>, props as object);
        const mail = await renderMail(name, props);
        expect(mail.html).toBe(await render(element));
        expect(mail.text).toBe(await render(element, { plainText: true }));
        expect(mail.text.length).toBeGreaterThan(50);
      }
    }
  });
});
