/**
 * `npm run bench`: synthetic workbooks of 1,000 and 10,000 indicators over four levels, every job run,
 * a table printed and bench/results.json written. Targets (2-core machine): core10kMs ≤ 500,
 * growth10x ≤ 12, prosesVsLibreOffice ≤ 1, maxSyncsPerAction ≤ 3, maxRequestBytes ≤ 5,000,000,
 * taskpaneGzipBytes ≤ 250 KB, bombRejectMs < 2,000 and bombPeakRssMb < 300 (issue 19).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { type WorkbookGrids, analyse, layoutPohon, planTree, DEFAULT_SETTINGS } from "../src/core";
import { fillsRules, paneSession } from "./office";
import { indicatorCount, shapeFor, syntheticWorkbook } from "./synthetic";
import { zipBombXlsx } from "./bomb";
import { MAX_PART_BYTES, MAX_TOTAL_BYTES, readZip } from "../src/hosts/xlsx/package/zip";

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "bench/out");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * read + check + compute + layout, in memory, on plain grids: the analysis and the tree laid out
 * (every box's content and place); `withPlan` also draws the tree's whole sheet plan (cells,
 * formulas, formats, merges), which is more than the figure asks for.
 */
function coreOnce(wb: WorkbookGrids, withPlan: boolean): number {
  const t0 = process.hrtime.bigint();
  const analysis = analyse(wb, DEFAULT_SETTINGS);
  if (withPlan) planTree(analysis.model, analysis.findings, wb, DEFAULT_SETTINGS);
  else layoutPohon(analysis.model, analysis.findings, wb, DEFAULT_SETTINGS);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function coreMedian(wb: WorkbookGrids, runs: number, withPlan = false): number {
  coreOnce(wb, withPlan); // warm-up: JIT and caches
  return median(Array.from({ length: runs }, () => coreOnce(wb, withPlan)));
}

async function writeXlsx(wb: WorkbookGrids, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    for (const row of s.values) ws.addRow(row.map((v) => (v === null ? undefined : v)));
  }
  await book.xlsx.writeFile(file);
}

function wallMs(
  cmd: string,
  args: string[]
): { ms: number; status: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status, stderr: r.stderr };
}

/** Time and peak memory of `pokin ARGS` in a process of its own (exit 2 expected or not). */
function probe(cli: string, args: string[]): { ms: number; rssMb: number; status: number | null } {
  const r = wallMs(process.execPath, [path.join(root, "lib/bench/rss-probe.js"), cli, ...args]);
  const rss = JSON.parse(r.stderr.trim().split("\n").pop() ?? "{}") as { maxRssKb?: number };
  return { ms: r.ms, rssMb: (rss.maxRssKb ?? NaN) / 1024, status: r.status };
}

/**
 * `pokin periksa` on a 3 MB workbook whose sheet inflates to 3 GB: once declaring its size
 * (refused before inflating) and once declaring just under the part ceiling (inflated to the
 * ceiling, then refused). The figures are the worse of the two (each the median time of three
 * runs and the largest peak).
 */
function bombFigures(cli: string): { bombRejectMs: number; bombPeakRssMb: number; runs: unknown } {
  const runs = [
    { name: "declared", bytes: zipBombXlsx(3000) },
    { name: "understated", bytes: zipBombXlsx(3000, MAX_PART_BYTES - 1) },
  ].map(({ name, bytes }) => {
    const file = path.join(outDir, `bom-${name}.xlsx`);
    fs.writeFileSync(file, bytes);
    // Three runs, the median time: one process start on a loaded machine varies by a second.
    const rs = Array.from({ length: 3 }, () => probe(cli, ["periksa", file]));
    const bad = rs.find((r) => r.status !== 2);
    if (bad) throw new Error(`pokin periksa on the ${name} bomb: exit ${bad.status}`);
    const ms = median(rs.map((r) => r.ms));
    return {
      name,
      fileBytes: bytes.length,
      ms: round(ms),
      rssMb: round(Math.max(...rs.map((r) => r.rssMb))),
    };
  });
  return {
    bombRejectMs: Math.max(...runs.map((r) => r.ms)),
    bombPeakRssMb: Math.max(...runs.map((r) => r.rssMb)),
    runs,
  };
}

