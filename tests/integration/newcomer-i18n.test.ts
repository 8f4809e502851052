import "~/strings";
import { describe, expect, it } from "vitest";
import { formatInZone, zoneName, zoneOptions } from "~/platform/i18n/format";
import { tFor } from "~/platform/i18n/i18n";

describe("time zones read as places", () => {
  it("names a zone and its offset in the viewer's language, not by its IANA id", () => {
    expect(zoneName("Asia/Ho_Chi_Minh", "en")).toBe("Indochina Time, GMT+7");
    expect(zoneName("Asia/Ho_Chi_Minh", "vi")).toBe("Giờ Đông Dương, GMT+7");
    expect(zoneName("Asia/Kolkata", "en")).toBe("India Standard Time, GMT+5:30");
    expect(zoneName("UTC", "en")).toBe("Coordinated Universal Time, GMT+0");
  });

  it("gives the offset in force at the moment shown, across daylight saving", () => {
    expect(zoneName("Europe/Amsterdam", "en", "2026-01-15T12:00:00Z")).toBe("Central European Time, GMT+1");
    expect(zoneName("Europe/Amsterdam", "en", "2026-07-15T12:00:00Z")).toBe("Central European Time, GMT+2");
    expect(formatInZone("2026-12-01T10:00:00Z", "en", "Asia/Ho_Chi_Minh")).toMatch(/17:00 \(Indochina Time, GMT\+7\)$/);
  });

  it("offers every zone in the picker as a place, west to east, with its city to tell namesakes apart", () => {
    const en = zoneOptions("en");
    expect(en.find((z) => z.value === "Asia/Ho_Chi_Minh")?.label).toBe("Indochina Time, GMT+7 (Ho Chi Minh)");
    expect(zoneOptions("vi").find((z) => z.value === "Asia/Ho_Chi_Minh")?.label).toBe("Giờ Đông Dương, GMT+7 (Ho Chi Minh)");
    expect(en.every((z) => !z.label.startsWith(z.value))).toBe(true);
    expect(en.findIndex((z) => z.value === "America/New_York")).toBeLessThan(en.findIndex((z) => z.value === "Asia/Ho_Chi_Minh"));
  });
});

describe("counts", () => {
  it("use English's singular and plural, and Vietnamese's one form", () => {
    const en = tFor("en");
    const vi = tFor("vi");
    expect(en("orgs.all", { count: 1 })).toBe("The 1 organisation");
    expect(en("orgs.all", { count: 12 })).toBe("All 12 organisations");
    expect(en("spaces.capacity", { count: 1 })).toBe("1 person");
    expect(en("select.ranking.results", { count: 1 })).toBe("1 application");
    expect(en("select.ranking.results", { count: 3 })).toBe("3 applications");
    expect(en("apply.form.missing", { count: 1 })).toBe("1 required answer is still missing:");
    expect(vi("select.ranking.results", { count: 1 })).toBe("1 hồ sơ");
    expect(vi("select.ranking.results", { count: 3 })).toBe("3 hồ sơ");
  });
});
