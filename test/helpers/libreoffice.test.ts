import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  convertWithLibreOffice,
  LIBREOFFICE_TIMEOUT_MS,
  recalculateWithLibreOffice,
} from "./libreoffice";

describe("LibreOffice helpers", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-lo-test-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    "recalculates formulas that have no cached result",
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = 85.5;
      ws.getCell("B1").value = 90;
      ws.getCell("C1").value = { formula: "ROUND(A1/B1*100,2)" };
      ws.getCell("C2").value = { formula: 'IF(B1=0,"-",A1+B1)' };
      const input = path.join(dir, "formulas.xlsx");
      await wb.xlsx.writeFile(input);

      const { output } = await recalculateWithLibreOffice(input, path.join(dir, "recalc"));
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(output);
      const c1 = back.getWorksheet("Data")?.getCell("C1").value as ExcelJS.CellFormulaValue;
      const c2 = back.getWorksheet("Data")?.getCell("C2").value as ExcelJS.CellFormulaValue;
      expect(c1.result).toBe(95);
      expect(c2.result).toBe(175.5);
    },
    LIBREOFFICE_TIMEOUT_MS + 20_000
  );

  it(
    "refuses to write over its input",
    async () => {
      const input = path.join(dir, "formulas.xlsx");
      await expect(recalculateWithLibreOffice(input, dir)).rejects.toThrow(/overwrite/);
    },
    LIBREOFFICE_TIMEOUT_MS + 20_000
  );

  it(
    "rejects when LibreOffice cannot convert the file",
    async () => {
      const bogus = path.join(dir, "missing.xlsx");
      await expect(convertWithLibreOffice(bogus, "pdf", path.join(dir, "pdf"))).rejects.toThrow();
    },
    LIBREOFFICE_TIMEOUT_MS + 20_000
  );
});
