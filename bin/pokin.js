#!/usr/bin/env node
"use strict";
// A larger young generation: writing a big workbook makes millions of short-lived strings, and
// with Node's default semi-space the scavenger runs thousands of times (a third of `proses`).
require("v8").setFlagsFromString("--max-semi-space-size=64");
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run on install by `prepare`).
require("../lib/src/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
