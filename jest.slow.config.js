/** `npm run test:slow`'s jest part: only the slow test files listed in jest.suites.js. */
const base = require("./jest.config.js");
const { SLOW } = require("./jest.suites.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: SLOW.map((file) => `<rootDir>/${file}`),
};
