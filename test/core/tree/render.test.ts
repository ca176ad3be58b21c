/**
 * The sample's tree rendered by LibreOffice headless: the plan applied with the package writer the
 * CLI ships, every other sheet hidden (LibreOffice does not print hidden sheets), converted to PDF. The tree must
 * come out one page wide on A3 landscape. With POKIN_TREE_PNG=path the first page is also saved
 * as a PNG (how docs/pohon-kinerja.png is made).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsxPackage, writePlanToXlsxFile } from "../../../src/hosts/xlsx";
import { analyse } from "../../../src/core/pipeline";
import { planTree } from "../../../src/core/tree";
import { withDefaults } from "../../../src/core/settings";
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../../helpers/libreoffice";
import { onlySheet } from "../../helpers/xlsx";

// LibreOffice starts slowly on a busy machine: its timeout, not Jest's minute.
jest.setTimeout(LIBREOFFICE_TIMEOUT_MS);

const root = path.resolve(__dirname, "../../..");
const sample = path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx");

function pdfPages(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

describe("the sample's pohon kinerja rendered by LibreOffice", () => {
  it("prints one page wide on A3 landscape, one page per planned page", async () => {
    const { grids, pkg } = await readXlsxPackage(sample);
    const settings = withDefaults({ paper: "A3", orientation: "landscape" });
    // The whole analysis, so conditions with error findings carry their markers.
    const { model, findings } = analyse(grids, settings, sample);
    const plan = planTree(model, findings, grids, settings);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-tree-"));
    const xlsx = path.join(dir, "pohon.xlsx");
    await writePlanToXlsxFile(pkg, { sheets: [plan] }, "id", grids, xlsx);
    onlySheet(xlsx, plan.sheet);
    const { output } = await convertWithLibreOffice(xlsx, "pdf", path.join(dir, "pdf"));
    const info = pdfPages(output);

    // A3 landscape is 1190.55 × 841.89 pt; pages beyond the planned breaks would mean a cut in width.
    expect(info.width).toBeGreaterThan(info.height);
    expect(Math.round(info.width)).toBe(1191);
    expect(info.pages).toBe(1 + (plan.print?.rowBreaks?.length ?? 0));

    // The formulas work in a real spreadsheet: a name taken by line from a cell listing nine
    // conditions, and the capaian of 1.1's indicator computed from its target and realisasi.
    const text = execFileSync("pdftotext", ["-layout", output, "-"], { encoding: "utf8" });
    expect(text).toContain("Meningkatnya Kebijakan");
    const ind = model.nodes.find((n) => n.code === "1.1")?.indicators[0];
    expect(ind?.target).toEqual(expect.any(Number));
    expect(ind?.actual).toEqual(expect.any(Number));
    const capaian = (((ind?.actual ?? 0) / (ind?.target ?? 1)) * 100).toFixed(2);
    expect(text).toContain(`${capaian}%`);
    expect(text).not.toMatch(/#NAME|#REF|#VALUE|Err:\d/);

    const png = process.env.POKIN_TREE_PNG;
    if (png) {
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        process.env.POKIN_TREE_DPI ?? "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        output,
        png.replace(/\.png$/, ""),
      ]);
    }
    if (process.env.POKIN_TREE_PDF) fs.copyFileSync(output, process.env.POKIN_TREE_PDF);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
