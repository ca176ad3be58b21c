/**
 * Runs the pokin CLI in this process and prints its peak memory as the last stderr line (JSON),
 * so the benchmark can read `peakRssMb` of `pokin proses` without platform tools.
 * Usage: node lib/bench/rss-probe.js bin/pokin.js ARGS...
 */
import * as path from "path";
import * as v8 from "v8";

async function main(): Promise<void> {
  // As bin/pokin.js does.
  v8.setFlagsFromString("--max-semi-space-size=64");
  const [cli, ...args] = process.argv.slice(2);
  if (!cli) throw new Error("usage: rss-probe CLI ARGS...");
  const mainJs = path.resolve(path.dirname(cli), "../lib/src/cli/main.js");
  const { main: run } = require(mainJs) as { main(argv: string[]): Promise<number> };
  const code = await run(args);
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code;
}

void main();
