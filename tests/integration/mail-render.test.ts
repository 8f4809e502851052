import { render, toPlainText } from "@react-email/render";
import { createElement, type FunctionComponent } from "react";
import { describe, expect, it } from "vitest";
import { templates, type TemplateName, type TemplateProps } from "~emails/index";
import { renderMail } from "~/platform/mail/outbox.server";
import { mailHtml } from "~/platform/mail/render.server";

// renderMail renders a mail's markup once, synchronously, and converts that HTML to its plain text
// with a converter compiled once (decision 008, sixth and seventh passes): the HTML and the text must
// be what React Email's own two renders give, for every template, in both languages, every variant.
type Locale = "vi" | "en";
const odd = "Diễn đàn <Đổi mới> & \"Sáng tạo\" 'số 1'";
const url = "https://example.test/a?b=1&c=2";
const cases: { [N in TemplateName]: (locale: Locale) => TemplateProps<N>[] } = {
  "verify-email": (locale) => [{ locale, name: "Nguyễn Văn An", url }],
  "reset-password": (locale) => [{ locale, name: "Ada", url }],
  welcome: (locale) => [{ locale, name: "Ada", url: "https://example.test/" }],
  invitation: (locale) => [{ locale, inviter: "Trần Thị Bình", org: odd, role: "admin", url }],
  "review-assigned": (locale) => [
    { locale, name: "Lê Hoa", call: odd, count: 1, due: null, url },
    { locale, name: "Lê Hoa", call: odd, count: 12, due: "17:00, 3/5/2027 (giờ Đông Dương)", url },
  ],
  "review-reminder": (locale) => [
    { locale, name: "Lê Hoa", call: odd, pending: 3, url },
    { locale, name: "Lê Hoa", call: odd, pending: 1, url, due: { at: "3/5/2027", overdue: false } },
    { locale, name: "Lê Hoa", call: odd, pending: 2, url, due: { at: "3/5/2027", overdue: true } },
  ],
  "reviewer-invitation": (locale) =>
    [true, false].map((both) => ({ locale, both, inviter: "Trần Thị Bình", call: { vi: "Gọi vốn 2027", en: "Call 2027" }, org: { vi: "Sở KH&CN", en: "DOST" }, days: 14, url })),
  "application-stage": (locale) =>
    (["screening", "review", "interview", "decision"] as const).map((stage) => ({ locale, startup: "SmartWater", call: odd, code: "A-0001", stage, url })),
  "application-decision": (locale) =>
    (["accepted", "waitlisted", "rejected"] as const).flatMap((decision) =>
      [true, false].map((feedbackReleased) => ({
        locale,
        startup: "SmartWater",
        call: odd,
        code: "A-0001",
        decision,
        message: feedbackReleased ? "Chúc mừng!\nHẹn gặp lại <3" : "",
        deadline: decision === "accepted" ? "17:00, 3/5/2027 (giờ Đông Dương)" : null,
        feedbackReleased,
        url,
      })),
    ),
  "application-submitted": (locale) => [{ locale, name: "Ngô Gia Huy", startup: "SmartWater", call: odd, code: "A-0001", submittedAt: "9:15, 2/5/2027", url }],
  "offer-lapsed": (locale) => [{ locale, startup: "SmartWater", call: odd, code: "A-0001", deadline: "17:00, 3/5/2027", url }],
  "startup-invitation": (locale) => [{ locale, inviter: "Ngô Gia Huy", startup: odd, url }],
  "sign-in-unlock": (locale) => [{ locale, name: "Ada", url, ip: "203.0.113.7", minutes: 15 }],
  "mentoring-session": (locale) =>
    (["booked", "rescheduled", "cancelled", "reminder", "location", "ended"] as const).map((kind) => ({
      locale,
      kind,
      name: "Ngô Gia Huy",
      with: "Anna de Vries",
      when: "10:00 – 10:45, 4/5/2027",
      zone: "Asia/Ho_Chi_Minh",
      was: kind === "rescheduled" ? "9:00 – 9:45, 3/5/2027" : null,
      location: kind === "location" ? "Phòng 2 & 3" : "https://meet.example.test/abc",
      url,
    })),
  "mentor-matched": (locale) =>
    (["mentor", "founder"] as const).map((side) => ({ locale, side, mentor: "Anna de Vries", startup: "SmartWater", programme: odd, url })),
  "mentor-request": (locale) => [{ locale, startup: "SmartWater", programme: odd, due: "17:00, 3/5/2027 (CET)", url }],
  "mentor-request-update": (locale) =>
    (["declined", "expired"] as const).flatMap((outcome) => [null, "Bram Jansen"].map((next) => ({ locale, outcome, mentor: "Anna de Vries", next, url }))),
  "office-hours": (locale) =>
    (["seatTaken", "seatLeft", "cancelled"] as const).map((kind) => ({
      locale,
      kind,
      name: "Anna de Vries",
      startup: "SmartWater",
      mentor: "Anna de Vries",
      when: "10:00 – 11:00, 4/5/2027",
      zone: "Europe/Amsterdam",
      taken: 2,
      seats: 4,
      location: "https://meet.example.test/abc",
      url,
    })),
  "event-ticket": (locale) =>
    (["confirmed", "transferred"] as const).map((kind) => ({
      locale,
      kind,
      name: "Nguyễn Văn An",
      event: odd,
      ticketType: "Vé tham dự",
      when: "9:00 – 17:00, 3/5/2027 (giờ Đông Dương)",
      venue: "Trung tâm Hội nghị",
      code: "L000000001",
      url,
      ticketCode: "1A2B-C3D4-E5F6-G7H8",
      ticketUrl: "https://example.test/tickets/1A2B-C3D4-E5F6-G7H8",
      qrSrc: "cid:ticket-qr",
    })),
  "event-waitlist-offer": (locale) => [{ locale, name: "Nguyễn Văn An", event: odd, ticketType: "Vé tham dự", deadline: "17:00, 3/5/2027", url }],
  "event-message": (locale) =>
    (["attendees", "waitlist"] as const).map((to) => ({ locale, event: odd, subject: "Đổi phòng", body: "Xin chào,\n\nPhòng mới: <B2> & B3.\nhttps://example.test/map", to, url })),
};

