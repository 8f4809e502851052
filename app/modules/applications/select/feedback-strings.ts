// Strings of the feedback page: what founders see, and its release (select), English and Vietnamese with the same keys.
// Registered as part of selectStrings (./strings.ts).
const en = {
  feedback: {
    lead: "Founders read their reviewers' released feedback on their application page: each criterion's comment and the overall comment of every submitted review, unsigned. Internal comments are never shown. Releasing is separate from deciding and sends no mail.",
    releaseDecided_one: "Release feedback for {{count}} decided application",
    releaseDecided_other: "Release feedback for {{count}} decided applications",
    none: "No submitted application yet.",
    decision: "Decision",
    reviews: "Submitted reviews",
    state: "Feedback",
    action: "Action",
    released: "Released",
    notReleased: "Not released",
    release: "Release",
    withdraw: "Withdraw",
    done: {
      release_one: "Feedback released for {{count}} application.",
      release_other: "Feedback released for {{count}} applications.",
      withdraw_one: "Feedback withdrawn for {{count}} application.",
      withdraw_other: "Feedback withdrawn for {{count}} applications.",
      releaseDecided_one: "Feedback released for {{count}} application.",
      releaseDecided_other: "Feedback released for {{count}} applications.",
    },
  },
};

const vi: typeof en = {
  feedback: {
    lead: "Nhà sáng lập đọc phản hồi đã công bố trên trang hồ sơ của mình: nhận xét từng tiêu chí và nhận xét chung của mỗi bài chấm đã nộp, không ghi tên người chấm. Nhận xét nội bộ không bao giờ hiển thị. Công bố phản hồi tách biệt với quyết định và không gửi thư.",
    releaseDecided_one: "Công bố phản hồi cho {{count}} hồ sơ đã có quyết định",
    releaseDecided_other: "Công bố phản hồi cho {{count}} hồ sơ đã có quyết định",
    none: "Chưa có hồ sơ nào được nộp.",
    decision: "Quyết định",
    reviews: "Bài chấm đã nộp",
    state: "Phản hồi",
    action: "Thao tác",
    released: "Đã công bố",
    notReleased: "Chưa công bố",
    release: "Công bố",
    withdraw: "Thu hồi",
    done: {
      release_one: "Đã công bố phản hồi cho {{count}} hồ sơ.",
      release_other: "Đã công bố phản hồi cho {{count}} hồ sơ.",
      withdraw_one: "Đã thu hồi phản hồi của {{count}} hồ sơ.",
      withdraw_other: "Đã thu hồi phản hồi của {{count}} hồ sơ.",
      releaseDecided_one: "Đã công bố phản hồi cho {{count}} hồ sơ.",
      releaseDecided_other: "Đã công bố phản hồi cho {{count}} hồ sơ.",
    },
  },
};

export const feedbackStrings = { en, vi };
