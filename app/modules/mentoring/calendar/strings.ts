// Strings of the mentor's calendar feed page and of the feed's events, English and Vietnamese with the same keys.
const en = {
  title: "Calendar feed",
  lead: "Subscribe to your mentoring sessions from Google Calendar, Outlook or Apple Calendar with a private address. Anyone who has the address can read your sessions: keep it to yourself.",
  none: "You have no calendar feed yet.",
  since: "Your feed has been active since {{when}}. The address was shown once when it was made; if you lost it, renew it.",
  create: "Create my feed address",
  renew: "Renew the address",
  renewHint: "The old address stops working at once.",
  revoke: "Revoke the feed",
  revoked: "The feed was revoked. Its address no longer works.",
  url: "Your private feed address",
  copyHint: "Copy it now: it is shown only this once. In Google Calendar: Other calendars → From URL. In Outlook: Add calendar → Subscribe from web.",
  event: "Mentoring: {{startup}}",
  eventDescription: "{{programme}}. Notes and details: {{url}}",
  errors: {
    notMentor: "Only mentors with a mentor profile have a calendar feed.",
  },
};

const vi: typeof en = {
  title: "Lịch đăng ký",
  lead: "Đăng ký lịch các buổi cố vấn của bạn trên Google Calendar, Outlook hoặc Apple Calendar bằng một địa chỉ riêng. Ai có địa chỉ này đều xem được lịch của bạn: hãy giữ kín.",
  none: "Bạn chưa có địa chỉ lịch đăng ký.",
  since: "Lịch của bạn hoạt động từ {{when}}. Địa chỉ chỉ hiện một lần khi được tạo; nếu làm mất, hãy tạo lại.",
  create: "Tạo địa chỉ lịch của tôi",
  renew: "Tạo lại địa chỉ",
  renewHint: "Địa chỉ cũ ngừng hoạt động ngay.",
  revoke: "Thu hồi lịch",
  revoked: "Đã thu hồi lịch. Địa chỉ cũ không còn hoạt động.",
  url: "Địa chỉ lịch riêng của bạn",
  copyHint: "Hãy sao chép ngay: địa chỉ chỉ hiện lần này. Trên Google Calendar: Lịch khác → Từ URL. Trên Outlook: Thêm lịch → Đăng ký từ web.",
  event: "Cố vấn: {{startup}}",
  eventDescription: "{{programme}}. Ghi chú và chi tiết: {{url}}",
  errors: {
    notMentor: "Chỉ cố vấn đã có hồ sơ cố vấn mới có lịch đăng ký.",
  },
};

export const calendarStrings = { en, vi };
