/** The strict fake Excel host: Office.js surface over an in-memory workbook, for tests and preview. */
export * from "./fake";
export * from "./state";
