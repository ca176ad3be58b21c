// Read by `office-addin-lint check` (npm run lint). Keeps the office-addins rules and adds
// the project's architecture boundary: the core never imports a host or a UI.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const hostAndUiImports = {
  paths: [
    { name: "exceljs", message: "The core is host-neutral: ExcelJS belongs in src/hosts/xlsx." },
    { name: "react", message: "The core is host-neutral: React belongs in src/taskpane." },
    { name: "react-dom", message: "The core is host-neutral: React belongs in src/taskpane." },
    { name: "@microsoft/office-js", message: "The core is host-neutral: Office.js belongs in src/hosts/office." },
  ],
  patterns: [
    { group: ["@fluentui/*", "react/*", "react-dom/*"], message: "The core is host-neutral: UI code belongs in src/taskpane." },
    { group: ["**/hosts/**", "**/taskpane/**", "**/commands/**", "**/cli/**"], message: "The core may not import hosts, UI or CLI." },
    { group: ["fs", "node:*", "path", "child_process", "zlib"], message: "The core runs in the browser too: no Node APIs." },
  ],
};

// Reuse the plugin instances the office-addins config brings, so ESLint sees one copy of each.
const base = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["@typescript-eslint"]);
const tsPlugin = base.plugins["@typescript-eslint"];
const prettierPlugin = base.plugins.prettier;

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "out/**", "coverage/**", "bench/out/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tsPlugin, prettier: prettierPlugin },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-unused-vars": "off",
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    // The core's public face: code outside src/core imports it only through src/core/index.ts
    // (types too). Tests may reach inside the core; they test its parts.
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core/(?!index$).+",
              message: "Import the core through src/core/index.ts (its public face), not its modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Functions a reader can hold in their head (issue 18): about 120 lines at most.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "max-lines-per-function": ["warn", { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", hostAndUiImports],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "The core never touches Office.js." },
        { name: "Excel", message: "The core never touches Office.js." },
      ],
    },
  },
];
