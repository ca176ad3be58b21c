/** Header rows the tests write into workbooks, written out once. */

/** The Target & Realisasi table's header as the sample and the blank workbook have it. */
export const TARGET_REALISASI_HEADER = [
  "Kode",
  "Indikator Kinerja",
  "Satuan",
  "Target",
  "Realisasi",
  "Capaian (%)",
  "Polaritas",
];

/** The same with the Pembilang and Penyebut columns a Persentase's realisasi is computed from. */
export const TARGET_REALISASI_RATIO_HEADER = [...TARGET_REALISASI_HEADER, "Pembilang", "Penyebut"];
