/**
 * `pokin`: the command line. `main(argv, io)` returns the exit status, so tests run it in-process.
 * Exit status: 0 fine, 1 error-level findings (periksa), 2 unreadable input or wrong usage,
 * 3 a bug (short message, no stack trace unless POKIN_DEBUG=1).
 */
import { promises as fs, readFileSync, existsSync } from "fs";
import * as nodePath from "path";
import {
  a1Range,
  countBySeverity,
  type Finding,
  gridWidth,
  isBlank,
  type SheetGrid,
  type WorkbookGrids,
  modelToJson,
  summaryText,
  tCli,
  type Lang,
  type CsfModel,
  ALL_JOBS,
  analyse,
  planJobs,
  type Job,
  fixAll,
  planEdits,
  describeWrite,
  isUnreadable,
  planLaporan,
  ruleName,
  type UnreadableWorkbook,
  type WorkbookResult,
  withDefaults,
  type Settings,
  type WritePlan,
} from "../core";
// Not through hosts/xlsx/index: that loads ExcelJS, which the CLI no longer needs.
import { InputFileError, PlanRefusedError, oneLine } from "../hosts/xlsx/errors";
import { readXlsxPackage } from "../hosts/xlsx/package/read";
import { emptyPackage, writePlanToXlsxFile, type PackageParts } from "../hosts/xlsx/package/write";
import { langArgument, parseArgs, type CliOptions, type Command } from "./args";
import { checkOutput, OutputError, writeFailure } from "./output";
import { loadPeta, petaJson } from "./peta";

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

let pipeGuard = false;
/** `pokin periksa … | head` closes the pipe early: stop quietly instead of crashing on EPIPE. */
function guardPipe(): void {
  if (pipeGuard) return;
  pipeGuard = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const processIo: CliIo = {
  stdout: (s) => {
    guardPipe();
    process.stdout.write(s);
  },
  stderr: (s) => void process.stderr.write(s),
  env: process.env,
};

/** A problem the user can fix (bad file, bad settings, unwritable output): one line, exit 2. */
class UserError extends Error {}

const JOBS: Record<"hitung" | "pohon" | "kertas-kerja" | "proses", readonly Job[]> = {
  hitung: ["fill"],
  pohon: ["tree"],
  "kertas-kerja": ["kertas-kerja"],
  proses: ALL_JOBS,
};

/** Run `pokin` with `argv` (without "node pokin"); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const out = (line: string) => io.stdout(`${line}\n`);
  const err = (line: string) => io.stderr(`${line}\n`);
  let lang: Lang = langArgument(argv) ?? langFromEnv(io.env);
  try {
    const parsed = parseArgs(argv, lang);
    switch (parsed.kind) {
      case "help":
        out(tCli("cli.help", {}, lang));
        return 0;
      case "version":
        out(packageVersion());
        return 0;
      case "usage-error":
        err(parsed.message);
        err("");
        err(tCli("cli.help", {}, lang));
        return 2;
      case "run": {
        const settings = await loadSettings(parsed.options, lang);
        lang = settings.lang;
        if (parsed.options.peta) {
          const peta = await loadPeta(parsed.options.peta, lang);
          if ("error" in peta) throw new UserError(peta.error);
          settings.mappings = peta.mappings;
        }
        const debug = io.env.POKIN_DEBUG === "1";
        return await run(parsed.command, parsed.files, parsed.options, settings, out, err, debug);
      }
    }
  } catch (e) {
    if (e instanceof InputFileError || e instanceof UserError || e instanceof OutputError) {
      err(e.message);
      return 2;
    }
    if (io.env.POKIN_DEBUG === "1" && e instanceof Error && e.stack) err(e.stack);
    const detail = e instanceof Error ? oneLine(e.message) : oneLine(String(e));
    err(tCli("cli.bug", { detail }, lang));
    return 3;
  }
}

function langFromEnv(env: Record<string, string | undefined>): Lang {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return l.toLowerCase().startsWith("en") ? "en" : "id";
}

/** The version in package.json, found upwards from this file (src/cli or lib/src/cli). */
function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const file = nodePath.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pokin-csf" && pkg.version) return pkg.version;
    }
    dir = nodePath.dirname(dir);
  }
  throw new Error("package.json of pokin-csf not found");
}

