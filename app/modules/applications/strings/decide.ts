// Strings of the applications capability (decision side: assignment, ranking, decisions, cohort), English and Vietnamese with the same keys.
const en = {
  title: "Selection",
};

export const decideStrings: { en: typeof en; vi: typeof en } = {
  en,
  vi: {
    title: "Tuyển chọn",
  },
};
