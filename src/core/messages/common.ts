/** Strings shared by several areas. Same keys in id and en. */
export const common = {
  id: {
    "common.generatedMarker":
      "Dibuat otomatis oleh add-in Pohon Kinerja CSF ({marker}). Lembar ini diganti setiap kali dibuat ulang; jangan mengetik di sini.",
    "common.severity.error": "Kesalahan",
    "common.severity.warning": "Peringatan",
    "common.severity.info": "Info",
    "common.level.outcome": "Outcome",
    "common.level.csf": "CSF",
    "common.level.antara": "Kondisi Antara",
    "common.level.operasional": "Kondisi Operasional",
  },
  en: {
    "common.generatedMarker":
      "Made automatically by the Pohon Kinerja CSF add-in ({marker}). This sheet is replaced whenever it is made again; do not type here.",
    "common.severity.error": "Error",
    "common.severity.warning": "Warning",
    "common.severity.info": "Info",
    "common.level.outcome": "Outcome",
    "common.level.csf": "CSF",
    "common.level.antara": "Intermediate condition",
    "common.level.operasional": "Operational condition",
  },
} as const;
