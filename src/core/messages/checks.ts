/** Strings of the checks area. Same keys in id and en. */
export const checks = {
  id: {},
  en: {},
} as const;
