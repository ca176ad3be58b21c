/** Strings of the cli area. Same keys in id and en. */
export const cli = {
  id: {},
  en: {},
} as const;
