/**
 * Every test but the end-to-end ones (node by default; React tests opt into jsdom with a
 * docblock): what `npx jest PATH` runs from. `npm run test:unit` leaves the slow files out
 * (jest.unit.config.js), `npm run test:slow` runs only them (jest.slow.config.js).
 */
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
        // Type checking is `npm run typecheck`; isolatedModules makes ts-jest only transpile,
        // which keeps the suite fast.
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node10",
          jsx: "react-jsx",
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
};
