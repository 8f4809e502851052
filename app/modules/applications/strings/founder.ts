// Strings of the applications capability (founder side), English and Vietnamese with the same keys.
const en = {
  title: "Apply",
};

export const founderStrings: { en: typeof en; vi: typeof en } = {
  en,
  vi: {
    title: "Apply",
  },
};
