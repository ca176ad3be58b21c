/** Helpers for the CLI tests: run `pokin` in-process with captured output, and bad input files. */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `pokin argv…` in this process; LANG is unset unless `env` sets it. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {}
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env,
  });
  return { code, stdout, stderr };
}

export const SAMPLE = path.join(
  __dirname,
  "..",
  "..",
  "examples",
  "kertas-kerja-setda-luwu-timur.xlsx"
);

/** The five kinds of unreadable input of issue 9, written into `dir`; name → path. */
export async function badInputs(dir: string): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    missing: path.join(dir, "tidak-ada.xlsx"),
    empty: path.join(dir, "kosong.xlsx"),
    xls: path.join(dir, "lama.xls"),
    csv: path.join(dir, "data-csv.xlsx"),
    corrupt: path.join(dir, "rusak.xlsx"),
  };
  fs.writeFileSync(files.empty, "");
  fs.writeFileSync(
    files.xls,
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ])
  );
  fs.writeFileSync(files.csv, "Kode,Indikator,Target,Realisasi\n1.1,Nilai LPPD,3.2,3.4\n");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("CSF").getCell("A1").value = "CSF";
  const good = Buffer.from(await wb.xlsx.writeBuffer());
  fs.writeFileSync(files.corrupt, good.subarray(0, Math.floor(good.length / 2)));
  return files;
}

/** Bytes and modification time, to show a file was left alone. */
export function fingerprint(file: string): { bytes: Buffer; mtime: number } | null {
  if (!fs.existsSync(file)) return null;
  return { bytes: fs.readFileSync(file), mtime: fs.statSync(file).mtimeMs };
}
