/**
 * The print setup `pokin` writes survives into LibreOffice: the tree and the kertas kerja of the
 * sample, written by the CLI (the package writer), print with the planned paper, orientation and
 * page breaks, and their formulas compute. Only the generated sheet is printed: the others are
 * hidden in the written package first (LibreOffice does not print hidden sheets).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyse, planJobs, type Job } from "../../src/core/pipeline";
import { withDefaults } from "../../src/core/settings";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../helpers/libreoffice";
import { onlySheet } from "../helpers/xlsx";
import { runCli, SAMPLE } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-cli-print-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
  };
}

/** Page sizes in points, rounded (A4 595 × 842, A3 842 × 1191). */
const PAPER = { A4: [595, 842], A3: [842, 1191] } as const;

describe("what pokin prints, in LibreOffice", () => {
  it.each([
    ["pohon", "tree"],
    ["kertas-kerja", "kertas-kerja"],
  ] as const)(
    "%s prints on the planned paper with one page per planned page",
    async (command, job) => {
      const grids = await readXlsxFile(SAMPLE);
      const settings = withDefaults({});
      const { plan } = planJobs(grids, analyse(grids, settings, SAMPLE), settings, [job as Job]);
      const sheet = plan.sheets.find((s) => s.mode === "create")!;
      const print = sheet.print!;

      const out = path.join(dir, `${command}.xlsx`);
      expect((await runCli([command, SAMPLE, "-o", out])).code).toBe(0);
      const only = path.join(dir, `${command}-saja.xlsx`);
      onlySheet(out, sheet.sheet, only);
      const { output } = await convertWithLibreOffice(
        only,
        "pdf",
        path.join(dir, `pdf-${command}`)
      );
      const info = pdfInfo(output);

      const [short, long] = PAPER[print.paper];
      const expected = print.orientation === "landscape" ? [long, short] : [short, long];
      expect([Math.round(info.width), Math.round(info.height)]).toEqual(expected);
      expect(info.pages).toBe(1 + (print.rowBreaks ?? []).filter((r) => r > 0).length);
      const text = execFileSync("pdftotext", ["-layout", output, "-"], { encoding: "utf8" });
      expect(text).not.toMatch(/#NAME|#REF|#VALUE|Err:\d/);
    },
    LIBREOFFICE_TIMEOUT_MS
  );
});
