/**
 * The sample's kertas kerja printed by LibreOffice: the file the package writer writes converts to a
 * PDF whose pages are the ones the plan's page breaks make (no extra page from a row that overflowed),
 * and the texts linked to their source cells print as the texts themselves.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { readXlsxPackage, writePlanToXlsxFile } from "../../../src/hosts/xlsx";
import { readWorkbook } from "../../../src/core/reader";
import { planKertasKerja } from "../../../src/core/kertas-kerja";
import { withDefaults } from "../../../src/core/settings";
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../../helpers/libreoffice";
import { onlySheet } from "../../helpers/xlsx";

// LibreOffice starts slowly on a busy machine: its timeout, not Jest's minute.
jest.setTimeout(LIBREOFFICE_TIMEOUT_MS);

const sample = path.resolve(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

/** Pages of a PDF, counted from its page objects. */
function pdfPages(file: string): number {
  const text = fs.readFileSync(file, "latin1");
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe("the sample's kertas kerja printed with LibreOffice", () => {
  it("converts to a PDF with one page per planned page", async () => {
    // Written into the workbook it was read from, as pokin does: the linked texts need their sources.
    const { grids: wbGrids, pkg } = await readXlsxPackage(sample);
    const model = readWorkbook(wbGrids);
    const settings = withDefaults({
      organisation: "Sekretariat Daerah Kabupaten Luwu Timur",
      year: 2024,
      signatory: {
        place: "Malili",
        date: "Oktober 2024",
        position: "Sekretaris Daerah",
        name: "BAHRI SULI",
        nip: "",
      },
    });
    const plan = planKertasKerja(model, wbGrids, settings);
    const out = process.env.KK_RENDER_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "pokin-kk-"));
    const xlsx = path.join(out, "kertas-kerja.xlsx");
    await writePlanToXlsxFile(pkg, { sheets: [plan] }, "id", wbGrids, xlsx);
    // Only the kertas kerja is printed: the source sheets are hidden, not removed.
    onlySheet(xlsx, plan.sheet);
    const pdf = await convertWithLibreOffice(xlsx, "pdf", out);
    const planned = (plan.print?.rowBreaks ?? []).length + 1;
    expect(planned).toBeGreaterThan(5);
    expect(pdfPages(pdf.output)).toBe(planned);

    // The indicator texts are formulas on their source cells; printed, they show the texts.
    const linked = plan.cells.filter((c) => c.formula !== undefined);
    expect(linked.length).toBeGreaterThan(100);
    const text = execFileSync("pdftotext", [pdf.output, "-"], { encoding: "utf8" });
    expect(text).not.toMatch(/#REF!|#NAME\?|#VALUE!|Err:\d/);
    for (const source of ["Kementerian PANRB", "Bagian Hukum", "Bagian Umum"]) {
      expect(linked.some((c) => c.value === source)).toBe(true);
      expect(text).toContain(source);
    }
  });
});
