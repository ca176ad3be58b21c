/** Unit and integration tests (node by default; React tests opt into jsdom with a docblock). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Type checking is `npm run typecheck`; here we only transpile, which keeps the suite fast.
        isolatedModules: true,
        tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", esModuleInterop: true },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
};
