// Strings of a programme's cohort (setup.*), English and Vietnamese with the same keys.
// Registered as part of setupStrings (./strings.ts).
const en = {
  cohort: {
    title: "Cohort · {{programme}}",
    link: "Cohort of this programme",
    back: "Back to the programme",
    lead: "Startups that confirmed an offer of one of this programme's calls.",
    none: "No startup has joined this programme's cohort yet. A startup joins when its founders confirm an offer.",
    count_one: "{{count}} startup",
    count: "{{count}} startups",
    caption: "Startups of the cohort",
    startup: "Startup",
    founders: "Founders",
    stage: "Stage",
    sector: "Sector",
    call: "Came through",
    joined: "Joined",
    missing: "—",
    reference: "application {{code}}",
  },
};

const vi: typeof en = {
  cohort: {
    title: "Khóa ươm tạo · {{programme}}",
    link: "Khóa ươm tạo của chương trình",
    back: "Quay lại chương trình",
    lead: "Các khởi nghiệp đã xác nhận tham gia sau khi được chọn ở một đợt tuyển chọn của chương trình.",
    none: "Chưa có khởi nghiệp nào vào khóa ươm tạo của chương trình. Khởi nghiệp vào khóa khi nhà sáng lập xác nhận lời mời.",
    count_one: "{{count}} khởi nghiệp",
    count: "{{count}} khởi nghiệp",
    caption: "Các khởi nghiệp của khóa",
    startup: "Khởi nghiệp",
    founders: "Nhà sáng lập",
    stage: "Giai đoạn",
    sector: "Lĩnh vực",
    call: "Qua đợt tuyển chọn",
    joined: "Ngày tham gia",
    missing: "—",
    reference: "hồ sơ {{code}}",
  },
};

export const cohortStrings = { en, vi };
