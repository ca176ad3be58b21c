/**
 * The sample's kertas kerja printed by LibreOffice: the file the ExcelJS host writes converts to a
 * PDF whose pages are the ones the plan's page breaks make (no extra page from a row that overflowed).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { applyPlan, readXlsxFile, writeXlsxFile } from "../../../src/hosts/xlsx";
import { readWorkbook } from "../../../src/core/reader";
import { planKertasKerja } from "../../../src/core/kertas-kerja";
import { withDefaults } from "../../../src/core/settings";
import { convertWithLibreOffice } from "../../helpers/libreoffice";

const sample = path.resolve(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

/** Pages of a PDF, counted from its page objects. */
function pdfPages(file: string): number {
  const text = fs.readFileSync(file, "latin1");
  return (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe("the sample's kertas kerja printed with LibreOffice", () => {
  it("converts to a PDF with one page per planned page", async () => {
    const wbGrids = await readXlsxFile(sample);
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
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, { sheets: [plan] });
    await writeXlsxFile(wb, xlsx);
    const pdf = await convertWithLibreOffice(xlsx, "pdf", out);
    const planned = (plan.print?.rowBreaks ?? []).length + 1;
    expect(planned).toBeGreaterThan(5);
    expect(pdfPages(pdf.output)).toBe(planned);
  });
});
