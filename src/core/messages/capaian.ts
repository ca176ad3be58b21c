/** Strings of the capaian area (the fill). Same keys in id and en. */
export const capaian = {
  id: {
    // The header stays Indonesian in both languages: it is a domain word the reader looks for.
    "capaian.header": "Capaian (%)",
    "capaian.manualOverride":
      "Sel Capaian {cell} berisi nilai ketikan {typed}, sedangkan capaian hasil hitung {computed}. Nilai ketikan dibiarkan; pilih ganti bila ingin menggantinya dengan rumus.",
    "capaian.fillBlocked.column":
      'Tabel Target/Realisasi di lembar {sheet} tidak punya kolom Capaian, dan sel {cell} di kolom sebelah kanannya tidak kosong. Capaian tabel ini tidak diisi; tambahkan kolom "{header}" sendiri atau kosongkan kolom itu.',
    "capaian.fillBlocked.merged":
      "Sel Capaian {cell} berada di dalam sel gabungan (merge), sehingga capaian tidak dapat ditulis. Pisahkan gabungan sel itu lalu isi ulang.",
    "capaian.sheetProtected":
      "Lembar {sheet} diproteksi, sehingga capaian tidak dapat ditulis. Buka proteksi lembar itu lalu isi ulang.",
    "capaian.textNumber":
      '{field} {cell} berisi angka yang diketik sebagai teks ("{raw}"). Rumus capaian membacanya, tetapi Excel tidak menjumlah, mengurutkan atau membuat grafik dari teks: ketik ulang sebagai angka.',
    "capaian.textNumberUnread":
      '{field} {cell} berisi teks "{raw}" dalam bentuk yang tidak dapat dibaca rumus capaian, sehingga capaiannya tampil "–". Ketik ulang sebagai angka (tanpa satuan, misalnya 82,5).',
    "capaian.field.target": "Target",
    "capaian.field.actual": "Realisasi",
    "capaian.field.numerator": "Pembilang",
    "capaian.field.denominator": "Penyebut",
  },
  en: {
    "capaian.header": "Capaian (%)",
    "capaian.manualOverride":
      "Capaian cell {cell} holds the typed value {typed}, while the computed capaian is {computed}. The typed value is left as it is; choose replace to put the formula there instead.",
    "capaian.fillBlocked.column":
      'The Target/Realisasi table on sheet {sheet} has no Capaian column, and cell {cell} in the column to its right is not empty. This table\'s capaian is not filled; add a "{header}" column yourself or clear that column.',
    "capaian.fillBlocked.merged":
      "Capaian cell {cell} is inside a merged area, so the capaian cannot be written. Unmerge those cells and fill again.",
    "capaian.sheetProtected":
      "Sheet {sheet} is protected, so the capaian cannot be written. Unprotect the sheet and fill again.",
    "capaian.textNumber":
      '{field} {cell} holds a number typed as text ("{raw}"). The capaian formula reads it, but Excel does not sum, sort or chart text: type it again as a number.',
    "capaian.textNumberUnread":
      '{field} {cell} holds the text "{raw}" in a form the capaian formula cannot read, so its capaian shows "–". Type it again as a number (without a unit, e.g. 82.5).',
    "capaian.field.target": "Target",
    "capaian.field.actual": "Realisasi",
    "capaian.field.numerator": "Pembilang",
    "capaian.field.denominator": "Penyebut",
  },
} as const;
