import { catalogueKeys, langFromLocale, t } from "../../src/core/messages";

describe("messages", () => {
  it("has the same keys in Indonesian and English", () => {
    expect(catalogueKeys("en").sort()).toEqual(catalogueKeys("id").sort());
  });

  it("fills placeholders in the language asked for", () => {
    expect(t("common.generatedMarker", { marker: "pokin-csf:pohon" }, "id")).toContain(
      "pokin-csf:pohon"
    );
    expect(t("common.severity.error", {}, "en")).toBe("Error");
    expect(t("common.severity.error", {}, "id")).toBe("Kesalahan");
  });

  it("chooses English only for English display languages", () => {
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("id-ID")).toBe("id");
    expect(langFromLocale(undefined)).toBe("id");
  });
});
