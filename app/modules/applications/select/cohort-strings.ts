// Strings of the cohort page and the applicants' data export (select), English and Vietnamese with the same keys.
// Registered as part of selectStrings (./strings.ts).
const en = {
  cohort: {
    lead: "Startups that accepted an offer of this programme.",
    none: "No startup has confirmed a place yet.",
  },
  export: {
    columns: {
      code: "Code",
      startup: "Startup",
      track: "Track",
      stage: "Stage",
      eligible: "Eligible",
      decision: "Decision",
      submittedAt: "Submitted at (UTC)",
      reviews: "Reviews",
      raw: "Raw score",
      z: "z-score",
      rank: "Rank",
      percentile: "Percentile",
    },
  },
};

const vi: typeof en = {
  cohort: {
    lead: "Các khởi nghiệp đã nhận lời tham gia chương trình.",
    none: "Chưa có khởi nghiệp nào xác nhận tham gia.",
  },
  export: {
    columns: {
      code: "Mã",
      startup: "Khởi nghiệp",
      track: "Lĩnh vực",
      stage: "Vòng",
      eligible: "Đủ điều kiện",
      decision: "Quyết định",
      submittedAt: "Thời điểm nộp (UTC)",
      reviews: "Lượt đánh giá",
      raw: "Điểm thô",
      z: "Điểm z",
      rank: "Hạng",
      percentile: "Bách phân vị",
    },
  },
};

export const cohortStrings = { en, vi };
