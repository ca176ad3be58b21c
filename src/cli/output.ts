/**
 * Where `-o` (and `--laporan`) may write. The output replaces only a regular, writable file that
 * is not an input, in a folder that already exists; anything else is refused before any work,
 * in the user's language, naming the user's path (never the temporary file written beside it).
 */
import { promises as fs, constants, type Stats } from "fs";
import * as nodePath from "path";
import { tCli, type Lang } from "../core";
import { oneLine } from "../hosts/xlsx/errors";

/** A refusal the user can act on: one line, exit status 2. */
export class OutputError extends Error {}

async function statOrNull(path: string, follow: boolean): Promise<Stats | null> {
  try {
    return follow ? await fs.stat(path) : await fs.lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

async function writable(path: string, st: Stats): Promise<boolean> {
  // No write bit at all is a read-only file even for root, whom access() lets through.
  if ((st.mode & 0o222) === 0) return false;
  try {
    await fs.access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same file: one path, or two names (a link) of one file. */
function sameFile(a: Stats | null, b: Stats | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Check `output` before anything is read or written, and return the path to write: `output`, or
 * the file a symbolic link at `output` points to (so the link stays a link). Throws OutputError
 * when the output is an input, a folder, a device or other non-regular file, a read-only file,
 * or lies in a folder that does not exist (folders are never created).
 */
export async function checkOutput(
  inputs: readonly string[],
  output: string,
  lang: Lang
): Promise<string> {
  const refuse = (key: Parameters<typeof tCli>[0], params: Record<string, string> = {}) =>
    new OutputError(tCli(key, { file: output, ...params }, lang));
  const target = await statOrNull(output, true);
  for (const input of inputs) {
    const same =
      nodePath.resolve(input) === nodePath.resolve(output) ||
      sameFile(await statOrNull(input, true), target);
    if (same) throw refuse("cli.input.sameAsOutput");
  }
  if (target === null) {
    if ((await statOrNull(output, false)) !== null) throw refuse("cli.output.notFile");
    const folder = nodePath.dirname(output);
    const dir = await statOrNull(folder, true);
    if (dir === null || !dir.isDirectory()) throw refuse("cli.output.noFolder", { folder });
    return output;
  }
  if (target.isDirectory()) throw refuse("cli.output.directory");
  if (!target.isFile()) throw refuse("cli.output.notFile");
  if (!(await writable(output, target))) throw refuse("cli.output.readOnly");
  const link = await statOrNull(output, false);
  return link?.isSymbolicLink() ? await fs.realpath(output) : output;
}

/**
 * Why writing `output` failed, in the user's words: the system's message names the temporary
 * file and is in English, so only its code is used.
 */
export function writeFailure(e: unknown, output: string, lang: Lang): OutputError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string") return null;
  const folder = nodePath.dirname(output);
  const detail =
    code === "EACCES" || code === "EPERM"
      ? tCli("cli.output.why.permission", { folder }, lang)
      : code === "ENOSPC" || code === "EDQUOT"
        ? tCli("cli.output.why.full", {}, lang)
        : code === "EROFS"
          ? tCli("cli.output.why.readOnlyDisk", {}, lang)
          : tCli("cli.output.why.other", { code: oneLine(code) }, lang);
  return new OutputError(tCli("cli.output.unwritable", { file: output, detail }, lang));
}