/** Defaults, merged with --settings FILE.json; --lang wins over the file's "lang". */
async function loadSettings(options: CliOptions, lang: Lang): Promise<Settings> {
  let partial: Partial<Settings> = {};
  if (options.settings) {
    const file = options.settings;
    try {
      const parsed = JSON.parse(await fs.readFile(file, "utf8")) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
        throw new Error("JSON object expected");
      partial = parsed as Partial<Settings>;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const detail =
        code === "ENOENT" ? tCli("cli.input.missing", { file }, lang) : (e as Error).message;
      throw new UserError(tCli("cli.input.settings", { file, detail: oneLine(detail) }, lang));
    }
  }
  const settings = withDefaults(partial);
  if (options.cleanPrint) settings.cleanPrint = true;
  settings.lang =
    options.lang ?? (partial.lang === "en" || partial.lang === "id" ? partial.lang : lang);
  return settings;
}

async function run(
  command: Command,
  files: string[],
  options: CliOptions,
  settings: Settings,
  out: (line: string) => void,
  err: (line: string) => void,
  debug: boolean
): Promise<number> {
  switch (command) {
    case "info":
      return info(files, settings.lang, out, err);
    case "periksa":
      return periksa(files, options, settings, out, err, debug);
    case "perbaiki":
      return perbaiki(files[0] ?? "", options, settings, out);
    default:
      return job(command, files[0] ?? "", options, settings, out);
  }
}

/** `pokin info`: each sheet's name and used size. */
async function info(
  files: string[],
  lang: Lang,
  out: (line: string) => void,
  err: (line: string) => void
): Promise<number> {
  let status = 0;
  for (const file of files) {
    try {
      const { grids } = await readXlsxPackage(file, { lang });
      out(tCli("cli.info.header", { file, count: grids.sheets.length }, lang));
      for (const sheet of grids.sheets) out(sheetLine(sheet, lang));
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      err(e.message);
      status = 2;
    }
  }
  return status;
}

function sheetLine(sheet: SheetGrid, lang: Lang): string {
  const prot = sheet.protected ? tCli("cli.info.protected", {}, lang) : "";
  const box = usedBox(sheet);
  if (!box) return tCli("cli.info.empty", { name: sheet.name, protected: prot }, lang);
  return tCli(
    "cli.info.sheet",
    {
      name: sheet.name,
      rows: box.bottom - box.top + 1,
      cols: box.right - box.left + 1,
      range: a1Range(box.top, box.left, box.bottom, box.right),
      protected: prot,
    },
    lang
  );
}

/** Bounding box of the non-blank cells and merged areas, or null for an empty sheet. */
function usedBox(sheet: SheetGrid) {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const width = gridWidth(sheet);
  sheet.values.forEach((row, r) => {
    for (let c = 0; c < Math.min(row.length, width); c++) {
      if (isBlank(row[c])) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  });
  for (const m of sheet.merges ?? []) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** Files named on the command line, folders expanded to every .xlsx inside (lock files skipped). */
async function expandInputs(
  args: string[],
  lang: Lang,
  err: (line: string) => void
): Promise<{ files: string[]; bad: boolean; folder: boolean }> {
  const files: string[] = [];
  let bad = false;
  let folder = false;
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await fs.stat(arg)).isDirectory();
    } catch {
      // Missing or unreadable: readXlsxFile names the problem.
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    folder = true;
    const found = await xlsxUnder(arg);
    if (found.length === 0) {
      err(new InputFileError(arg, "no-xlsx-in-folder", lang).message);
      bad = true;
    }
    files.push(...found);
  }
  return { files, bad, folder };
}

async function xlsxUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = nodePath.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await xlsxUnder(p)));
    else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
  }
  return out;
}

