// Strings of mentoring's matching side (the score's parts as a manager reads them), English and Vietnamese with the same keys.
const en = {
  score: {
    total: "Match score {{points}} of 100",
    part: "{{label}}: {{points}} of {{max}}",
    expertise: "Expertise",
    sector: "Sector",
    language: "Language",
    stage: "Stage",
    matchedNone: "nothing in common",
  },
};

const vi: typeof en = {
  score: {
    total: "Điểm phù hợp {{points}}/100",
    part: "{{label}}: {{points}}/{{max}}",
    expertise: "Chuyên môn",
    sector: "Lĩnh vực",
    language: "Ngôn ngữ",
    stage: "Giai đoạn",
    matchedNone: "không có điểm chung",
  },
};

export const matchStrings = { en, vi };
