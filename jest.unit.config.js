/** `npm run test:unit`: every test but the slow ones (jest.suites.js) and the end-to-end ones. */
const base = require("./jest.config.js");
const { SLOW } = require("./jest.suites.js");

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    ...SLOW.map((file) => `<rootDir>/${escape(file)}$`),
  ],
};
