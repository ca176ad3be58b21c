/** Strings of the checks area. Same keys in id and en. */
export const checks = {
  id: {
    "checks.field.name": "Indikator Kinerja",
    "checks.field.definition": "Definisi/Penjelasan",
    "checks.field.relevance": "Relevansi Menggambarkan Kondisi",
    "checks.field.formula": "Formulasi/Rumus Perhitungan",
    "checks.field.dataSource": "Sumber Data",
    "checks.number.target": "Target",
    "checks.number.actual": "Realisasi",
    "checks.number.numerator": "Pembilang",
    "checks.number.denominator": "Penyebut",
    "checks.missingField":
      'Indikator "{indicator}" (kondisi {code}) tidak memiliki isian {field}. Lengkapi kolom {field} pada baris indikator ini.',
    "checks.missingColumn":
      "Tabel di {table} tidak memiliki kolom {field}, sehingga {count} indikatornya tanpa {field}. Tambahkan kolom {field} agar kertas kerja lengkap.",
    "checks.noIndicator":
      'Kondisi {code} "{name}" belum memiliki indikator kinerja. Tambahkan minimal satu indikator yang menggambarkan kondisi ini.',
    "checks.duplicateCode":
      'Kode {code} dipakai oleh dua kondisi yang berbeda: "{name}" dan "{otherName}" ({otherCell}). Beri salah satunya kode yang benar.',
    "checks.orphanCondition":
      'Kondisi {code} "{name}" merujuk ke kondisi induk {parent} yang tidak ada. Periksa kode induknya atau tambahkan kondisi {parent}.',
    "checks.orphanIndicator":
      'Indikator "{indicator}" tidak dapat dikaitkan dengan kondisi mana pun{refers}. Periksa kode kondisinya.',
    "checks.orphanRefers": " (kode {refersTo} tidak ditemukan)",
    "checks.codeParentMismatch":
      'Kode {code} ("{name}") tidak sesuai dengan induknya {parent}: kondisi di bawah {parent} seharusnya berkode {parent}.n. Perbaiki kodenya.',
    "checks.numberingGap":
      "Penomoran kondisi di bawah {parent} melompat: nomor {missing} tidak ada. Periksa apakah ada kondisi yang terlewat atau salah nomor.",
    "checks.numberingGapTop":
      "Penomoran CSF melompat: nomor {missing} tidak ada. Periksa apakah ada CSF yang terlewat atau salah nomor.",
    "checks.nameMismatch":
      'Kondisi {code} ditulis dengan nama berbeda: "{name}" ({nameCell}) dan "{other}" di sini. Samakan namanya di semua tempat.',
    "checks.formula.percentNoRatio":
      'Indikator "{indicator}" adalah persentase, tetapi rumusnya bukan pembagian × 100: "{formula}". Tuliskan rumus pembilang / penyebut × 100.',
    "checks.formula.ratioNoDivision":
      'Indikator "{indicator}" adalah rasio, tetapi rumusnya bukan pembagian: "{formula}". Tuliskan rumus pembilang / penyebut.',
    "checks.formula.countAsRatio":
      'Indikator "{indicator}" adalah jumlah, tetapi rumusnya menghitung persentase: "{formula}". Ganti nama indikator menjadi Persentase … atau ubah rumusnya menjadi hitungan.',
    "checks.formula.percentUnitOnCount":
      'Indikator "{indicator}" adalah jumlah, tetapi satuannya "{unit}". Gunakan satuan hitungan (Dokumen, Laporan, Kasus, …) atau ubah indikatornya menjadi persentase.',
    "checks.formula.countUnitOnPercent":
      'Indikator "{indicator}" adalah persentase, tetapi satuannya "{unit}". Gunakan satuan % atau ubah nama indikatornya.',
    "checks.narrative.notInTable":
      'Kalimat "tergambar dari indikator" kondisi {code} menyebut "{indicator}", tetapi indikator itu tidak ada di tabel indikatornya. Samakan kalimat dengan tabel.',
    "checks.narrative.notInLine":
      'Indikator "{indicator}" ada di tabel kondisi {code}, tetapi tidak disebut dalam kalimat "tergambar dari indikator". Samakan kalimat dengan tabel.',
    "checks.narrative.noLine":
      'Uraian kondisi {code} tidak memuat kalimat "Terwujudnya kondisi ini dapat tergambar dari indikator …". Tambahkan kalimat yang menyebut indikator-indikatornya.',
    "checks.duplicateText":
      '{field} indikator "{indicator}" sama persis dengan milik indikator "{otherIndicator}" ({otherCell}). Tuliskan {field} yang sesuai untuk indikator ini.',
    "checks.invalidNumber":
      '{field} indikator "{indicator}" berisi "{raw}", bukan angka. Isi dengan angka atau kosongkan bila belum ada data.',
    "checks.missingTarget":
      'Indikator "{indicator}" (kondisi {code}) belum memiliki target. Isi targetnya.',
    "checks.uncomputable.targetZero":
      'Capaian indikator "{indicator}" tidak dapat dihitung karena targetnya 0. Periksa targetnya.',
    "checks.uncomputable.targetMissing":
      'Capaian indikator "{indicator}" tidak dapat dihitung karena targetnya tidak ada. Isi targetnya dengan angka.',
    "checks.uncomputable.actualMissing":
      'Capaian indikator "{indicator}" tidak dapat dihitung karena realisasinya belum ada. Isi realisasinya dengan angka.',
    "checks.uncomputable.targetText":
      'Capaian indikator "{indicator}" tampil "–" karena targetnya diketik sebagai teks "{raw}" yang tidak dapat dibaca rumus di lembar. Ketik targetnya sebagai angka saja (tanpa satuan), misalnya 82,5.',
    "checks.uncomputable.actualText":
      'Capaian indikator "{indicator}" tampil "–" karena realisasinya diketik sebagai teks "{raw}" yang tidak dapat dibaca rumus di lembar. Ketik realisasinya sebagai angka saja (tanpa satuan), misalnya 82,5.',
    "checks.polarityAssumed.blank":
      'Polaritas indikator "{indicator}" (kondisi {code}) kosong, sehingga capaiannya dihitung sebagai "naik" (semakin tinggi semakin baik). Tulis "naik" untuk memastikannya, atau "turun" bila semakin rendah semakin baik.',
    "checks.polarityAssumed.noColumn":
      'Tabel target tidak memiliki kolom Polaritas, sehingga capaian indikator "{indicator}" (kondisi {code}) dihitung sebagai "naik" (semakin tinggi semakin baik). Tambahkan kolom Polaritas berisi "naik" atau "turun".',
    "checks.manualOverride":
      'Capaian indikator "{indicator}" diketik {typed}, padahal hasil hitungnya {computed}. Periksa angkanya; add-in tidak menimpa nilai yang Anda ketik.',
    "checks.missingOutcome":
      "Outcome tidak ditemukan. Tuliskan outcome (kondisi akhir yang ingin dicapai) di atas tabel CSF.",
    "checks.noSection":
      'Kondisi {code} "{name}" tidak memiliki uraian (Penjelasan, indikator) di dokumen. Tambahkan bagian uraian untuk kondisi ini.',
    "checks.levelNaming.operasional":
      'Kondisi operasional {code} "{name}" tidak dirumuskan sebagai sesuatu yang terlaksana. Awali dengan Terlaksananya, Tersusunnya, Tersedianya, Terkelolanya, …',
    "checks.levelNaming.state":
      '{level} {code} "{name}" dirumuskan sebagai kegiatan yang terlaksana, bukan sebagai kondisi. Awali dengan Meningkatnya, Terwujudnya, Menurunnya, …',
    "checks.levelNaming.outcome": "Outcome",
    "checks.levelNaming.csf": "CSF",
    "checks.levelNaming.antara": "Kondisi antara",
  },
  en: {
    "checks.field.name": "Performance indicator",
    "checks.field.definition": "Definition",
    "checks.field.relevance": "Relevance",
    "checks.field.formula": "Formula",
    "checks.field.dataSource": "Data source",
    "checks.number.target": "Target",
    "checks.number.actual": "Actual (realisasi)",
    "checks.number.numerator": "Numerator (pembilang)",
    "checks.number.denominator": "Denominator (penyebut)",
    "checks.missingField":
      'Indicator "{indicator}" (condition {code}) has no {field}. Fill in the {field} column of this indicator row.',
    "checks.missingColumn":
      "The table at {table} has no {field} column, so {count} of its indicators have no {field}. Add a {field} column so that the kertas kerja is complete.",
    "checks.noIndicator":
      'Condition {code} "{name}" has no performance indicator. Add at least one indicator that shows this condition.',
    "checks.duplicateCode":
      'Code {code} is used by two different conditions: "{name}" and "{otherName}" ({otherCell}). Give one of them its right code.',
    "checks.orphanCondition":
      'Condition {code} "{name}" refers to parent condition {parent}, which does not exist. Check the parent code or add condition {parent}.',
    "checks.orphanIndicator":
      'Indicator "{indicator}" could not be linked to any condition{refers}. Check its condition code.',
    "checks.orphanRefers": " (code {refersTo} not found)",
    "checks.codeParentMismatch":
      'Code {code} ("{name}") does not match its parent {parent}: conditions under {parent} should be coded {parent}.n. Correct the code.',
    "checks.numberingGap":
      "The numbering of conditions under {parent} skips: number {missing} is missing. Check whether a condition was left out or misnumbered.",
    "checks.numberingGapTop":
      "The CSF numbering skips: number {missing} is missing. Check whether a CSF was left out or misnumbered.",
    "checks.nameMismatch":
      'Condition {code} is written with different names: "{name}" ({nameCell}) and "{other}" here. Use the same name everywhere.',
    "checks.formula.percentNoRatio":
      'Indicator "{indicator}" is a percentage, but its formula is no division × 100: "{formula}". Write the formula as numerator / denominator × 100.',
    "checks.formula.ratioNoDivision":
      'Indicator "{indicator}" is a ratio, but its formula is no division: "{formula}". Write the formula as numerator / denominator.',
    "checks.formula.countAsRatio":
      'Indicator "{indicator}" is a count, but its formula computes a percentage: "{formula}". Rename the indicator to Persentase … or make the formula a count.',
    "checks.formula.percentUnitOnCount":
      'Indicator "{indicator}" is a count, but its unit is "{unit}". Use a count unit (Dokumen, Laporan, Kasus, …) or make the indicator a percentage.',
    "checks.formula.countUnitOnPercent":
      'Indicator "{indicator}" is a percentage, but its unit is "{unit}". Use % as the unit or rename the indicator.',
    "checks.narrative.notInTable":
      'The "tergambar dari indikator" line of condition {code} names "{indicator}", which is not in its indicator table. Make the line and the table agree.',
    "checks.narrative.notInLine":
      'Indicator "{indicator}" is in the table of condition {code} but not named in its "tergambar dari indikator" line. Make the line and the table agree.',
    "checks.narrative.noLine":
      'The section of condition {code} has no "Terwujudnya kondisi ini dapat tergambar dari indikator …" line. Add a line naming its indicators.',
    "checks.duplicateText":
      'The {field} of indicator "{indicator}" is word for word that of indicator "{otherIndicator}" ({otherCell}). Write a {field} that fits this indicator.',
    "checks.invalidNumber":
      'The {field} of indicator "{indicator}" holds "{raw}", which is not a number. Enter a number, or leave it empty while there is no data.',
    "checks.missingTarget":
      'Indicator "{indicator}" (condition {code}) has no target. Enter its target.',
    "checks.uncomputable.targetZero":
      'The achievement of indicator "{indicator}" cannot be computed because its target is 0. Check the target.',
    "checks.uncomputable.targetMissing":
      'The achievement of indicator "{indicator}" cannot be computed because it has no target. Enter the target as a number.',
    "checks.uncomputable.actualMissing":
      'The achievement of indicator "{indicator}" cannot be computed because it has no actual value yet. Enter the actual value as a number.',
    "checks.uncomputable.targetText":
      'The achievement of indicator "{indicator}" shows "–" because its target is typed as the text "{raw}", which the sheet\'s formula cannot read. Type the target as a plain number (no unit), e.g. 82.5.',
    "checks.uncomputable.actualText":
      'The achievement of indicator "{indicator}" shows "–" because its actual value is typed as the text "{raw}", which the sheet\'s formula cannot read. Type it as a plain number (no unit), e.g. 82.5.',
    "checks.polarityAssumed.blank":
      'The polarity of indicator "{indicator}" (condition {code}) is empty, so its achievement is computed as "naik" (higher is better). Write "naik" to confirm it, or "turun" if lower is better.',
    "checks.polarityAssumed.noColumn":
      'The target table has no Polaritas column, so the achievement of indicator "{indicator}" (condition {code}) is computed as "naik" (higher is better). Add a Polaritas column holding "naik" or "turun".',
    "checks.manualOverride":
      'The achievement of indicator "{indicator}" is typed as {typed}, but it computes to {computed}. Check the figure; the add-in does not overwrite values you typed.',
    "checks.missingOutcome":
      "No outcome was found. Write the outcome (the end condition to reach) above the CSF table.",
    "checks.noSection":
      'Condition {code} "{name}" has no section (explanation, indicators) in the document. Add a section for this condition.',
    "checks.levelNaming.operasional":
      'Operational condition {code} "{name}" is not phrased as something done. Start it with Terlaksananya, Tersusunnya, Tersedianya, Terkelolanya, …',
    "checks.levelNaming.state":
      '{level} {code} "{name}" is phrased as an activity done, not as a condition. Start it with Meningkatnya, Terwujudnya, Menurunnya, …',
    "checks.levelNaming.outcome": "Outcome",
    "checks.levelNaming.csf": "CSF",
    "checks.levelNaming.antara": "Intermediate condition",
  },
} as const;
