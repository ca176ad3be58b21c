/**
 * Column mappings on the command line: `--peta FILE.json` reads the mappings a workbook is read
 * with (as the pane keeps them, or as `--tulis-peta` printed them for one file or a folder), and
 * `pokin periksa --tulis-peta` prints the mappings the reader used, with its guess for each table
 * it could not place, for Perencanaan to edit and apply to a folder of workbooks.
 */
import { promises as fs } from "fs";
import {
  tCli,
  type Lang,
  type ColumnMapping,
  type CsfModel,
  guessedMapping,
  parseMappings,
  usedMappings,
} from "../core";
import { oneLine } from "../hosts/xlsx/errors";

/** The mappings in `file`, or the one-line message naming the file and what is wrong in it. */
export async function loadPeta(
  file: string,
  lang: Lang
): Promise<{ mappings: ColumnMapping[] } | { error: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, "utf8")) as unknown;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const detail =
      code === "ENOENT" ? tCli("cli.input.missing", { file }, lang) : oneLine((e as Error).message);
    return { error: tCli("cli.peta.unreadable", { file, detail }, lang) };
  }
  const parsed = parseMappings(json);
  if ("error" in parsed)
    return { error: tCli("cli.peta.invalid", { file, at: parsed.error }, lang) };
  return parsed;
}

/** What `--tulis-peta` prints for one workbook: the mappings used, and the guesses to edit. */
export interface PetaJson {
  file: string;
  mappings: ColumnMapping[];
  /** The reader's guess for each table it could not place; move one into `mappings` to apply it. */
  unplaced: ColumnMapping[];
}

export function petaJson(file: string, model: CsfModel): PetaJson {
  return {
    file,
    mappings: usedMappings(model),
    unplaced: (model.unplaced ?? []).map(guessedMapping),
  };
}