describe("a rendered mail", () => {
  it("has the HTML and the plain text React Email renders for it, for every template", async () => {
    let mails = 0;
    for (const name of Object.keys(cases) as TemplateName[]) {
      for (const locale of ["vi", "en"] as const) {
        for (const props of (cases[name] as (l: Locale) => TemplateProps<TemplateName>[])(locale)) {
          const element = createElement(templates[name].component as FunctionComponent<object>, props as object);
          const mail = await renderMail(name, props);
          const html = await render(element);
          expect(mail.html).toBe(html);
          expect(mail.text).toBe(await render(element, { plainText: true }));
          expect(mail.text).toBe(toPlainText(html));
          expect(mail.text.length).toBeGreaterThan(50);
          mails++;
        }
      }
    }
    expect(mails).toBeGreaterThan(80);
  });

  it("is React Email's own render, error included, where a template suspends or throws", async () => {
    let resolve!: () => void;
    const ready = new Promise<void>((r) => (resolve = r));
    let done = false;
    const Slow = () => {
      if (!done) throw ready.then(() => void (done = true));
      return createElement("p", null, "later");
    };
    const pending = mailHtml(createElement(Slow));
    resolve();
    expect(await pending).toBe(await render(createElement(Slow)));
    expect(await pending).toContain("<p>later</p>");

    const Broken = () => {
      throw new Error("template failed");
    };
    await expect(mailHtml(createElement(Broken))).rejects.toThrow("template failed");
  });
});
