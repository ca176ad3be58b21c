/**
 * Which test files are slow: they run LibreOffice, spawn the built command line, need the
 * production build, or take more than a few seconds on two cores. `npm run test:unit` leaves
 * them out (jest.unit.config.js), `npm run test:slow` runs only them (jest.slow.config.js), and
 * `npm test` runs both. test/jest-suites.test.ts checks that every file using LibreOffice, a
 * browser or the built command line is listed here, and that every listed file exists.
 */
const SLOW = [
  // LibreOffice (recalculation, conversion, printing)
  "test/cli/hitung.test.ts",
  "test/cli/print-libreoffice.test.ts",
  "test/core/capaian-recalc.test.ts",
  "test/core/tree/recalc.test.ts",
  "test/helpers/libreoffice.test.ts",
  "test/hosts/xlsx/apply.test.ts",
  "test/hosts/xlsx/fill-recalc.test.ts",
  "test/hosts/xlsx/fill-sample.test.ts",
  "test/hosts/xlsx/package/read.test.ts",
  "test/scripts/sample-libreoffice.test.ts",
  // The built command line or the production build
  "test/cli/bin.test.ts",
  "test/hostile/cli-bad-input.test.ts",
  "test/manifest.test.ts",
  // More than a few seconds each: whole runs on the sample or on large synthetic workbooks,
  // the pane's React tests, hostile inputs at their full sizes
  "test/cli/main.test.ts",
  "test/cli/perbaiki.test.ts",
  "test/hostile/cli-protected.test.ts",
  "test/hostile/limits.test.ts",
  "test/hostile/sparse-sheets.test.ts",
  "test/hosts/office/compact-writes.test.ts",
  "test/hosts/office/large-plan.test.ts",
  "test/hosts/office/synthetic-actions.test.ts",
  "test/taskpane/App.test.tsx",
  "test/taskpane/fixes.test.tsx",
];

module.exports = { SLOW };
