// Strings of the applications capability (manage side), English and Vietnamese with the same keys.
const en = {
  title: "Manage",
};

export const manageStrings: { en: typeof en; vi: typeof en } = {
  en,
  vi: {
    title: "Quản lý",
  },
};