/** One file of a periksa batch that could not be checked; `bug` when the cause is not the file. */
interface FailedFile extends UnreadableWorkbook {
  bug: boolean;
}

/**
 * Read and check one file inside its own boundary: whatever goes wrong (corrupt, too large, a
 * bug) becomes this file's one line on stderr and its entry, and the batch goes on.
 */
async function checkFile(
  file: string,
  settings: Settings,
  err: (line: string) => void,
  debug: boolean
): Promise<WorkbookResult | FailedFile> {
  try {
    const { grids } = await readXlsxPackage(file, { lang: settings.lang });
    const analysis = analyse(grids, settings, file);
    return { file, model: analysis.model, findings: analysis.findings };
  } catch (e) {
    if (e instanceof InputFileError) {
      err(e.message);
      return { file, error: e.message, bug: false };
    }
    if (debug && e instanceof Error && e.stack) err(e.stack);
    const detail = e instanceof Error ? oneLine(e.message) : oneLine(String(e));
    const error = `${file}: ${tCli("cli.bug", { detail }, settings.lang)}`;
    err(error);
    return { file, error, bug: true };
  }
}

/**
 * `pokin periksa`: check each workbook; JSON or a summary with the findings. Exit status: 3 if a
 * file met a bug, else 2 if one could not be read, else 1 if one has errors, else 0.
 */
