/** Strings of the reader area. Same keys in id and en. */
export const reader = {
  id: {},
  en: {},
} as const;
