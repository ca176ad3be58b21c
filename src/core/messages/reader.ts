/** Strings of the reader area. Same keys in id and en. */
export const reader = {
  id: {
    "reader.skipped.text":
      'Teks di {cell} tidak dapat ditempatkan pada kondisi atau tabel mana pun dan dilewati: "{text}"',
    "reader.skipped.tableRow":
      "Baris tabel CSF di {cell} tidak memuat kondisi yang diperlukan; baris ini dilewati.",
    "reader.skipped.noName":
      "Baris di {cell} memuat isian tanpa nama indikator kinerja; baris ini dilewati.",
    "reader.skipped.measuredTwice":
      'Indikator "{name}" sudah memiliki target dan realisasi di baris lain; baris {cell} dilewati.',
    "reader.skipped.polarity":
      'Polaritas "{text}" di {cell} tidak dikenali (gunakan "naik" atau "turun"); dianggap semakin tinggi semakin baik.',
    "reader.duplicateIndicator":
      'Indikator "{name}" di {cell} sudah tercatat untuk kondisi ini di {first}; baris ini dilewati.',
    "reader.codesGiven":
      "Tabel di {cell} tidak memuat kode kondisi; {count} kondisi diberi kode menurut urutannya (1, 1.1, 1.1.1, …).",
    "reader.levelsUnknown":
      "Tabel di {cell} tidak menyebut kode, tingkat, atau induk kondisinya, sehingga {count} kondisi dibaca sebagai CSF tanpa induk. Tambahkan kolom Kode (1, 1.1, 1.1.1, …) atau Level (CSF, Kondisi Antara, Kondisi Operasional).",
    "reader.parentMismatch":
      'Kondisi "{name}" di {cell} berada di bawah "{parent}", sedangkan di {other} di bawah kondisi lain.',
    "reader.skipped.otherOutcome":
      'Outcome lain "{text}" di {cell} dilewati; outcome yang dibaca ada di {outcome}.',
    "reader.measureColumns": "Kolom yang dibaca dari tabel di {cell}: {read}{unused}.",
    "reader.measureColumnsYear":
      "Kolom yang dibaca dari tabel di {cell} untuk tahun {year}: {read}{unused}.",
    "reader.measureColumns.target": "target dari kolom {column}",
    "reader.measureColumns.actual": "realisasi dari kolom {column}",
    "reader.measureColumns.achievement": "capaian dari kolom {column}",
    "reader.measureColumns.unused": "; tidak dipakai: {columns}",
    "reader.mappingOutdated":
      'Peta kolom untuk tabel di {cell} dibuat untuk judul kolom "{expected}", tetapi di lembar kini tertulis "{found}"; peta ini tidak dipakai. Buat peta kolom yang baru.',
    "reader.mappingNoSheet":
      'Peta kolom dibuat untuk lembar "{sheet}", yang tidak ada di buku kerja ini; peta ini tidak dipakai.',
    "reader.unplaced.unknown":
      "Tabel di {cell} (kolom: {headers}) tidak dapat dibaca karena judul kolomnya tidak dikenali. Tentukan peran setiap kolom dengan peta kolom.",
    "reader.unplaced.notLinked":
      "Indikator pada tabel di {cell} (kolom: {headers}) tidak dapat dihubungkan ke kondisi mana pun. Tentukan peran setiap kolom dengan peta kolom.",
    "reader.summary.file": "Berkas: {file}",
    "reader.summary.outcome": "Outcome: {outcome}",
    "reader.summary.noOutcome": "Outcome: (tidak ditemukan)",
    "reader.summary.organisation": "Organisasi: {organisation}",
    "reader.summary.counts":
      "{csf} CSF, {antara} kondisi antara, {operasional} kondisi operasional, {indicators} indikator kinerja",
    "reader.summary.orphans": "Indikator yang tidak terhubung ke kondisi mana pun: {count}",
    "reader.summary.tree": "Pohon kinerja:",
    "reader.summary.indicator": "IK: {name}",
    "reader.summary.findings": "Temuan: {error} kesalahan, {warning} peringatan, {info} info",
  },
  en: {
    "reader.skipped.text":
      'Text at {cell} could not be placed under any condition or table and was skipped: "{text}"',
    "reader.skipped.tableRow":
      "The CSF table row at {cell} holds no required condition; the row was skipped.",
    "reader.skipped.noName":
      "The row at {cell} has entries but no performance indicator name; the row was skipped.",
    "reader.skipped.measuredTwice":
      'Indicator "{name}" already has a target and actual in another row; row {cell} was skipped.',
    "reader.skipped.polarity":
      'Polarity "{text}" at {cell} is not understood (use "naik" or "turun"); higher-is-better was assumed.',
    "reader.duplicateIndicator":
      'Indicator "{name}" at {cell} is already listed for this condition at {first}; the row was skipped.',
    "reader.codesGiven":
      "The table at {cell} gives no condition codes; {count} conditions were numbered by their place (1, 1.1, 1.1.1, …).",
    "reader.levelsUnknown":
      "The table at {cell} gives no code, level or parent of its conditions, so {count} conditions were read as CSF without a parent. Add a Kode column (1, 1.1, 1.1.1, …) or a Level column (CSF, Kondisi Antara, Kondisi Operasional).",
    "reader.parentMismatch":
      'Condition "{name}" at {cell} is listed under "{parent}", while at {other} it is under another condition.',
    "reader.skipped.otherOutcome":
      'Another outcome "{text}" at {cell} was skipped; the outcome read is at {outcome}.',
    "reader.measureColumns": "Columns read from the table at {cell}: {read}{unused}.",
    "reader.measureColumnsYear":
      "Columns read from the table at {cell} for the year {year}: {read}{unused}.",
    "reader.measureColumns.target": "target from column {column}",
    "reader.measureColumns.actual": "realisasi from column {column}",
    "reader.measureColumns.achievement": "capaian from column {column}",
    "reader.measureColumns.unused": "; not used: {columns}",
    "reader.mappingOutdated":
      'The column mapping for the table at {cell} was made for the column header "{expected}", but the sheet now reads "{found}"; the mapping was not used. Make a new column mapping.',
    "reader.mappingNoSheet":
      'A column mapping was made for the sheet "{sheet}", which this workbook does not have; the mapping was not used.',
    "reader.unplaced.unknown":
      "The table at {cell} (columns: {headers}) could not be read: its column headers are not known. Say what each column holds with a column mapping.",
    "reader.unplaced.notLinked":
      "The indicators of the table at {cell} (columns: {headers}) could not be linked to any condition. Say what each column holds with a column mapping.",
    "reader.summary.file": "File: {file}",
    "reader.summary.outcome": "Outcome: {outcome}",
    "reader.summary.noOutcome": "Outcome: (not found)",
    "reader.summary.organisation": "Organisation: {organisation}",
    "reader.summary.counts":
      "{csf} CSF, {antara} intermediate conditions, {operasional} operational conditions, {indicators} performance indicators",
    "reader.summary.orphans": "Indicators not linked to any condition: {count}",
    "reader.summary.tree": "Performance tree:",
    "reader.summary.indicator": "PI: {name}",
    "reader.summary.findings": "Findings: {error} errors, {warning} warnings, {info} info",
  },
} as const;