async function periksa(
  args: string[],
  options: CliOptions,
  settings: Settings,
  out: (line: string) => void,
  err: (line: string) => void,
  debug: boolean
): Promise<number> {
  const lang = settings.lang;
  const { files, bad: badFolder, folder } = await expandInputs(args, lang, err);
  const laporanPath = options.laporan ? await checkOutput(files, options.laporan, lang) : null;
  const entries: (WorkbookResult | FailedFile)[] = [];
  for (const file of files) entries.push(await checkFile(file, settings, err, debug));
  const results = entries.filter((e): e is WorkbookResult => !isUnreadable(e));
  if (options.writePeta) {
    const json = entries.map((e) =>
      isUnreadable(e) ? { file: e.file, error: e.error } : petaJson(e.file, e.model)
    );
    const single = args.length === 1 && !folder && json.length === 1;
    out(JSON.stringify(single ? json[0] : json, null, 2));
  } else if (options.json) {
    const json = entries.map((e) =>
      isUnreadable(e) ? { file: e.file, error: e.error } : modelToJson(e.model, e.findings, e.file)
    );
    const single = args.length === 1 && !folder && json.length === 1;
    out(JSON.stringify(single ? json[0] : json, null, 2));
  } else {
    results.forEach((r, i) => {
      if (i > 0) out("");
      out(summaryText(r.model, r.findings, lang));
      out("");
      if (r.findings.length === 0) out(tCli("cli.summary.none", {}, lang));
      for (const f of r.findings) out(findingLine(f, lang));
    });
  }
  if (options.laporan && laporanPath !== null) {
    const laporan = planLaporan(
      entries.map((e) => (isUnreadable(e) ? { file: e.file, error: e.error } : e)),
      lang
    );
    await writeOutput(emptyPackage(), { sheets: [] }, laporan, laporanPath, lang);
    // Keep stdout pure JSON when JSON was asked for.
    (options.json || options.writePeta ? err : out)(
      tCli("cli.laporanWritten", { out: options.laporan }, lang)
    );
  }
  const failed = entries.filter((e): e is FailedFile => isUnreadable(e));
  if (failed.some((f) => f.bug)) return 3;
  if (badFolder || failed.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

function findingLine(f: Finding, lang: Lang): string {
  return tCli(
    "cli.finding",
    {
      severity: tCli(`common.severity.${f.severity}`, {}, lang),
      cell: f.cell ?? f.sheet ?? "-",
      rule: ruleName(f.rule, lang),
      message: f.message,
    },
    lang
  );
}

/** One line: the file, its conditions and indicators, and the findings per severity. */
function summaryLine(file: string, model: CsfModel, findings: readonly Finding[], lang: Lang) {
  const c = countBySeverity(findings);
  const indicators = model.nodes.reduce((n, node) => n + node.indicators.length, 0);
  return tCli(
    "cli.summary.file",
    {
      file,
      conditions: model.nodes.length,
      indicators,
      errors: c.error,
      warnings: c.warning,
      infos: c.info,
    },
    lang
  );
}

/** hitung, pohon, kertas-kerja, proses: plan the jobs onto a copy and write it to -o. */
async function job(
  command: "hitung" | "pohon" | "kertas-kerja" | "proses",
  file: string,
  options: CliOptions,
  settings: Settings,
  out: (line: string) => void
): Promise<number> {
  const lang = settings.lang;
  const output = options.output ?? "";
  const target = await checkOutput([file], output, lang);
  // The package is read once; the output is the input's parts with the plan patched in.
  const { grids, pkg } = await readXlsxPackage(file, { lang });
  const analysis = analyse(grids, settings, file);
  const { plan, findings } = planJobs(grids, analysis, settings, JOBS[command], {
    replaceOverrides: options.replaceOverrides,
  });
  try {
    await writeOutput(pkg, grids, plan, target, lang);
  } catch (e) {
    // The plan does not fit the file (a sheet it updates is gone or protected): bad input.
    if (e instanceof PlanRefusedError)
      throw new UserError(tCli("cli.apply.refused", { file, reason: e.message }, lang));
    throw e;
  }
  out(tCli("cli.written", { out: output }, lang));
  for (const w of describeWrite(plan, analysis.model, findings, lang)) out(`  ${w.text}`);
  out(summaryLine(file, analysis.model, findings, lang));
  // The job's own findings (a typed capaian left alone, a protected sheet not filled) say why
  // something was not written; the checks' findings are periksa's to list.
  const checked = new Set(analysis.findings);
  for (const f of findings) if (!checked.has(f)) out(findingLine(f, lang));
  return 0;
}

/**
 * `pokin perbaiki`: every sure fix (or those of --aturan) applied to a copy, one line per fix;
 * --coba writes nothing. Exit 0 when no error-level finding remains, 1 when some do.
 */
async function perbaiki(
  file: string,
  options: CliOptions,
  settings: Settings,
  out: (line: string) => void
): Promise<number> {
  const lang = settings.lang;
  const output = options.dryRun ? null : (options.output ?? "");
  const target = output === null ? null : await checkOutput([file], output, lang);
  const { grids, pkg } = await readXlsxPackage(file, { lang });
  const fixed = fixAll(grids, settings, { rules: options.rules });
  if (fixed.fixes.length === 0) out(tCli("fixes.cli.none", {}, lang));
  for (const fix of fixed.fixes)
    out(
      tCli(
        "fixes.cli.line",
        { cell: fix.cell ?? "-", rule: ruleName(fix.rule, lang), description: fix.description },
        lang
      )
    );
  out(tCli("fixes.cli.count", { fixes: fixed.fixes.length, cells: fixed.edits.length }, lang));
  if (output === null) out(tCli("fixes.cli.dryRun", {}, lang));
  else if (target !== null) {
    await writeOutput(pkg, grids, planEdits(fixed.edits), target, lang);
    out(tCli("cli.written", { out: output }, lang));
  }
  out(summaryLine(output ?? file, fixed.analysis.model, fixed.findings, lang));
  const errors = fixed.findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return 0;
  out(tCli("fixes.cli.remaining", { errors: errors.length }, lang));
  for (const f of errors) out(findingLine(f, lang));
  return 1;
}

/** Apply `plan` to the package and write it to `path` (a temp file renamed; refusals thrown first). */
async function writeOutput(
  pkg: PackageParts,
  grids: WorkbookGrids,
  plan: WritePlan,
  path: string,
  lang: Lang
): Promise<void> {
  try {
    await writePlanToXlsxFile(pkg, plan, lang, grids, path);
  } catch (e) {
    throw writeFailure(e, path, lang) ?? e;
  }
}
