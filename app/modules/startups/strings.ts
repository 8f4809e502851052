import { registerStrings } from "~/platform/i18n/i18n";

// The startups capability's strings. English and Vietnamese with the same keys, registered on import
// (app/strings.ts).
const en = {
  startupStages: { idea: "Idea", prototype: "Prototype", mvp: "MVP", seed: "Seed", growth: "Growth" },
};

const vi: typeof en = {
  startupStages: { idea: "Ý tưởng", prototype: "Sản phẩm mẫu", mvp: "MVP", seed: "Hạt giống", growth: "Tăng trưởng" },
};

export const startupStrings = { en, vi };

registerStrings(startupStrings);