/** The largest part and all parts of a file, inflated, against the zip reader's ceilings. */
function partSizes(file: string) {
  const sizes = [...readZip(fs.readFileSync(file)).values()].map((b) => b.length);
  const mb = (n: number) => round(n / (1024 * 1024));
  return {
    largestPartMb: mb(Math.max(...sizes)),
    partCeilingMb: mb(MAX_PART_BYTES),
    totalMb: mb(sizes.reduce((a, b) => a + b, 0)),
    totalCeilingMb: mb(MAX_TOTAL_BYTES),
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const wb1k = syntheticWorkbook(shapeFor(1000));
  const wb10k = syntheticWorkbook(shapeFor(10000));
  const n1k = indicatorCount(wb1k);
  const n10k = indicatorCount(wb10k);

  const core1kMs = coreMedian(wb1k, 9);
  const core10kMs = coreMedian(wb10k, 5);
  const coreTreePlan10kMs = coreMedian(wb10k, 5, true);

  // pokin proses vs LibreOffice opening and re-saving the same file, same run.
  const file = path.join(outDir, "sintetis-10k.xlsx");
  await writeXlsx(wb10k, file);
  const cli = path.join(root, "bin/pokin.js");
  const rssProbe = path.join(root, "lib/bench/rss-probe.js");
  const proses = wallMs(process.execPath, [
    rssProbe,
    cli,
    "proses",
    file,
    "-o",
    path.join(outDir, "sintetis-10k.hasil.xlsx"),
  ]);
  if (proses.status !== 0 && proses.status !== 1)
    throw new Error(`pokin proses failed: ${proses.stderr}`);
  const rss = JSON.parse(proses.stderr.trim().split("\n").pop() ?? "{}") as { maxRssKb?: number };

  const loProfile = path.join(os.tmpdir(), `pokin-bench-lo-${process.pid}`);
  const loOut = path.join(outDir, "lo");
  fs.mkdirSync(loOut, { recursive: true });
  const loArgs = [
    `-env:UserInstallation=file://${loProfile}`,
    "--headless",
    "--convert-to",
    "xlsx",
    "--outdir",
    loOut,
    file,
  ];
  wallMs("soffice", loArgs); // first start creates the profile; not timed
  const lo = wallMs("soffice", loArgs);
  fs.rmSync(loProfile, { recursive: true, force: true });
  if (lo.status !== 0) throw new Error(`LibreOffice failed: ${lo.stderr}`);

  const pane = await paneSession(wb10k, ",");
  const semicolon = await paneSession(wb10k, ";");
  // Office 2019 (ExcelApi 1.7): no RangeAreas, so every range is its own request item.
  const api17 = await paneSession(wb10k, ",", "1.7");
  const rules = await fillsRules(wb10k);
  const bomb = bombFigures(cli);
  const parts10k = partSizes(path.join(outDir, "sintetis-10k.hasil.xlsx"));

  const sizeFile = path.join(root, "dist/size.json");
  const size = fs.existsSync(sizeFile)
    ? (JSON.parse(fs.readFileSync(sizeFile, "utf8")) as { taskpaneGzipBytes: number })
    : null;

  const results = {
    indicators: { small: n1k, large: n10k },
    core1kMs: round(core1kMs),
    core10kMs: round(core10kMs),
    growth10x: round(core10kMs / core1kMs),
    coreTreePlan10kMs: round(coreTreePlan10kMs),
    prosesMs: round(proses.ms),
    libreOfficeMs: round(lo.ms),
    prosesVsLibreOffice: round(proses.ms / lo.ms),
    maxSyncsPerAction: pane.syncs,
    semicolonMaxSyncsPerAction: semicolon.syncs,
    coldPeriksaSyncs: Math.max(pane.coldPeriksaSyncs, semicolon.coldPeriksaSyncs),
    maxRequestBytes: Math.max(pane.bytes, semicolon.bytes),
    maxRequestBytesApi17: api17.bytes,
    fakeMaxRequestBytes: Math.max(pane.fakeBytes, semicolon.fakeBytes, api17.fakeBytes),
    maxResponseBytes: Math.max(pane.responseBytes, semicolon.responseBytes, api17.responseBytes),
    api17MaxSyncsPerAction: api17.syncs,
    conditionalFormatsAfterOneFill: rules.afterOne,
    conditionalFormatsAfterThreeFills: rules.afterThree,
    perAction: pane.perAction,
    semicolonPerAction: semicolon.perAction,
    api17PerAction: api17.perAction,
    taskpaneGzipBytes: size ? size.taskpaneGzipBytes : null,
    peakRssMb: rss.maxRssKb ? round(rss.maxRssKb / 1024) : null,
    bombRejectMs: bomb.bombRejectMs,
    bombPeakRssMb: bomb.bombPeakRssMb,
    bombRuns: bomb.runs,
    parts10k,
    machine: { cpus: os.cpus().length, node: process.version },
  };
  fs.writeFileSync(path.join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");

  const rows: [string, string, string][] = [
    ["core10kMs (read+check+compute+layout, 10k)", `${results.core10kMs} ms`, "≤ 500"],
    ["core1kMs (same, 1k)", `${results.core1kMs} ms`, ""],
    ["coreTreePlan10kMs (core10k + the tree's sheet plan)", `${results.coreTreePlan10kMs} ms`, ""],
    ["growth10x", `${results.growth10x}`, "≤ 12"],
    [
      "prosesVsLibreOffice",
      `${results.prosesVsLibreOffice} (${results.prosesMs} ms / ${results.libreOfficeMs} ms)`,
      "≤ 1",
    ],
    ["maxSyncsPerAction", `${results.maxSyncsPerAction}`, "≤ 3"],
    ["semicolonMaxSyncsPerAction", `${results.semicolonMaxSyncsPerAction}`, "≤ 3"],
    [
      "coldPeriksaSyncs (a pane opened afresh, tree and kertas kerja there)",
      `${results.coldPeriksaSyncs}`,
      "",
    ],
    ["maxRequestBytes (Office.js's serializer)", `${results.maxRequestBytes}`, "≤ 5,000,000"],
    [
      "maxRequestBytesApi17 (the same at ExcelApi 1.7)",
      `${results.maxRequestBytesApi17}`,
      "≤ 5,000,000",
    ],
    ["fakeMaxRequestBytes (the fake's own measure)", `${results.fakeMaxRequestBytes}`, ""],
    ["maxResponseBytes", `${results.maxResponseBytes}`, "≤ 5,000,000"],
    ["api17MaxSyncsPerAction (ExcelApi 1.7)", `${results.api17MaxSyncsPerAction}`, ""],
    [
      "conditionalFormatsAfterThreeFills",
      `${results.conditionalFormatsAfterThreeFills} (after one: ${results.conditionalFormatsAfterOneFill})`,
      "= after one",
    ],
    ["taskpaneGzipBytes", `${results.taskpaneGzipBytes}`, "≤ 256,000"],
    ["peakRssMb (pokin proses, 10k)", `${results.peakRssMb}`, ""],
    [
      "bombRejectMs (periksa refuses a 3 MB file inflating to 3 GB)",
      `${results.bombRejectMs} ms`,
      "< 2,000",
    ],
    ["bombPeakRssMb", `${results.bombPeakRssMb}`, "< 300"],
    [
      "largest part of the 10k proses output / part ceiling",
      `${parts10k.largestPartMb} / ${parts10k.partCeilingMb} MB (all parts ${parts10k.totalMb} / ${parts10k.totalCeilingMb} MB)`,
      "",
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(
    `\nBenchmark: ${n1k} and ${n10k} indicators, ${results.machine.cpus} cores, Node ${process.version}\n\n`
  );
  process.stdout.write(
    `| ${"figure".padEnd(w)} | value | target |\n|${"-".repeat(w + 2)}|---|---|\n`
  );
  for (const [k, v, t] of rows) process.stdout.write(`| ${k.padEnd(w)} | ${v} | ${t} |\n`);
  process.stdout.write(`\nbench/results.json written.\n`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((e: unknown) => {
  process.stderr.write(
    `bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
  );
  process.exitCode = 1;
});
