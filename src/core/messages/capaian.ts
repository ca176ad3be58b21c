/** Strings of the capaian area. Same keys in id and en. */
export const capaian = {
  id: {},
  en: {},
} as const;
