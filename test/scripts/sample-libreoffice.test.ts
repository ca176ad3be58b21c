import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../helpers/libreoffice";

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");

describe("the sample in LibreOffice", () => {
  it(
    "opens headless and converts to a non-empty PDF",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-sample-pdf-"));
      try {
        const { output } = await convertWithLibreOffice(SAMPLE, "pdf", dir);
        expect(path.basename(output)).toBe("kertas-kerja-setda-luwu-timur.pdf");
        const pdf = fs.readFileSync(output);
        expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(pdf.length).toBeGreaterThan(20_000);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    LIBREOFFICE_TIMEOUT_MS + 20_000
  );
});
