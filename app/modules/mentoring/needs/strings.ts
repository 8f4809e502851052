// Strings of a startup's mentoring needs, English and Vietnamese with the same keys.
const en = {
  title: "Mentoring needs of {{startup}}",
  lead: "Tell mentors what you need. Matching compares this with each mentor's profile.",
  prefilled: "We filled this in from your startup and its application. Check it and save.",
  saved: "Your needs are saved.",
  expertise: "Expertise you need",
  languages: "Languages you can work in",
  sector: "Sector",
  stage: "Stage",
  note: "Anything else a mentor should know",
  save: "Save needs",
  mentorsLink: "Your mentors",
  errors: {
    expertise: "Choose at least one area of expertise from the list.",
    languages: "Choose at least one language from the list.",
    stage: "Choose a stage from the list.",
  },
};

const vi: typeof en = {
  title: "Nhu cầu cố vấn của {{startup}}",
  lead: "Hãy cho cố vấn biết bạn cần gì. Việc ghép cặp so sánh thông tin này với hồ sơ của từng cố vấn.",
  prefilled: "Chúng tôi đã điền sẵn từ thông tin khởi nghiệp và hồ sơ đăng ký của bạn. Hãy kiểm tra rồi lưu.",
  saved: "Đã lưu nhu cầu.",
  expertise: "Chuyên môn bạn cần",
  languages: "Ngôn ngữ bạn có thể làm việc",
  sector: "Lĩnh vực",
  stage: "Giai đoạn",
  note: "Điều khác cố vấn nên biết",
  save: "Lưu nhu cầu",
  mentorsLink: "Cố vấn của bạn",
  errors: {
    expertise: "Hãy chọn ít nhất một chuyên môn trong danh sách.",
    languages: "Hãy chọn ít nhất một ngôn ngữ trong danh sách.",
    stage: "Hãy chọn giai đoạn trong danh sách.",
  },
};

export const needsStrings = { en, vi };
