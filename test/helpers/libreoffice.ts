/**
 * LibreOffice headless for tests: convert a workbook (to PDF, to xlsx) and recalculate its formulas.
 * Each call runs soffice with its own fresh profile directory, so parallel jest workers do not
 * clash over a shared profile lock, and removes the profile afterwards.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Generous: the first start with a fresh profile takes several seconds, more on a busy machine. */
export const LIBREOFFICE_TIMEOUT_MS = 180_000;

/**
 * Makes LibreOffice recalculate every formula when it loads an xlsx or ods (value 0; its default
 * is never or ask), or never (value 1: the values cached in the file are shown).
 */
const recalcSetting = (mode: 0 | 1): string => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/** The soffice executable: $SOFFICE, else `soffice` on the PATH. */
export function sofficePath(): string {
  return process.env.SOFFICE ?? "soffice";
}

/** Result of one soffice run. */
export interface LibreOfficeResult {
  /** The file LibreOffice wrote. */
  output: string;
  stdout: string;
  stderr: string;
}

/**
 * Converts a file with LibreOffice headless (`soffice --convert-to`).
 * @param file the input file
 * @param format a `--convert-to` target: "pdf", "png", or "xlsx:Calc MS Excel 2007 XML"
 * @param outDir where the output goes (created when missing); must differ from the input's folder
 *   when the output has the input's extension
 * @param options.recalculate false: show the values cached in the file, as a viewer that does not
 *   recalculate would (default: recalculate every formula)
 * @returns the output path; rejects when soffice fails, times out or writes nothing
 */
export async function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  options: { recalculate?: boolean } = {}
): Promise<LibreOfficeResult> {
  const [result] = await convertAllWithLibreOffice([file], format, outDir, options);
  if (!result) throw new Error(`LibreOffice converted nothing for ${file}`);
  return result;
}

/**
 * Converts several files in one soffice run (one start, however many files), as
 * `convertWithLibreOffice` does one. The inputs' names must differ.
 */
export async function convertAllWithLibreOffice(
  files: readonly string[],
  format: string,
  outDir: string,
  options: { recalculate?: boolean } = {}
): Promise<LibreOfficeResult[]> {
  const dir = path.resolve(outDir);
  const ext = format.split(":")[0] ?? format;
  const inputs = files.map((f) => path.resolve(f));
  const outputs = inputs.map((input) => {
    const output = path.join(dir, `${path.parse(input).name}.${ext}`);
    if (output === input) throw new Error(`LibreOffice would overwrite its input ${input}`);
    return output;
  });
  fs.mkdirSync(dir, { recursive: true });
  for (const output of outputs) if (fs.existsSync(output)) fs.rmSync(output);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    recalcSetting(options.recalculate === false ? 1 : 0)
  );
  const args = [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    format,
    "--outdir",
    dir,
    ...inputs,
  ];
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
      (resolve, reject) => {
        execFile(
          sofficePath(),
          args,
          { timeout: LIBREOFFICE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
          (err, out, errOut) => {
            if (err) {
              reject(new Error(`soffice ${args.join(" ")} failed: ${err.message}\n${errOut}`));
            } else resolve({ stdout: out, stderr: errOut });
          }
        );
      }
    );
    for (const output of outputs)
      if (!fs.existsSync(output) || fs.statSync(output).size === 0)
        throw new Error(`soffice wrote no ${output}\nstdout: ${stdout}\nstderr: ${stderr}`);
    return outputs.map((output) => ({ output, stdout, stderr }));
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens an xlsx in LibreOffice, recalculates every formula and saves it as xlsx in outDir
 * (same file name), so a test can read the computed values with ExcelJS (`cell.result`).
 */
export async function recalculateWithLibreOffice(
  xlsxIn: string,
  outDir: string
): Promise<LibreOfficeResult> {
  return convertWithLibreOffice(xlsxIn, "xlsx:Calc MS Excel 2007 XML", outDir);
}

/** `recalculateWithLibreOffice` for several workbooks in one soffice run. */
export async function recalculateAllWithLibreOffice(
  files: readonly string[],
  outDir: string
): Promise<LibreOfficeResult[]> {
  return convertAllWithLibreOffice(files, "xlsx:Calc MS Excel 2007 XML", outDir);
}
