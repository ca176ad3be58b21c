/** Strings of the tree area. Same keys in id and en. */
export const tree = {
  id: {},
  en: {},
} as const;
