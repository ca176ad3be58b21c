/** Strings of the kertas-kerja area. Same keys in id and en. */
export const kertasKerja = {
  id: {},
  en: {},
} as const;
