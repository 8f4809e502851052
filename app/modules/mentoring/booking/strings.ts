// Strings of mentoring's booking side, English and Vietnamese with the same keys.
const en = {
  refused: {
    slotTaken: "This time was just booked by someone else. Choose another free slot.",
    budgetExceeded: "This session would take your startup past its mentoring hours for the programme.",
    notAssigned: "You can only book mentors assigned to your startup in this programme.",
    tooSoon: "This time is too soon: the mentor asks for more notice.",
    tooFar: "This time is too far ahead: the mentor's calendar is not open that far yet.",
    weekFull: "The mentor's week is full. Choose a time in another week.",
    notFound: "We could not find this programme for your startup.",
  },
};

const vi: typeof en = {
  refused: {
    slotTaken: "Khung giờ này vừa được người khác đặt. Vui lòng chọn một khung giờ trống khác.",
    budgetExceeded: "Buổi này sẽ vượt quá số giờ cố vấn của startup trong chương trình.",
    notAssigned: "Bạn chỉ có thể đặt lịch với cố vấn được phân công cho startup của bạn trong chương trình này.",
    tooSoon: "Thời điểm này quá gần: cố vấn cần được báo trước lâu hơn.",
    tooFar: "Thời điểm này quá xa: lịch của cố vấn chưa mở đến ngày đó.",
    weekFull: "Tuần này của cố vấn đã kín lịch. Vui lòng chọn một thời điểm trong tuần khác.",
    notFound: "Không tìm thấy chương trình này cho startup của bạn.",
  },
};

export const bookingStrings = { en, vi };
