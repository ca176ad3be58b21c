/** Typed errors of the ExcelJS host: a bad input file is the user's problem, not a bug. */
import { tCli, type Lang } from "../../core";

/** Why an input file could not be read as an .xlsx workbook. */
export type InputProblem =
  | "missing"
  | "directory"
  | "empty"
  | "xls"
  | "not-zip"
  | "corrupt"
  | "unreadable"
  | "no-xlsx-in-folder"
  | "part-too-large"
  | "total-too-large"
  | "size-mismatch";

const KEYS = {
  missing: "cli.input.missing",
  directory: "cli.input.directory",
  empty: "cli.input.empty",
  xls: "cli.input.xls",
  "not-zip": "cli.input.notZip",
  corrupt: "cli.input.corrupt",
  unreadable: "cli.input.unreadable",
  "no-xlsx-in-folder": "cli.input.noXlsxInFolder",
  "part-too-large": "cli.input.partTooLarge",
  "total-too-large": "cli.input.totalTooLarge",
  "size-mismatch": "cli.input.sizeMismatch",
} as const;

/** For a file refused for its size: the part that passed the ceiling, and the ceiling. */
export interface OversizedPart {
  part: string;
  limitBytes: number;
}

/** An input file that is missing or not a readable .xlsx; the message is one line naming the file. */
export class InputFileError extends Error {
  readonly file: string;
  readonly problem: InputProblem;

  constructor(
    file: string,
    problem: InputProblem,
    lang: Lang = "id",
    detail = "",
    oversized?: OversizedPart
  ) {
    const part = oversized?.part ?? "";
    const limit = oversized ? megabytes(oversized.limitBytes) : "";
    super(tCli(KEYS[problem], { file, detail: oneLine(detail), part, limit }, lang));
    this.name = "InputFileError";
    this.file = file;
    this.problem = problem;
  }
}

/** A write plan the host refuses to apply (it would overwrite a user's sheet or typed cells). */
export class PlanRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanRefusedError";
  }
}

/** Bytes as whole megabytes (MiB, as Excel and file managers count them), at least 1. */
function megabytes(bytes: number): string {
  return String(Math.max(1, Math.round(bytes / (1024 * 1024))));
}

/** First line of a library message, trimmed to a readable length. */
export function oneLine(text: string): string {
  const first = (text.split(/\r?\n/)[0] ?? "").trim();
  return first.length > 160 ? `${first.slice(0, 157)}...` : first;
}
