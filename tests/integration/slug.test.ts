import { describe, expect, it } from "vitest";
import { SLUG_MAX, slugify } from "~/platform/slug";

// Addresses made from titles: a pure function, no database.
describe("slugify", () => {
  it("strips Vietnamese diacritics, đ and Đ included", () => {
    expect(slugify("Đổi mới sáng tạo")).toBe("doi-moi-sang-tao");
    expect(slugify("Chương trình ươm tạo ĐỔI MỚI 2027")).toBe("chuong-trinh-uom-tao-doi-moi-2027");
    expect(slugify("Thành phố thông minh")).toBe("thanh-pho-thong-minh");
  });

  it("lowercases and joins words with single hyphens, none at either end", () => {
    expect(slugify("  Smart City -- 2027! ")).toBe("smart-city-2027");
    expect(slugify("IoT & AI: Cohort #3")).toBe("iot-ai-cohort-3");
    expect(slugify("Café Crème")).toBe("cafe-creme");
  });

  it("is cut to the longest address the schema accepts, without a trailing hyphen", () => {
    const long = slugify("Chương trình tăng tốc khởi nghiệp đổi mới sáng tạo khu vực phía Nam năm 2027 đợt một");
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
    expect(slugify("a".repeat(62) + " b")).toBe("a".repeat(62));
  });

  it("is empty when the title has no Latin letters or digits", () => {
    expect(slugify("")).toBe("");
    expect(slugify("創新 — !!")).toBe("");
  });
});
