/** The README says what the product does: its example's counts and its rule names are checked here. */
import * as fs from "fs";
import * as path from "path";
import { readXlsxPackage } from "../../src/hosts/xlsx";
import { analyse } from "../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { catalogueKeys, t } from "../../src/core/messages";
import { ruleName } from "../../src/core/report";
import type { RuleId } from "../../src/core/findings";
import { SAMPLE } from "./run";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

/** The cells of each row of the markdown table between `start` and `end`, header excluded. */
function tableRows(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l.startsWith("|") && !l.startsWith("|---"))
    .slice(1)
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim())
    );
}

function between(start: string, end: string): string {
  const i = readme.indexOf(start);
  const j = readme.indexOf(end, i + start.length);
  if (i < 0 || j < 0) throw new Error(`README has no ${start} … ${end}`);
  return readme.slice(i + start.length, j);
}

describe("the README", () => {
  it("gives the counts pokin periksa finds on the sample, per severity and rule", async () => {
    const { grids } = await readXlsxPackage(SAMPLE, { lang: "id" });
    const { model, findings } = analyse(grids, DEFAULT_SETTINGS, SAMPLE);
    const counted = new Map<string, number>();
    for (const f of findings) {
      const key = `${t(`common.severity.${f.severity}`, {}, "id")} | ${ruleName(f.rule, "id")}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const table = tableRows(between("<!-- contoh-temuan -->", "<!-- /contoh-temuan -->"));
    const stated = new Map(table.map((r) => [`${r[0]} | ${r[1]}`, Number(r[2])]));
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(counted));

    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of findings) bySeverity[f.severity]++;
    const indicators = model.nodes.reduce((n, c) => n + c.indicators.length, 0);
    const guide = between("### Contoh:", "<!-- contoh-temuan -->");
    expect(guide).toContain(`${model.nodes.length} kondisi dan ${indicators} indikator`);
    expect(guide).toContain(
      `${bySeverity.error} kesalahan, ${bySeverity.warning} peringatan dan ${bySeverity.info} info`
    );
  });

  it("names every rule as the product does, and lists every rule", () => {
    const rows = tableRows(between("### Rules", "### What the jobs write"));
    const listed = new Set<string>();
    for (const [ids = "", names = ""] of rows) {
      const rules = [...ids.matchAll(/`([a-z-]+)`/g)].map((m) => m[1] as RuleId);
      expect(names).toBe(rules.map((r) => ruleName(r, "id")).join(" / "));
      rules.forEach((r) => listed.add(r));
    }
    const all = catalogueKeys("id")
      .filter((k) => k.startsWith("rule."))
      .map((k) => k.slice("rule.".length));
    expect([...listed].sort()).toEqual(all.sort());
  });

  it("keeps its quick start to two commands that package.json runs", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toMatch(/^npm test\b/m);
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.demo).toContain("pokin.js proses examples/kertas-kerja-setda-luwu-timur.xlsx");
    expect(scripts.test).toBeDefined();
  });

  it("shows only pictures that exist, and says nothing of how the project was made", () => {
    const pictures = [...readme.matchAll(/\]\((docs\/[^)]+\.png)\)/g)].map((m) => m[1] ?? "");
    expect(pictures.length).toBeGreaterThanOrEqual(5);
    for (const p of pictures)
      expect({ p, exists: fs.existsSync(path.join(root, p)) }).toEqual({
        p,
        exists: true,
      });
    expect(readme).not.toMatch(/\b(this|first|last|next) session|\bissue \d+/i);
  });
});
