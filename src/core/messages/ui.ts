/** Strings of the ui area. Same keys in id and en. */
export const ui = {
  id: {},
  en: {},
} as const;
