// Strings of the waitlist, English and Vietnamese with the same keys.
const en = {
  heading: "Your waitlist places",
  waiting: "Waiting for {{ticket}} (joined {{when}})",
  offered: "A seat of {{ticket}} is held for you until {{deadline}}",
  accept: "Register with this seat",
  leave: "Leave the waitlist",
  refused: {
    notFound: "This waitlist place is not yours, or is closed.",
    salesEnded: "Sales have ended for this ticket: the waitlist is closed.",
    already: "You are already on the waitlist for this ticket.",
  },
};

const vi: typeof en = {
  heading: "Vị trí của bạn trong danh sách chờ",
  waiting: "Đang chờ {{ticket}} (từ {{when}})",
  offered: "Một chỗ {{ticket}} đang được giữ cho bạn đến {{deadline}}",
  accept: "Đăng ký với chỗ này",
  leave: "Rời danh sách chờ",
  refused: {
    notFound: "Vị trí chờ này không phải của bạn, hoặc đã đóng.",
    salesEnded: "Loại vé này đã ngừng bán: danh sách chờ đã đóng.",
    already: "Bạn đã có trong danh sách chờ của loại vé này.",
  },
};

export const waitlistStrings = { en, vi };
