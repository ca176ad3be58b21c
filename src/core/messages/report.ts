/** Strings of the report area. Same keys in id and en. */
export const report = {
  id: {},
  en: {},
} as const;
