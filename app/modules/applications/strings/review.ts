// Strings of the applications capability (review side), English and Vietnamese with the same keys.
const en = {
  title: "Review",
};

export const reviewStrings: { en: typeof en; vi: typeof en } = {
  en,
  vi: {
    title: "Đánh giá",
  },
};
